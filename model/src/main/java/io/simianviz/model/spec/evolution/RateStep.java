package io.simianviz.model.spec.evolution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** From {@code at} after the traffic starts, each traffic source sends {@code rate} requests/s. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RateStep {
  @JsonPropertyDescription("Time since the traffic started, e.g. 30s.")
  @Required
  @Pattern("^\\s*([0-9]+(\\.[0-9]+)?(us|ms|s|m|h))+\\s*$")
  private String at;

  @JsonPropertyDescription("Requests per second per traffic source instance from then on.")
  @Required
  @Min(0)
  private Double rate;

  public RateStep() {}

  public RateStep(String at, Double rate) {
    this.at = at;
    this.rate = rate;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public Double getRate() {
    return rate;
  }

  public void setRate(Double rate) {
    this.rate = rate;
  }
}
