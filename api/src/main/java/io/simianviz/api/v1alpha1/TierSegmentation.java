package io.simianviz.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the probes from one tier's pod found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TierSegmentation {
  @JsonPropertyDescription("The calling tier.")
  private String name;

  @JsonPropertyDescription("Declared dependencies reached, over those probed (e.g. 2/2).")
  private String declaredReachable;

  @JsonPropertyDescription("Sampled undeclared tiers blocked, over those probed (e.g. 3/3).")
  private String undeclaredBlocked;

  @JsonPropertyDescription(
      "Probes that did not find what they expected, e.g. 'a -> b: expected blocked, got connected"
          + " (3 ms)'.")
  private List<String> failing = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
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

  public List<String> getFailing() {
    return failing;
  }

  public void setFailing(List<String> failing) {
    this.failing = failing;
  }
}
