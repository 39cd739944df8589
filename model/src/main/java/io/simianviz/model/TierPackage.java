package io.simianviz.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The behaviour of a tier: spigo's package list. */
public enum TierPackage {
  DENOMINATOR("denominator", Role.TRAFFIC_SOURCE),
  ELB("elb", Role.LOAD_BALANCER),
  ZUUL("zuul", Role.ROUTER),
  KARYON("karyon", Role.ROUTER),
  MONOLITH("monolith", Role.ROUTER),
  STAASH("staash", Role.DATA_ACCESS),
  STORE("store", Role.KEY_VALUE),
  CACHE("cache", Role.KEY_VALUE),
  VOLUME("volume", Role.KEY_VALUE),
  PRIAM_CASSANDRA("priamCassandra", Role.TOKEN_RING),
  RIAK("riak", Role.TOKEN_RING),
  EUREKA("eureka", Role.REGISTRY),
  PIRATE("pirate", Role.ROUTER);

  /** What a package does with a request, which decides how it is run and called. */
  public enum Role {
    TRAFFIC_SOURCE,
    LOAD_BALANCER,
    ROUTER,
    DATA_ACCESS,
    KEY_VALUE,
    TOKEN_RING,
    REGISTRY
  }

  /** The pseudo-dependency that means "connected across regions" rather than a call. */
  public static final String EUREKA_DEPENDENCY = "eureka";

  private final String spigoName;
  private final Role role;

  TierPackage(String spigoName, Role role) {
    this.spigoName = spigoName;
    this.role = role;
  }

  public String spigoName() {
    return spigoName;
  }

  public Role role() {
    return role;
  }

  /** Whether instances of this package run as servers (eureka is Kubernetes DNS, not a pod). */
  public boolean isDeployed() {
    return role != Role.REGISTRY;
  }

  public static Optional<TierPackage> fromSpigoName(String name) {
    return Arrays.stream(values()).filter(p -> p.spigoName.equals(name)).findFirst();
  }

  public static String knownNames() {
    return Arrays.stream(values()).map(TierPackage::spigoName).collect(Collectors.joining(", "));
  }
}
