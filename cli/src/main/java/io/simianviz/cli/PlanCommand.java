package io.simianviz.cli;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.model.evolution.TransitionPlan;
import io.simianviz.model.evolution.TransitionPlanner;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the ordered actions that move a running architecture from one version to the next. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Print the transition plan from one version of an architecture to the next: what starts,",
      "what is re-pointed or rolled, what is drained and stopped, in order (docs/evolution.md)."
    })
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FROM", description = "The running version.")
  Path from;

  @Parameters(index = "1", paramLabel = "TO", description = "The next version.")
  Path to;

  @Mixin ExpansionMixin expansion;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    LoadedArchitecture running = ArchitectureInput.load(from, err, expansion.options());
    LoadedArchitecture next;
    try {
      next = ArchitectureFiles.read(to);
    } catch (InvalidArchitectureException e) {
      throw new InputFileException(to, e.problems());
    }
    // A tier removed while still called: say so, rather than "unknown tier".
    List<Problem> stillCalled =
        TransitionPlanner.removedButCalled(
            running.architecture().getSpec(), next.architecture().getSpec());
    if (!stillCalled.isEmpty()) {
      throw new InputFileException(to, stillCalled);
    }
    next = ArchitectureInput.load(to, err, expansion.options());
    if (!running.name().equals(next.name())) {
      throw new InputFileException(
          to,
          List.of(
              new Problem(
                  "metadata.name",
                  "\""
                      + next.name()
                      + "\" is not \""
                      + running.name()
                      + "\" of "
                      + from
                      + "; a plan moves one architecture from one version to the next")));
    }
    TransitionPlan plan;
    try {
      plan =
          TransitionPlanner.plan(
              running.name(),
              running.architecture().getSpec(),
              next.architecture().getSpec(),
              expansion.options());
    } catch (InvalidArchitectureException e) {
      throw new InputFileException(to, e.problems());
    }
    spec.commandLine().getOut().print(plan.render());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
