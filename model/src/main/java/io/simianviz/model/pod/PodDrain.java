package io.simianviz.model.pod;

/**
 * The drain of a pod that is going away (docs/evolution.md, "On Kubernetes"): Kubernetes runs the
 * pod's preStop hook, {@code GET} {@link #PATH} on the admin port, before it stops the container.
 * The nanoservice turns its readiness false at once (HTTP {@code /health/ready} 503, gRPC health
 * NOT_SERVING), goes on answering every call that reaches it, and answers the hook after the drain
 * wait, so the container is stopped only once no caller can still find it.
 */
public final class PodDrain {
  /** The admin path the preStop hook calls. */
  public static final String PATH = "/drain";

  /** The query parameter that sets the wait, in whole seconds. */
  public static final String SECONDS_PARAM = "seconds";

  /**
   * The drain wait: longer than endpoint propagation. A deleted pod leaves its Services' endpoints
   * at once, but a caller that found it by DNS may hold the answer for the cluster DNS's TTL (5 s
   * in CoreDNS' kubernetes plugin) plus the nanoservice's own re-resolution interval (1 s); 8 s
   * leaves 2 s to spare.
   */
  public static final int DEFAULT_SECONDS = 8;

  /** The longest wait a hook may ask for. */
  public static final int MAX_SECONDS = 60;

  private PodDrain() {}
}
