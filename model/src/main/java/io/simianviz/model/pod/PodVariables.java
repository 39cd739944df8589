package io.simianviz.model.pod;

/**
 * The names of the environment variables that configure a nanoservice pod: the one contract between
 * the manifests the operator writes and the nanoservice that reads them (pod mode). The meaning of
 * each is documented in docs/nanoservice.md; the structured values are {@link DependencyEntry} and
 * {@link DiscoveryEntry} lists.
 */
public final class PodVariables {
  public static final String ARCH = "SIMIANVIZ_ARCH";
  public static final String TIER = "SIMIANVIZ_TIER";
  public static final String PACKAGE = "SIMIANVIZ_PACKAGE";
  public static final String REGION = "SIMIANVIZ_REGION";
  public static final String ZONE = "SIMIANVIZ_ZONE";
  public static final String POD_NAME = "SIMIANVIZ_POD_NAME";
  public static final String HOST = "SIMIANVIZ_HOST";
  public static final String PORT = "SIMIANVIZ_PORT";
  public static final String ADMIN_PORT = "SIMIANVIZ_ADMIN_PORT";
  public static final String PROTOCOL = "SIMIANVIZ_PROTOCOL";
  public static final String DEPENDENCIES = "SIMIANVIZ_DEPENDENCIES";
  public static final String CROSS_REGION = "SIMIANVIZ_CROSS_REGION";
  public static final String DISCOVERY = "SIMIANVIZ_DISCOVERY";
  public static final String DEPENDENCY_PORT = "SIMIANVIZ_DEPENDENCY_PORT";
  public static final String SERVICE_TIME = "SIMIANVIZ_SERVICE_TIME";
  public static final String ERROR_RATE = "SIMIANVIZ_ERROR_RATE";
  public static final String RESPONSE_BYTES = "SIMIANVIZ_RESPONSE_BYTES";
  public static final String HIT_RATE = "SIMIANVIZ_HIT_RATE";
  public static final String FANOUT = "SIMIANVIZ_FANOUT";
  public static final String CALL_TIMEOUT = "SIMIANVIZ_CALL_TIMEOUT";
  public static final String RETRIES = "SIMIANVIZ_RETRIES";
  public static final String DNS_INTERVAL = "SIMIANVIZ_DNS_INTERVAL";
  public static final String TRAFFIC_ENABLED = "SIMIANVIZ_TRAFFIC_ENABLED";
  public static final String TRAFFIC_RATE = "SIMIANVIZ_TRAFFIC_RATE";
  public static final String TRAFFIC_SCHEDULE = "SIMIANVIZ_TRAFFIC_SCHEDULE";
  public static final String TRAFFIC_GET = "SIMIANVIZ_TRAFFIC_GET";
  public static final String TRAFFIC_PUT = "SIMIANVIZ_TRAFFIC_PUT";
  public static final String ZIPKIN_ENDPOINT = "SIMIANVIZ_ZIPKIN_ENDPOINT";
  public static final String SAMPLE_RATE = "SIMIANVIZ_SAMPLE_RATE";
  public static final String SPAN_FILE = "SIMIANVIZ_SPAN_FILE";
  public static final String FLOW_FILE = "SIMIANVIZ_FLOW_FILE";

  private PodVariables() {}
}
