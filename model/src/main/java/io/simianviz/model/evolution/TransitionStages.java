package io.simianviz.model.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.Defaults;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The intermediate specs a runtime that applies whole specs (the operator) goes through between two
 * versions, in the {@link TransitionPlanner}'s order (docs/evolution.md):
 *
 * <ol>
 *   <li>{@link Stage#GROW}: everything of {@code from} still running, plus every new tier, region
 *       and scale-up of {@code to} (a tier has the larger of its two counts); callers still call
 *       their old dependencies;
 *   <li>{@link Stage#SWITCH}: every tier of {@code to} at its {@code to} version (callers
 *       re-pointed, changed tiers rolled), still at the larger count, and the removed tiers still
 *       there, which nobody calls any more;
 *   <li>{@link Stage#SHRINK}: exactly {@code to}.
 * </ol>
 *
 * A stage whose spec equals the one before it ({@code from} for the first) is left out, so a change
 * of settings only is one stage. A change between {@code count: 0} (one instance not tied to a
 * zone) and a count, or between {@code regions: 0} and a number, changes the shape of the tier: its
 * grow stage keeps the running shape and the new shape starts in switch. When the two specs scale
 * differently ({@code scale}), the intermediate specs carry effective counts at scale 100.
 */
public final class TransitionStages {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The stages, in order. */
  public enum Stage {
    GROW,
    SWITCH,
    SHRINK;

    /** As status and events write it: {@code grow}, {@code switch}, {@code shrink}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The stage a label names.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Stage of(String label) {
      for (Stage s : values()) {
        if (s.label().equals(label)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "unknown stage \"" + label + "\" (expected grow, switch or shrink)");
    }
  }

  /** One stage and the spec applied in it. */
  public record StageSpec(Stage stage, ArchitectureSpec spec) {}

  private TransitionStages() {}

  /** The stages from {@code from} to {@code to}, unchanged ones left out; none when equal. */
  public static List<StageSpec> of(ArchitectureSpec from, ArchitectureSpec to) {
    List<StageSpec> stages = new ArrayList<>();
    JsonNode previous = JSON.valueToTree(from);
    for (StageSpec s :
        List.of(
            new StageSpec(Stage.GROW, grow(from, to)),
            new StageSpec(Stage.SWITCH, switchOver(from, to)),
            new StageSpec(Stage.SHRINK, copy(to)))) {
      JsonNode tree = JSON.valueToTree(s.spec());
      if (!tree.equals(previous)) {
        stages.add(s);
        previous = tree;
      }
    }
    return stages;
  }

  /** Whether two specs are the same, field by field. */
  public static boolean same(ArchitectureSpec a, ArchitectureSpec b) {
    return JSON.valueToTree(a).equals(JSON.valueToTree(b));
  }

  static ArchitectureSpec grow(ArchitectureSpec from, ArchitectureSpec to) {
    ArchitectureSpec stage = copy(from);
    Map<String, TierSpec> toTiers = byName(to);
    Counts counts = new Counts(from, to);
    List<TierSpec> tiers = new ArrayList<>();
    for (TierSpec f : stage.getServices()) {
      TierSpec t = toTiers.get(f.getName());
      tiers.add(t == null ? counts.alone(f, from) : counts.larger(f, Defaults.scale(from), f, t));
    }
    Map<String, TierSpec> fromTiers = byName(from);
    for (TierSpec t : to.getServices()) {
      if (!fromTiers.containsKey(t.getName())) {
        tiers.add(counts.alone(copy(t), to));
      }
    }
    stage.setServices(tiers);
    places(stage, from, to);
    return stage;
  }

  static ArchitectureSpec switchOver(ArchitectureSpec from, ArchitectureSpec to) {
    ArchitectureSpec stage = copy(to);
    Map<String, TierSpec> fromTiers = byName(from);
    Counts counts = new Counts(from, to);
    List<TierSpec> tiers = new ArrayList<>();
    for (TierSpec t : stage.getServices()) {
      TierSpec f = fromTiers.get(t.getName());
      tiers.add(f == null ? counts.alone(t, to) : counts.larger(t, Defaults.scale(to), f, t));
    }
    Map<String, TierSpec> toTiers = byName(to);
    for (TierSpec f : from.getServices()) {
      if (!toTiers.containsKey(f.getName())) {
        tiers.add(counts.alone(copy(f), from));
      }
    }
    stage.setServices(tiers);
    places(stage, from, to);
    return stage;
  }

  /** Regions and zones of an intermediate stage: the most of each that either version has. */
  private static void places(ArchitectureSpec stage, ArchitectureSpec from, ArchitectureSpec to) {
    stage.setRegionNames(
        longer(from.getRegionNames(), to.getRegionNames(), stage.getRegionNames()));
    stage.setZoneNames(longer(from.getZoneNames(), to.getZoneNames(), stage.getZoneNames()));
    if (Defaults.scale(from) != Defaults.scale(to)) {
      stage.setScale(Defaults.SCALE_PERCENT);
    }
    int names = Defaults.regionNames(stage).size();
    int count = Math.max(Defaults.regionCount(from), Defaults.regionCount(to));
    if (count != Defaults.regionCount(stage)) {
      stage.setRegionCount(Math.min(count, names));
    }
  }

  /**
   * The list one version extends the other with; when neither extends the other, the stage's own (a
   * rename of regions or zones is not surged).
   */
  private static List<String> longer(List<String> a, List<String> b, List<String> own) {
    if (a == null || b == null || Objects.equals(a, b)) {
      return own;
    }
    if (b.size() > a.size() && b.subList(0, a.size()).equals(a)) {
      return b;
    }
    if (a.size() > b.size() && a.subList(0, b.size()).equals(b)) {
      return a;
    }
    return own;
  }

  /** Counts of an intermediate stage. */
  private static final class Counts {
    private final int fromScale;
    private final int toScale;
    private final boolean rescale;

    Counts(ArchitectureSpec from, ArchitectureSpec to) {
      fromScale = Defaults.scale(from);
      toScale = Defaults.scale(to);
      rescale = fromScale != toScale;
    }

    /** A tier in one version only, at scale 100 when the stage is. */
    TierSpec alone(TierSpec tier, ArchitectureSpec version) {
      if (rescale && Defaults.count(tier) > 0) {
        tier.setCount(effective(Defaults.count(tier), Defaults.scale(version)));
      }
      return tier;
    }

    /**
     * {@code base} (of the version at {@code baseScale}) with the larger count and regions of
     * {@code f} and {@code t} when both have the same shape.
     */
    TierSpec larger(TierSpec base, int baseScale, TierSpec f, TierSpec t) {
      TierSpec out = copy(base);
      int fc = Defaults.count(f);
      int tc = Defaults.count(t);
      if (fc > 0 && tc > 0) {
        out.setCount(
            rescale
                ? Math.max(effective(fc, fromScale), effective(tc, toScale))
                : Math.max(fc, tc));
      } else if (rescale && Defaults.count(out) > 0) {
        out.setCount(effective(Defaults.count(out), baseScale));
      }
      int fr = Defaults.regions(f);
      int tr = Defaults.regions(t);
      if ((fr == 0) == (tr == 0) && Math.max(fr, tr) != Defaults.regions(out)) {
        out.setRegions(Math.max(fr, tr));
      }
      return out;
    }

    private static int effective(int count, int scale) {
      return count == 0 ? 0 : Math.max(1, (int) ((long) count * scale / 100));
    }
  }

  private static Map<String, TierSpec> byName(ArchitectureSpec spec) {
    Map<String, TierSpec> out = new LinkedHashMap<>();
    spec.getServices().forEach(t -> out.put(t.getName(), t));
    return out;
  }

  private static ArchitectureSpec copy(ArchitectureSpec spec) {
    return JSON.convertValue(JSON.valueToTree(spec), ArchitectureSpec.class);
  }

  private static TierSpec copy(TierSpec tier) {
    return JSON.convertValue(JSON.valueToTree(tier), TierSpec.class);
  }
}
