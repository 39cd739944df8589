package io.simianviz.api.testsupport;

import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.List;

/** Builders for architecture specs used across the api unit tests. */
public final class Specs {
  private Specs() {}

  public static TierSpec tier(
      String name, String pkg, Integer count, Integer regions, String... dependencies) {
    TierSpec t = new TierSpec();
    t.setName(name);
    t.setPackageName(pkg);
    t.setCount(count);
    t.setRegions(regions);
    t.setDependencies(new ArrayList<>(List.of(dependencies)));
    return t;
  }

  public static ArchitectureSpec spec(TierSpec... tiers) {
    ArchitectureSpec s = new ArchitectureSpec();
    s.setServices(new ArrayList<>(List.of(tiers)));
    return s;
  }

  /** spigo's netflixoss example, tier for tier. */
  public static ArchitectureSpec netflixoss() {
    ArchitectureSpec s =
        spec(
            tier("cassSubscriber", "priamCassandra", 6, 1, "cassSubscriber", "eureka"),
            tier("evcacheSubscriber", "store", 3, 1),
            tier("subscriber", "staash", 6, 1, "cassSubscriber", "evcacheSubscriber"),
            tier("login", "karyon", 18, 1, "subscriber"),
            tier("homepage", "karyon", 24, 1, "subscriber"),
            tier("wwwproxy", "zuul", 6, 1, "login", "homepage"),
            tier("www-elb", "elb", 0, 1, "wwwproxy"),
            tier("www", "denominator", 0, 0, "www-elb"));
    s.setDescription("A very simple Netflix service");
    s.setVersion("arch-0.0");
    s.setVictim("homepage");
    return s;
  }

  /** spigo's netflixoss example as spigo JSON. */
  public static final String NETFLIXOSS_JSON =
      """
      { "arch": "netflixoss", "description": "A very simple Netflix service", "version": "arch-0.0", "victim": "homepage",
        "services": [
          { "name": "cassSubscriber",    "package": "priamCassandra", "count": 6,  "regions": 1, "dependencies": ["cassSubscriber", "eureka"] },
          { "name": "evcacheSubscriber", "package": "store",          "count": 3,  "regions": 1, "dependencies": [] },
          { "name": "subscriber",        "package": "staash",         "count": 6,  "regions": 1, "dependencies": ["cassSubscriber", "evcacheSubscriber"] },
          { "name": "login",             "package": "karyon",         "count": 18, "regions": 1, "dependencies": ["subscriber"] },
          { "name": "homepage",          "package": "karyon",         "count": 24, "regions": 1, "dependencies": ["subscriber"] },
          { "name": "wwwproxy",          "package": "zuul",           "count": 6,  "regions": 1, "dependencies": ["login", "homepage"] },
          { "name": "www-elb",           "package": "elb",            "count": 0,  "regions": 1, "dependencies": ["wwwproxy"] },
          { "name": "www",               "package": "denominator",    "count": 0,  "regions": 0, "dependencies": ["www-elb"] } ] }
      """;
}
