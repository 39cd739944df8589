package io.simianviz.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The CRD schema of {@link TierSpec#getPackageName()}: spigo's package names, so that the API
 * server rejects an unknown package at admission. Only the schema uses this enum: the field stays a
 * String so that {@code simianviz validate} reads any value and names the problem itself ("unknown
 * package ... (expected one of ...)"). {@code io.simianviz.model.TierPackage} is the model's list;
 * a test in the api module fails when the two differ.
 */
public enum PackageSchema {
  DENOMINATOR("denominator"),
  ELB("elb"),
  ZUUL("zuul"),
  KARYON("karyon"),
  MONOLITH("monolith"),
  STAASH("staash"),
  STORE("store"),
  CACHE("cache"),
  VOLUME("volume"),
  PRIAM_CASSANDRA("priamCassandra"),
  RIAK("riak"),
  EUREKA("eureka"),
  PIRATE("pirate");

  private final String value;

  PackageSchema(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
