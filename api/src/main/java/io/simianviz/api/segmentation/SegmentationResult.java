package io.simianviz.api.segmentation;

import io.simianviz.api.v1alpha1.SegmentationStatus;
import io.simianviz.api.v1alpha1.TierSegmentation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The outcomes of one round of probes, summarised for the status and the Segmented condition.
 *
 * @param outcomes one per planned probe, in the plan's order
 */
public record SegmentationResult(List<ProbeOutcome> outcomes) {
  public static final String SEGMENTED = "SEGMENTED";
  public static final String OPEN = "OPEN";
  public static final String FAILING = "FAILING";
  public static final String DISABLED = "DISABLED";

  private static final int PAIRS_IN_MESSAGE = 5;
  private static final Pattern TIME_TAKEN = Pattern.compile(" \\(\\d+ ms\\)$");

  public SegmentationResult {
    outcomes = List.copyOf(outcomes);
  }

  public boolean allMet() {
    return outcomes.stream().allMatch(ProbeOutcome::met);
  }

  /** {@code SEGMENTED 24/24}, {@code OPEN 18/24} or {@code FAILING 22/24}. */
  public String summary() {
    long met = outcomes.stream().filter(ProbeOutcome::met).count();
    String word = allMet() ? SEGMENTED : anyUndeclaredConnected() ? OPEN : FAILING;
    return word + " " + met + "/" + outcomes.size();
  }

  /** Whether some undeclared edge connected: the architecture is not segmented. */
  public boolean anyUndeclaredConnected() {
    return of(Expectation.BLOCKED).stream()
        .anyMatch(o -> ProbeOutcome.CONNECTED.equals(o.outcome()));
  }

  /**
   * Whether every undeclared edge probed connected: what a cluster whose network plugin does not
   * implement NetworkPolicies shows (the policies exist, nothing enforces them).
   */
  public boolean policiesNotEnforced() {
    List<ProbeOutcome> undeclared = of(Expectation.BLOCKED);
    return !undeclared.isEmpty()
        && undeclared.stream().allMatch(o -> ProbeOutcome.CONNECTED.equals(o.outcome()));
  }

  /** The message of the Segmented condition. */
  public String conditionMessage() {
    String counts =
        "declared edges reachable "
            + ratio(of(Expectation.REACHABLE))
            + ", undeclared edges blocked "
            + ratio(of(Expectation.BLOCKED));
    if (allMet()) {
      return counts;
    }
    List<String> failing =
        outcomes.stream().filter(o -> !o.met()).map(ProbeOutcome::describe).toList();
    String pairs = failing.stream().limit(PAIRS_IN_MESSAGE).collect(Collectors.joining("; "));
    int more = failing.size() - PAIRS_IN_MESSAGE;
    String message = counts + "; failing: " + pairs + (more > 0 ? " and " + more + " more" : "");
    if (policiesNotEnforced()) {
      message =
          "NetworkPolicies are not being enforced: every undeclared edge probed connected; the"
              + " cluster's network plugin probably does not implement NetworkPolicies. "
              + message;
    }
    return message;
  }

  /** The status section, per calling tier in the plan's order. */
  public SegmentationStatus toStatus(Instant checked) {
    SegmentationStatus status = new SegmentationStatus();
    status.setSummary(summary());
    status.setChecked(checked.truncatedTo(ChronoUnit.SECONDS).toString());
    status.setDeclaredReachable(ratio(of(Expectation.REACHABLE)));
    status.setUndeclaredBlocked(ratio(of(Expectation.BLOCKED)));
    Map<String, List<ProbeOutcome>> byTier =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(
                    o -> o.probe().fromTier(), LinkedHashMap::new, Collectors.toList()));
    status.setTiers(byTier.entrySet().stream().map(e -> tier(e.getKey(), e.getValue())).toList());
    return status;
  }

  /** The section shown when spec.segmentation.enabled is false: no policies, no probes. */
  public static SegmentationStatus disabled() {
    SegmentationStatus status = new SegmentationStatus();
    status.setSummary(DISABLED);
    status.setTiers(null);
    return status;
  }

  /**
   * Whether two sections report the same findings, ignoring when they were checked and how many
   * milliseconds each failing probe took: a re-check that finds the same rewrites nothing.
   */
  public static boolean sameFindings(SegmentationStatus a, SegmentationStatus b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return Objects.equals(a.getSummary(), b.getSummary())
        && Objects.equals(a.getDeclaredReachable(), b.getDeclaredReachable())
        && Objects.equals(a.getUndeclaredBlocked(), b.getUndeclaredBlocked())
        && Objects.equals(findings(a), findings(b));
  }

  private static List<String> findings(SegmentationStatus status) {
    return status.getTiers() == null
        ? List.of()
        : status.getTiers().stream()
            .map(
                t ->
                    t.getName()
                        + " "
                        + t.getDeclaredReachable()
                        + " "
                        + t.getUndeclaredBlocked()
                        + " "
                        + t.getFailing().stream()
                            .map(f -> TIME_TAKEN.matcher(f).replaceFirst(""))
                            .toList())
            .toList();
  }

  private static TierSegmentation tier(String name, List<ProbeOutcome> probes) {
    TierSegmentation tier = new TierSegmentation();
    tier.setName(name);
    tier.setDeclaredReachable(ratio(filter(probes, Expectation.REACHABLE)));
    tier.setUndeclaredBlocked(ratio(filter(probes, Expectation.BLOCKED)));
    tier.setFailing(
        probes.stream()
            .filter(Predicate.not(ProbeOutcome::met))
            .map(ProbeOutcome::describe)
            .toList());
    return tier;
  }

  private List<ProbeOutcome> of(Expectation expect) {
    return filter(outcomes, expect);
  }

  private static List<ProbeOutcome> filter(List<ProbeOutcome> outcomes, Expectation expect) {
    return outcomes.stream().filter(o -> o.probe().expect() == expect).toList();
  }

  private static String ratio(List<ProbeOutcome> probes) {
    return probes.stream().filter(ProbeOutcome::met).count() + "/" + probes.size();
  }
}
