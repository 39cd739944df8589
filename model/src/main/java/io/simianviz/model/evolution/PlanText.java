package io.simianviz.model.evolution;

import io.simianviz.model.evolution.Action.AwaitReady;
import io.simianviz.model.evolution.Action.Drain;
import io.simianviz.model.evolution.Action.Reconfigure;
import io.simianviz.model.evolution.Action.Repoint;
import io.simianviz.model.evolution.Action.Roll;
import io.simianviz.model.evolution.Action.StartInstances;
import io.simianviz.model.evolution.Action.Stop;
import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan as people review it: a header, then one numbered line per action; instances are shown by
 * region with runs of indices collapsed ({@code us-east-1 php00..php08}).
 */
public final class PlanText {
  private PlanText() {}

  public static String render(TransitionPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Plan for ")
        .append(plan.arch())
        .append(", ")
        .append(version(plan.fromVersion()))
        .append(" -> ")
        .append(version(plan.toVersion()))
        .append(": ");
    if (plan.isEmpty()) {
      out.append(count(plan.fromInstances())).append(", nothing to change\n");
      return out.toString();
    }
    out.append(plan.fromInstances())
        .append(" -> ")
        .append(count(plan.toInstances()))
        .append(" in ")
        .append(plan.actions().size())
        .append(plan.actions().size() == 1 ? " action\n" : " actions\n");
    int width = String.valueOf(plan.actions().size()).length();
    for (int i = 0; i < plan.actions().size(); i++) {
      String number = String.valueOf(i + 1);
      out.append(" ".repeat(width - number.length() + 1)).append(number).append(". ");
      describe(plan.actions().get(i), out, " ".repeat(width + 3));
    }
    return out.toString();
  }

  private static void describe(Action action, StringBuilder out, String indent) {
    switch (action) {
      case StartInstances s ->
          out.append("start ")
              .append(s.tier())
              .append(" (")
              .append(s.why())
              .append("): ")
              .append(instances(s.instances()))
              .append('\n');
      case AwaitReady a ->
          out.append("wait until ready: ").append(tiers(a.instances())).append('\n');
      case Repoint r ->
          out.append("re-point ")
              .append(r.tier())
              .append(": ")
              .append(r.oldDependencies())
              .append(" -> ")
              .append(r.newDependencies())
              .append('\n');
      case Roll r -> roll(r, out, indent);
      case Drain d ->
          out.append("drain ")
              .append(d.tier())
              .append(" (")
              .append(d.why())
              .append("): ")
              .append(instances(d.instances()))
              .append('\n');
      case Stop s ->
          out.append("stop ")
              .append(s.tier())
              .append(": ")
              .append(count(s.instances().size()))
              .append('\n');
      case Reconfigure c ->
          out.append("apply settings: ").append(String.join(", ", c.settings())).append('\n');
    }
  }

  private static void roll(Roll r, StringBuilder out, String indent) {
    out.append("roll ").append(r.tier());
    if (!java.util.Objects.equals(r.fromVersion(), r.toVersion())) {
      out.append(' ')
          .append(version(r.fromVersion()))
          .append(" -> ")
          .append(version(r.toVersion()));
    }
    if (!r.changed().isEmpty()) {
      out.append(" (").append(String.join(", ", r.changed())).append(" changed)");
    }
    out.append(": ")
        .append(count(r.instances().size()))
        .append(", at most ")
        .append(r.maxSurge())
        .append(" extra and ")
        .append(r.maxUnavailable())
        .append(" unavailable at a time\n");
    r.canary()
        .ifPresent(
            c -> {
              out.append(indent)
                  .append("canary first: ")
                  .append(c.weight())
                  .append("% of calls, judged every ")
                  .append(seconds(c.interval()))
                  .append(" (success rate >= ")
                  .append(plain(c.minSuccessRate()));
              if (c.hasLatencyLimit()) {
                out.append(", p99 <= ").append(plain(c.maxP99Ms())).append("ms");
              }
              out.append("); rolled back after ")
                  .append(c.failureLimit())
                  .append(c.failureLimit() == 1 ? " failed interval" : " failed intervals")
                  .append(", promoted after ")
                  .append(c.iterations())
                  .append('\n');
            });
  }

  private static String version(String v) {
    return v == null ? "(no version)" : v;
  }

  private static String count(int n) {
    return n + (n == 1 ? " instance" : " instances");
  }

  /** {@code 2 instances: us-east-1 php00..php01; us-west-2 php00}. */
  static String instances(List<InstanceRef> instances) {
    Map<String, List<InstanceRef>> byRegion = new LinkedHashMap<>();
    for (InstanceRef i : instances) {
      byRegion.computeIfAbsent(i.region(), k -> new ArrayList<>()).add(i);
    }
    List<String> parts = new ArrayList<>();
    byRegion.forEach(
        (region, list) ->
            parts.add((Instance.ANY.equals(region) ? "global" : region) + " " + runs(list)));
    return count(instances.size()) + ": " + String.join("; ", parts);
  }

  /** Short names, runs of consecutive indices of one tier as first..last. */
  private static String runs(List<InstanceRef> list) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < list.size()) {
      int j = i;
      while (j + 1 < list.size()
          && list.get(j + 1).tier().equals(list.get(i).tier())
          && list.get(j + 1).index() == list.get(j).index() + 1) {
        j++;
      }
      parts.add(
          i == j
              ? list.get(i).shortName()
              : list.get(i).shortName() + ".." + list.get(j).shortName());
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  /** {@code memcache (1), datastore (6)}. */
  private static String tiers(List<InstanceRef> instances) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    instances.forEach(i -> counts.merge(i.tier(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((tier, n) -> parts.add(tier + " (" + n + ")"));
    return String.join(", ", new LinkedHashSet<>(parts));
  }

  private static String seconds(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
