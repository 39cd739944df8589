package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.simianviz.model.spec.evolution.AutoscaleSpec;
import io.simianviz.model.spec.evolution.CanarySpec;
import io.simianviz.model.spec.evolution.RolloutSpec;
import java.util.ArrayList;
import java.util.List;

/** One tier (spigo: service): identical instances running one package. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "package", "count", "regions", "dependencies"})
public class TierSpec {
  @JsonPropertyDescription(
      "Tier name, spigo style (e.g. cassSubscriber); Kubernetes names derive from it as lower-case"
          + " kebab (cass-subscriber), which must start with a letter and be at most 63"
          + " characters.")
  @Required
  @Pattern(TierSchemaRules.NAME_PATTERN)
  @Size(max = 253)
  @ValidationRule(
      value = TierSchemaRules.KEBAB_LENGTH,
      message =
          "must map to a DNS label of at most 63 characters (its lower-case kebab form:"
              + " cassSubscriber becomes cass-subscriber)")
  private String name;

  @JsonProperty("package")
  @JsonPropertyDescription(
      "Behaviour of the tier: denominator, elb, zuul, karyon, monolith, staash, store, cache,"
          + " volume, priamCassandra, riak, eureka or pirate.")
  @Required
  @SchemaFrom(type = PackageSchema.class) // an enum in the schema; a String here (see there)
  private String packageName;

  @JsonPropertyDescription(
      "Instances per region, spread over the zones; 0 means one instance not tied to a zone.")
  @Min(0)
  private Integer count;

  @JsonPropertyDescription(
      "Regions the tier spans, multiplied by regionCount; 0 means one global instance in region"
          + " '*'.")
  @Min(0)
  private Integer regions;

  @JsonPropertyDescription(
      "Names of the tiers this tier calls; itself means peer replication, eureka means connected"
          + " across regions. At most "
          + ArchitectureSpec.MAX_TIERS
          + ".")
  @Size(max = ArchitectureSpec.MAX_TIERS)
  @ValidationRule(value = "self.all(d, d != '')", message = "must be tier names (none empty)")
  private List<String> dependencies = new ArrayList<>();

  @JsonPropertyDescription(
      "Protocol the tier serves, which its callers use: http (default; JSON over HTTP/1.1), http2"
          + " (JSON over HTTP/2 cleartext, prior knowledge) or grpc (protobuf, service"
          + " simianviz.v1.Nanoservice). Every instance also answers HTTP/1.1 on the same port.")
  private Protocol protocol;

  @JsonPropertyDescription(
      "Service time distribution: constant(2ms), normal(mean,sd), lognormal(p50,p99) or"
          + " histogram(1ms:90,10ms:10); default depends on the package.")
  @Pattern(TierSchemaRules.SERVICE_TIME_PATTERN)
  @Size(max = 1024)
  @ValidationRule(
      value = TierSchemaRules.LOGNORMAL_ORDER,
      message = "lognormal needs 0 < p50 <= p99")
  private String serviceTime;

  @JsonPropertyDescription("Fraction of requests answered with an error, 0 to 1.")
  @Min(0)
  @Max(1)
  private Double errorRate;

  @JsonPropertyDescription("Size of each response body in bytes.")
  @Min(0)
  private Integer responseBytes;

  @JsonPropertyDescription("Fraction of GETs a cache answers from memory, 0 to 1 (caches only).")
  @Min(0)
  @Max(1)
  private Double hitRate;

  @JsonPropertyDescription(
      "Calls per request: one (one instance of one dependency, spigo's behaviour) or all (every"
          + " dependency tier).")
  private Fanout fanout;

  @JsonPropertyDescription("CPU and memory requests and limits of each instance's container.")
  @SchemaFrom(type = ResourceRequirements.class) // quantities are int-or-string, as in a pod spec
  private ComputeResources resources;

  @JsonPropertyDescription("Container image of the nanoservice; default: the operator's own.")
  private String image;

  @JsonPropertyDescription(
      "Version of the tier's code, free text that is a Kubernetes label value (e.g. v2). A change"
          + " rolls the tier's instances (see rollout and canary); settings changed in the same"
          + " step (serviceTime, errorRate, ...) belong to the new version.")
  @Size(max = 63)
  @Pattern(TierSchemaRules.VERSION_PATTERN)
  private String version;

  @JsonPropertyDescription(
      "How instances are replaced when the version or a setting changes: maxSurge and"
          + " maxUnavailable, as a Deployment's rolling update (defaults 25% and 0).")
  private RolloutSpec rollout;

  @JsonPropertyDescription(
      "Roll a new version out as a canary: a share of the calls first, judged interval by"
          + " interval; promoted when it passes, rolled back when it fails.")
  private CanarySpec canary;

  @JsonPropertyDescription(
      "Instances per region follow the measured load between min and max (count is where the"
          + " tier starts); scale-up is immediate, scale-down waits for the stabilization window.")
  private AutoscaleSpec autoscale;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPackageName() {
    return packageName;
  }

  public void setPackageName(String packageName) {
    this.packageName = packageName;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public Integer getRegions() {
    return regions;
  }

  public void setRegions(Integer regions) {
    this.regions = regions;
  }

  public List<String> getDependencies() {
    return dependencies;
  }

  public void setDependencies(List<String> dependencies) {
    this.dependencies = dependencies == null ? new ArrayList<>() : dependencies;
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public void setProtocol(Protocol protocol) {
    this.protocol = protocol;
  }

  public String getServiceTime() {
    return serviceTime;
  }

  public void setServiceTime(String serviceTime) {
    this.serviceTime = serviceTime;
  }

  public Double getErrorRate() {
    return errorRate;
  }

  public void setErrorRate(Double errorRate) {
    this.errorRate = errorRate;
  }

  public Integer getResponseBytes() {
    return responseBytes;
  }

  public void setResponseBytes(Integer responseBytes) {
    this.responseBytes = responseBytes;
  }

  public Double getHitRate() {
    return hitRate;
  }

  public void setHitRate(Double hitRate) {
    this.hitRate = hitRate;
  }

  public Fanout getFanout() {
    return fanout;
  }

  public void setFanout(Fanout fanout) {
    this.fanout = fanout;
  }

  public ComputeResources getResources() {
    return resources;
  }

  public void setResources(ComputeResources resources) {
    this.resources = resources;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout;
  }

  public CanarySpec getCanary() {
    return canary;
  }

  public void setCanary(CanarySpec canary) {
    this.canary = canary;
  }

  public AutoscaleSpec getAutoscale() {
    return autoscale;
  }

  public void setAutoscale(AutoscaleSpec autoscale) {
    this.autoscale = autoscale;
  }
}
