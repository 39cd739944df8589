package io.simianviz.operator.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.spec.ArchitectureSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The objects an Architecture should have, built once per reconcile by the api builders and shared
 * by the dependents through the reconcile context. Each object carries the hash of its desired
 * content in an annotation, compared on top of JOSDK's matcher: without server-side apply that
 * matcher accepts an object with extra list entries, so a removed last dependency would leave its
 * NetworkPolicy peer in place (ArchitectureUpdateTest fails without the hash).
 */
public final class DesiredObjects {
  /** Annotation with the SHA-256 (first 16 hex digits) of the object as the builders made it. */
  public static final String HASH_ANNOTATION = "simianviz.io/desired-hash";

  /**
   * Annotation on a Deployment's pod template (so on each of its pods) with the hash of the
   * template as the builders made it: a pod without the current value is of an older template,
   * which a transition waits to be gone before its next stage.
   */
  public static final String TEMPLATE_HASH_ANNOTATION = "simianviz.io/template-hash";

  /** The informers of every dependent see only objects carrying this label. */
  public static final String MANAGED_SELECTOR =
      ManifestLabels.MANAGED_BY + "=" + ManifestLabels.MANAGED_BY_VALUE;

  private static final String CONTEXT_KEY = DesiredObjects.class.getName();

  private final List<HasMetadata> objects;

  private DesiredObjects(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /**
   * Builds every object of a valid architecture.
   *
   * @throws io.simianviz.model.validation.InvalidArchitectureException when the builders reject it
   */
  public static DesiredObjects build(
      Architecture architecture, ManifestOptions options, KubernetesSerialization serialization) {
    List<HasMetadata> objects = ArchitectureManifests.build(architecture, options);
    for (HasMetadata object : objects) {
      if (object instanceof Deployment d) {
        ObjectMeta template = d.getSpec().getTemplate().getMetadata();
        String templateHash = hash(serialization.asJson(d.getSpec().getTemplate()));
        template.setAnnotations(
            with(template.getAnnotations(), TEMPLATE_HASH_ANNOTATION, templateHash));
      }
      String hash = hash(serialization.asJson(object));
      object
          .getMetadata()
          .setAnnotations(with(object.getMetadata().getAnnotations(), HASH_ANNOTATION, hash));
    }
    return new DesiredObjects(List.copyOf(objects));
  }

  /**
   * These objects, with the replicas the autoscaler decided (by Deployment name) on the Deployments
   * named; apply a {@link ChaosHold} after, so a held Deployment stays at 0.
   */
  public DesiredObjects scaled(Map<String, Integer> replicas) {
    if (replicas.isEmpty()) {
      return this;
    }
    return new DesiredObjects(
        objects.stream()
            .map(
                o ->
                    o instanceof Deployment d && replicas.containsKey(d.getMetadata().getName())
                        ? new DeploymentBuilder(d)
                            .editSpec()
                            .withReplicas(replicas.get(d.getMetadata().getName()))
                            .endSpec()
                            .build()
                        : o)
            .toList());
  }

  /**
   * Builds every object of the architecture as if its spec were {@code spec}: a stage of a
   * transition.
   *
   * @throws io.simianviz.model.validation.InvalidArchitectureException when the builders reject it
   */
  public static DesiredObjects build(
      Architecture architecture,
      ArchitectureSpec spec,
      ManifestOptions options,
      KubernetesSerialization serialization) {
    Architecture copy = new Architecture();
    copy.setMetadata(architecture.getMetadata());
    copy.setSpec(spec);
    return build(copy, options, serialization);
  }

  /** The architecture's objects of every dependent's kind, as the informers have them. */
  public static List<HasMetadata> actual(Context<Architecture> context) {
    List<HasMetadata> actual = new ArrayList<>();
    for (Class<? extends HasMetadata> kind :
        List.of(
            ServiceAccount.class,
            NetworkPolicy.class,
            Service.class,
            Deployment.class,
            HorizontalPodAutoscaler.class)) {
      actual.addAll(context.getSecondaryResources(kind));
    }
    return actual;
  }

  /**
   * These objects, with the Deployments a chaos outage holds at 0 replicas (see {@link ChaosHold})
   * kept there, so the workflow does not scale them back up mid-experiment.
   */
  public DesiredObjects holding(ChaosHold hold) {
    if (hold.isEmpty()) {
      return this;
    }
    return new DesiredObjects(objects.stream().map(hold::apply).toList());
  }

  /**
   * These objects and those of {@code older} that have no namesake of the same kind here: a
   * transition's stage removes nothing (its last stage applies the new spec's objects alone).
   */
  public DesiredObjects keeping(DesiredObjects older) {
    Set<String> here = objects.stream().map(DesiredObjects::key).collect(Collectors.toSet());
    List<HasMetadata> out = new ArrayList<>(objects);
    older.objects.stream().filter(o -> !here.contains(key(o))).forEach(out::add);
    return new DesiredObjects(List.copyOf(out));
  }

  /**
   * {@code first}, then these objects: a transition's canary Deployments, put before the zone
   * Deployments whose selectors also match their pods, so a pod is taken for its own Deployment's.
   */
  public DesiredObjects after(List<? extends HasMetadata> first) {
    List<HasMetadata> out = new ArrayList<>(first);
    out.addAll(objects);
    return new DesiredObjects(List.copyOf(out));
  }

  /** Every object, in the builders' order. */
  public List<HasMetadata> all() {
    return objects;
  }

  /** Kind and name: what identifies an object of one architecture. */
  public static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }

  /** The hash annotation of an object (null when it has none). */
  public static String hashOf(HasMetadata object) {
    return annotation(object);
  }

  /** Makes these objects the ones the dependents of this reconcile apply. */
  public void attachTo(Context<Architecture> context) {
    context.managedWorkflowAndDependentResourceContext().put(CONTEXT_KEY, this);
  }

  /** The objects attached to a reconcile by {@link #attachTo}. */
  public static DesiredObjects of(Context<Architecture> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .getMandatory(CONTEXT_KEY, DesiredObjects.class);
  }

  /** The objects of one kind, in the builders' order. */
  public <R extends HasMetadata> List<R> ofType(Class<R> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Whether an existing object was made from the same desired content. */
  public static boolean sameHash(HasMetadata actual, HasMetadata desired) {
    return Objects.equals(annotation(actual), annotation(desired));
  }

  private static String annotation(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(HASH_ANNOTATION);
  }

  private static Map<String, String> with(
      Map<String, String> annotations, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (annotations != null) {
      out.putAll(annotations);
    }
    out.put(key, value);
    return out;
  }

  static String hash(String json) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
