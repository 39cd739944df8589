package io.simianviz.cli;

import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.manifest.ManifestYaml;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the Kubernetes objects of an architecture, as the operator would create them. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Print the Kubernetes objects of an architecture as multi-document YAML (without owner"
          + " references), e.g. for GitOps or kubectl apply -f -.",
      "Exit 0 on success, 1 when the file is invalid (every problem listed on stderr)."
    })
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Architecture (YAML/JSON) or spigo JSON.")
  Path file;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description =
          "Namespace of every object; default: the file's metadata.namespace, else none (use"
              + " kubectl apply -n).")
  String namespace;

  @Option(
      names = "--image",
      paramLabel = "IMAGE",
      description =
          "Nanoservice image for tiers that do not name one; default "
              + ManifestOptions.IMAGE_REPOSITORY
              + ":<simianviz version>.")
  String image;

  @Option(
      names = "--operator-namespace",
      paramLabel = "NS",
      defaultValue = ManifestOptions.DEFAULT_OPERATOR_NAMESPACE,
      description =
          "Namespace allowed to reach the pods' admin port through the NetworkPolicies; default"
              + " ${DEFAULT-VALUE}.")
  String operatorNamespace;

  @Option(
      names = "--scrape-namespace",
      paramLabel = "NS",
      description =
          "Another namespace allowed to reach the admin port, e.g. where Prometheus scrapes"
              + " /metrics; repeatable.")
  List<String> scrapeNamespaces = new ArrayList<>();

  @Option(
      names = "--hpa-cpu-utilization",
      paramLabel = "PERCENT",
      description =
          "Give each Deployment of a tier with autoscale a HorizontalPodAutoscaler on CPU at this"
              + " average utilization (percent of the CPU request) and no replicas of its own, as"
              + " the operator does with autoscaling.mode hpa; default: none, the replicas are the"
              + " tier's.")
  Integer hpaCpuUtilization;

  @Override
  public Integer call() throws Exception {
    LoadedArchitecture loaded = ArchitectureInput.load(file, spec.commandLine().getErr());
    Architecture architecture = loaded.architecture();
    if (namespace != null) {
      architecture.getMetadata().setNamespace(namespace);
    }
    ManifestOptions options =
        ManifestOptions.defaults(version()).withOperatorNamespace(operatorNamespace);
    if (image != null) {
      options = options.withImage(image);
    }
    try {
      options = options.withScrapeNamespaces(scrapeNamespaces);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--scrape-namespace: " + e.getMessage());
    }
    try {
      options = options.withHpaCpuUtilization(hpaCpuUtilization);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--hpa-cpu-utilization: " + e.getMessage());
    }
    String yaml;
    try {
      yaml = ManifestYaml.write(ArchitectureManifests.build(architecture, options));
    } catch (InvalidArchitectureException e) {
      throw new InputFileException(file, e.problems());
    }
    spec.commandLine().getOut().print(yaml);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * The CLI's version, which is the nanoservice image's tag: from the manifest, else from the
   * pom.properties Maven puts in the jar; "latest" when run from classes (tests).
   */
  static String version() {
    String version = RenderCommand.class.getPackage().getImplementationVersion();
    if (version != null) {
      return version;
    }
    try (InputStream in =
        RenderCommand.class.getResourceAsStream(
            "/META-INF/maven/io.simianviz/simianviz-cli/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "latest");
      }
    } catch (IOException e) {
      // fall through: an unreadable jar entry is no reason to fail a render
    }
    return "latest";
  }
}
