package io.simianviz.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The live view's files on the classpath, as both servers (the local runtime's and the operator's)
 * hand them out: where they are, what they are, and their bytes.
 */
public final class UiResources {
  /** Where the page's own files are. */
  public static final String UI = "io/simianviz/ui/";

  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "html", "text/html; charset=utf-8",
          "svg", "image/svg+xml");

  private UiResources() {}

  /** The content type of a file with this extension, or null for one the view does not serve. */
  public static String contentType(String extension) {
    return TYPES.get(extension);
  }

  /** Cytoscape.js's ES module in its WebJar, whatever version is on the classpath. */
  public static String cytoscapeModule() {
    Properties p = new Properties();
    try (InputStream in =
        UiResources.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/cytoscape/pom.properties")) {
      if (in == null) {
        return "missing";
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "META-INF/resources/webjars/cytoscape/"
        + p.getProperty("version")
        + "/dist/cytoscape.esm.min.mjs";
  }

  /** A resource's bytes; none when it is missing. */
  public static byte[] read(String resource) {
    try (InputStream in = UiResources.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
