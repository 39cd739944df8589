package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the segmentation probes found: declared edges reachable, undeclared edges blocked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SegmentationStatus {
  @JsonPropertyDescription(
      "SEGMENTED n/m when all m probes found what they expected, OPEN n/m when an undeclared edge"
          + " connected, FAILING n/m when a declared edge did not connect or a probe was"
          + " inconclusive, DISABLED when spec.segmentation.enabled is false.")
  private String summary;

  @JsonPropertyDescription(
      "When the probes first found these results (re-checks that find the same do not change it).")
  private String checked;

  @JsonPropertyDescription("Declared edges reached, over all declared edges probed.")
  private String declaredReachable;

  @JsonPropertyDescription("Sampled undeclared edges blocked, over all undeclared edges probed.")
  private String undeclaredBlocked;

  @JsonPropertyDescription("Per calling tier: its probes and the ones that failed.")
  private List<TierSegmentation> tiers = new ArrayList<>();

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getChecked() {
    return checked;
  }

  public void setChecked(String checked) {
    this.checked = checked;
  }

  public String getDeclaredReachable() {
    return declaredReachable;
  }

  public void setDeclaredReachable(String declaredReachable) {
    this.declaredReachable = declaredReachable;
  }

  public String getUndeclaredBlocked() {
    return undeclaredBlocked;
  }

  public void setUndeclaredBlocked(String undeclaredBlocked) {
    this.undeclaredBlocked = undeclaredBlocked;
  }

  public List<TierSegmentation> getTiers() {
    return tiers;
  }

  public void setTiers(List<TierSegmentation> tiers) {
    this.tiers = tiers;
  }
}
