package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Relative weights of GET and PUT requests; default get 50, put 50 (spigo chose at random). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.get) && self.get > 0) || (has(self.put) && self.put > 0)",
    message = "get and put weights must add up to more than 0")
public class TrafficMix {
  @JsonPropertyDescription("Weight of GET requests.")
  @Min(0)
  private Integer get;

  @JsonPropertyDescription("Weight of PUT requests.")
  @Min(0)
  private Integer put;

  public Integer getGet() {
    return get;
  }

  public void setGet(Integer get) {
    this.get = get;
  }

  public Integer getPut() {
    return put;
  }

  public void setPut(Integer put) {
    this.put = put;
  }
}
