package io.simianviz.cli;

import io.simianviz.local.live.StaticView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Serves the live view of a finished run: its final state, from its vizceral.json. */
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the view of a finished run on 127.0.0.1: the final state recorded in the run's"
          + " vizceral.json. Prints the address, serves until Ctrl-C."
    })
final class ViewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "OUTDIR",
      description = "A run's output directory (e.g. simianviz-out/lamp/latest).")
  Path dir;

  @Option(
      names = "--ui",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "Port on 127.0.0.1; 0 picks a free one. Default ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(
          spec.commandLine(), "--ui: must be between 0 and 65535 (was " + port + ")");
    }
    Path file = dir.resolve("vizceral.json");
    if (!Files.isRegularFile(file)) {
      spec.commandLine()
          .getErr()
          .println(
              "simianviz view: "
                  + file
                  + " not found; give a directory a run wrote (runs write vizceral.json)");
      spec.commandLine().getErr().flush();
      return Simianviz.INVALID_INPUT;
    }
    try (StaticView view = StaticView.start(file, port)) {
      spec.commandLine().getOut().println("view: " + view.url() + " (" + dir + ", Ctrl-C ends)");
      spec.commandLine().getOut().flush();
      view.awaitShutdown();
    } catch (StaticView.Unreadable e) {
      spec.commandLine().getErr().println("simianviz view: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return Simianviz.INVALID_INPUT;
    }
    return 0;
  }
}
