package io.simianviz.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.simianviz.model.spec.ArchitectureSpec;

/** One application: a list of tiers plus traffic, chaos and placement settings. */
@Group(Architecture.GROUP)
@Version(Architecture.VERSION)
@Kind("Architecture")
@Singular("architecture")
@Plural("architectures")
@ShortNames("arch")
@AdditionalPrinterColumn(name = "Tiers", jsonPath = ".status.tiersReady")
@AdditionalPrinterColumn(
    name = "Success",
    jsonPath = ".status.traffic.successRate",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "P99ms",
    jsonPath = ".status.traffic.p99",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Segmented", jsonPath = ".status.segmentation.summary")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Architecture extends CustomResource<ArchitectureSpec, ArchitectureStatus>
    implements Namespaced {
  public static final String GROUP = "simianviz.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  @Override
  protected ArchitectureSpec initSpec() {
    return new ArchitectureSpec();
  }
}
