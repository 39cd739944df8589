package io.simianviz.local;

import io.simianviz.local.evolution.EvolutionPlan;
import io.simianviz.local.host.FileDescriptorBudget;
import io.simianviz.model.topology.ExpansionOptions;
import java.io.PrintStream;

/**
 * What the open-file limit means for one run, said before it starts: a run whose instances cannot
 * all have their sockets is refused rather than failing part-way, and pools the limit made small
 * are pointed out, since calls then queue for a connection under load.
 */
final class OpenFileChecks {
  private OpenFileChecks() {}

  /**
   * Whether the open-file limit allows the run: each tier at its largest over a folder's versions.
   */
  static boolean fits(LocalRun run, RunOptions options, EvolutionPlan evolution, PrintStream err) {
    int most =
        evolution == null
            ? run.totalInstances()
            : Math.max(
                run.totalInstances(),
                evolution
                    .instancesPerTier(new ExpansionOptions(options.scale(), options.regions()))
                    .values()
                    .stream()
                    .mapToInt(Integer::intValue)
                    .sum());
    String problem = FileDescriptorBudget.problem(most);
    if (problem != null) {
      err.println("simianviz run: " + problem);
      return false;
    }
    return true;
  }

  /**
   * A console line when the smallest pool is below {@link FileDescriptorBudget#FEW_CONNECTIONS},
   * else nothing.
   */
  static void smallPools(LocalRun run, Console console) {
    int pool = run.smallestPool();
    if (pool < FileDescriptorBudget.FEW_CONNECTIONS) {
      console.event(
          "the open-file limit leaves "
              + pool
              + " connection(s) per instance of the largest tiers for all their callers; under"
              + " load calls will queue for them (raise ulimit -n, or lower --scale)");
    }
  }
}
