package io.simianviz.cli;

import io.simianviz.model.validation.InvalidInputException;
import io.simianviz.model.validation.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The simianviz command. Exit codes: 0 success, 1 invalid input, 2 usage error. */
@Command(
    name = "simianviz",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Microservice architectures made real: validate, import, graph, run them and plan their"
            + " changes.",
    subcommands = {
      ValidateCommand.class,
      ImportCommand.class,
      GraphCommand.class,
      RenderCommand.class,
      RunCommand.class,
      ViewCommand.class,
      PlanCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Simianviz {
  public static final int INVALID_INPUT = 1;
  public static final int USAGE = 2;

  public static void main(String[] args) {
    hopPathDefaults();
    System.exit(commandLine().execute(args));
  }

  /**
   * Netty and Vert.x bookkeeping on every buffer and event, read once when their classes load:
   * Netty's sampled leak tracking, Vert.x's timing of each dispatch for its blocked-thread checker
   * and its checks that a call runs on the right thread. The local runtime carries tens of
   * thousands of hops a second on two threads of its own; at scale 1000, --rate 3000, the three
   * cost ~2% of the CPU per hop (docs/benchmarks.md). A value given with -D on the command line
   * wins.
   */
  static void hopPathDefaults() {
    System.getProperties().putIfAbsent("io.netty.leakDetection.level", "disabled");
    System.getProperties().putIfAbsent("vertx.disableContextTimings", "true");
    System.getProperties().putIfAbsent("vertx.threadChecks", "false");
  }

  /** The configured command line; tests call execute on it with their own writers. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Simianviz());
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.getCommandSpec().exitCodeOnInvalidInput(USAGE);
    cli.setExecutionExceptionHandler(Simianviz::handle);
    return cli;
  }

  /** Bad input is reported as plain messages on stderr, never as a stack trace. */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InputFileException f) {
      for (Problem p : f.problems()) {
        err.println(f.file() + ": " + p);
      }
      err.flush();
      return INVALID_INPUT;
    }
    if (e instanceof InvalidInputException invalid) {
      invalid.problems().forEach(err::println);
      err.flush();
      return INVALID_INPUT;
    }
    if (e instanceof NoSuchFileException missing) {
      err.println("simianviz: no such file: " + missing.getFile());
      err.flush();
      return INVALID_INPUT;
    }
    if (e instanceof FileSystemException fs) {
      String reason = fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
      err.println("simianviz: " + fs.getFile() + ": cannot read: " + reason);
      err.flush();
      return INVALID_INPUT;
    }
    if (e instanceof IOException io) {
      err.println("simianviz: cannot read input: " + io.getMessage());
      err.flush();
      return INVALID_INPUT;
    }
    throw new IllegalStateException(e);
  }
}
