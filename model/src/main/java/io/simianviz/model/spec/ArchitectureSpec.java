package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.simianviz.model.spec.chaos.ChaosSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The desired architecture. Field names follow spigo's architecture JSON where one exists.
 *
 * <p>The CEL rules below are the cross-field checks of {@code simianviz validate} that the API
 * server can make at admission (CrdAdmission*Test in the api module runs them on the examples).
 * Each stays within the API server's cost estimate because the lists it walks are bounded: {@code
 * services} and every {@code dependencies} hold at most {@value #MAX_TIERS} entries. A rule sees a
 * field named {@code package}, a CEL keyword, as {@code __package__}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.regionCount) || self.regionCount <= " + ArchitectureSpec.REGION_NAMES,
    message = "regionCount must not exceed the number of regionNames (six when none are given)",
    fieldPath = ".regionCount")
@ValidationRule(
    value =
        "!has(self.services) || self.services.all(t, self.services.exists_one(u, u.name =="
            + " t.name))",
    message = "tier names must be unique",
    fieldPath = ".services")
@ValidationRule(
    value =
        "!has(self.services) || self.services.all(t, !has(t.dependencies) ||"
            + " sets.contains(self.services.map(u, u.name) + ['eureka'], t.dependencies))",
    message = "every dependency must name a tier of this architecture, or be eureka",
    fieldPath = ".services")
@ValidationRule(
    value =
        "!has(self.services) || self.services.all(u, u.__package__ != 'denominator' ||"
            + " self.services.all(t, !has(t.dependencies) || !(u.name in t.dependencies)))",
    message = "no tier may depend on a traffic source (a denominator tier)",
    fieldPath = ".services")
@ValidationRule(
    value =
        "!has(self.services) || "
            + ArchitectureSpec.REGION_COUNT
            + " < 1 || "
            + ArchitectureSpec.REGION_COUNT
            + " > "
            + ArchitectureSpec.REGION_NAMES
            + " || self.services.all(t, (has(t.regions) ? t.regions : 1) <= "
            + ArchitectureSpec.REGION_NAMES
            + " / "
            + ArchitectureSpec.REGION_COUNT
            + ")",
    message = "no tier may span more regions (regions x regionCount) than there are regionNames",
    fieldPath = ".services")
@ValidationRule(
    value =
        "!has(self.victim) || self.victim == '' || (has(self.services) &&"
            + " self.services.exists(t, t.name == self.victim))",
    message = "victim must name a tier",
    fieldPath = ".victim")
@ValidationRule(
    value =
        "!has(self.chaos) || !has(self.chaos.monkey) || !has(self.chaos.monkey.victim) ||"
            + " self.chaos.monkey.victim == '' || (has(self.services) &&"
            + " self.services.exists(t, t.name == self.chaos.monkey.victim))",
    message = "chaos.monkey.victim must name a tier",
    fieldPath = ".chaos.monkey.victim")
public class ArchitectureSpec {
  /** Most tiers, and most dependencies of one tier, that the CRD admits. */
  public static final int MAX_TIERS = 128;

  /** regionCount as validate reads it (the schema's default, 1, when absent). */
  static final String REGION_COUNT = "(has(self.regionCount) ? self.regionCount : 1)";

  /** How many region names there are: the six defaults when none (or an empty list) are given. */
  static final String REGION_NAMES =
      "(has(self.regionNames) && size(self.regionNames) > 0 ? size(self.regionNames) : 6)";

  @JsonPropertyDescription("Free text describing the architecture (spigo: description).")
  private String description;

  @JsonPropertyDescription("Free-text version of the architecture (spigo: version).")
  private String version;

  @JsonPropertyDescription(
      "Tier whose instances the default chaos monkey deletes (spigo: victim); empty means none.")
  private String victim;

  @JsonPropertyDescription(
      "The tiers (spigo: services): named groups of identical instances with one package; at"
          + " least 1, at most "
          + MAX_TIERS
          + ".")
  @Required
  @Size(min = 1, max = MAX_TIERS)
  private List<TierSpec> services = new ArrayList<>();

  @JsonPropertyDescription(
      "How many regions a tier with regions=1 spans (spigo -w); at most the number of"
          + " regionNames.")
  @Min(1)
  @Default("1")
  private Integer regionCount;

  @JsonPropertyDescription(
      "Region names in order of use; default us-east-1, us-west-2, eu-west-1, eu-central-1,"
          + " ap-southeast-1, ap-southeast-2.")
  private List<String> regionNames;

  @JsonPropertyDescription(
      "Zone names within every region; instance i goes to zone i mod size. Default zoneA, zoneB,"
          + " zoneC.")
  private List<String> zoneNames;

  @JsonPropertyDescription(
      "Percentage applied to every tier's count (spigo -p); a scaled count below 1 is raised to"
          + " 1.")
  @Min(1)
  @Default("100")
  private Integer scale;

  @JsonPropertyDescription(
      "Placement of zones and regions: simulated (labels only) or real (node affinity to"
          + " topology.kubernetes.io/zone and region).")
  private Placement placement;

  @JsonPropertyDescription("Traffic generated by the denominator tiers.")
  private TrafficSpec traffic;

  @JsonPropertyDescription("Chaos settings: the periodic monkey, dry run and safety guards.")
  private ChaosSpec chaos;

  @JsonPropertyDescription("Network segmentation: NetworkPolicies allowing only declared edges.")
  private SegmentationSpec segmentation;

  @JsonPropertyDescription("Distributed tracing export.")
  private TracingSpec tracing;

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getVictim() {
    return victim;
  }

  public void setVictim(String victim) {
    this.victim = victim;
  }

  public List<TierSpec> getServices() {
    return services;
  }

  public void setServices(List<TierSpec> services) {
    this.services = services == null ? new ArrayList<>() : services;
  }

  public Integer getRegionCount() {
    return regionCount;
  }

  public void setRegionCount(Integer regionCount) {
    this.regionCount = regionCount;
  }

  public List<String> getRegionNames() {
    return regionNames;
  }

  public void setRegionNames(List<String> regionNames) {
    this.regionNames = regionNames;
  }

  public List<String> getZoneNames() {
    return zoneNames;
  }

  public void setZoneNames(List<String> zoneNames) {
    this.zoneNames = zoneNames;
  }

  public Integer getScale() {
    return scale;
  }

  public void setScale(Integer scale) {
    this.scale = scale;
  }

  public Placement getPlacement() {
    return placement;
  }

  public void setPlacement(Placement placement) {
    this.placement = placement;
  }

  public TrafficSpec getTraffic() {
    return traffic;
  }

  public void setTraffic(TrafficSpec traffic) {
    this.traffic = traffic;
  }

  public ChaosSpec getChaos() {
    return chaos;
  }

  public void setChaos(ChaosSpec chaos) {
    this.chaos = chaos;
  }

  public SegmentationSpec getSegmentation() {
    return segmentation;
  }

  public void setSegmentation(SegmentationSpec segmentation) {
    this.segmentation = segmentation;
  }

  public TracingSpec getTracing() {
    return tracing;
  }

  public void setTracing(TracingSpec tracing) {
    this.tracing = tracing;
  }
}
