package io.simianviz.api.io;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.DnsNames;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.List;

/** Turns a spigo architecture into an Architecture custom resource. */
public final class SpigoImporter {
  private SpigoImporter() {}

  /**
   * Converts a spigo architecture. Its {@code arch} (or, when absent, the file name) becomes a
   * valid metadata.name deterministically: "simpleV2.yml" becomes "simple-v2-yml".
   */
  public static Architecture toArchitecture(SpigoArchitecture spigo, String fallbackName) {
    String arch = spigo.arch() == null || spigo.arch().isBlank() ? fallbackName : spigo.arch();
    Architecture a = new Architecture();
    a.setMetadata(
        new ObjectMetaBuilder().withName(DnsNames.sanitize(arch, DnsNames.MAX_LABEL)).build());
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setDescription(spigo.description());
    spec.setVersion(spigo.version());
    spec.setVictim(spigo.victim() == null || spigo.victim().isEmpty() ? null : spigo.victim());
    List<TierSpec> tiers = new ArrayList<>();
    for (SpigoArchitecture.Service s :
        spigo.services() == null ? List.<SpigoArchitecture.Service>of() : spigo.services()) {
      TierSpec t = new TierSpec();
      t.setName(s.name());
      t.setPackageName(s.packageName());
      t.setCount(s.count() == null ? 0 : s.count());
      t.setRegions(s.regions() == null ? 0 : s.regions());
      t.setDependencies(
          s.dependencies() == null ? new ArrayList<>() : new ArrayList<>(s.dependencies()));
      tiers.add(t);
    }
    spec.setServices(tiers);
    a.setSpec(spec);
    return a;
  }
}
