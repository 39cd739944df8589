package io.simianviz.local.host;

import java.io.Console;

/** Whether the process talks to a person at a terminal, or to a file, a pipe or CI. */
public final class Terminal {
  private Terminal() {}

  /**
   * Whether standard input and output are a terminal. Up to JDK 21 that is {@code System.console()
   * != null}; from JDK 22 on System.console() may return a console on redirected streams too (with
   * the JLine provider), and {@code Console.isTerminal()}, not callable at language level 21, says.
   */
  // Not the unreliable test the check warns of: the null check decides only up to JDK 21.
  @SuppressWarnings("SystemConsoleNull")
  public static boolean attached() {
    Console console = System.console();
    if (console == null || Runtime.version().feature() < 22) {
      return console != null;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("Console.isTerminal() on JDK " + Runtime.version(), e);
    }
  }
}
