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
import io.simianviz.model.spec.chaos.ChaosExperimentSpec;

/**
 * One chaos experiment on an Architecture of the same namespace: a monkey, gorilla or kong outage,
 * judged by the traffic before, during and after it. The local runtime reads the same resource
 * ({@code simianviz run --experiment}).
 */
@Group(Architecture.GROUP)
@Version(Architecture.VERSION)
@Kind(ChaosExperiment.KIND)
@Singular("chaosexperiment")
@Plural("chaosexperiments")
@ShortNames("chaos")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Verdict", jsonPath = ".status.verdict")
@AdditionalPrinterColumn(name = "Target", jsonPath = ".spec.target")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ChaosExperiment extends CustomResource<ChaosExperimentSpec, ChaosExperimentStatus>
    implements Namespaced {
  public static final String KIND = "ChaosExperiment";

  @Override
  protected ChaosExperimentSpec initSpec() {
    return new ChaosExperimentSpec();
  }
}
