package io.simianviz.local;

import java.io.PrintStream;

/**
 * Progress of a local run: on a terminal one status line redrawn in place, elsewhere a plain line
 * per period (logs and CI read those). Events always get a line of their own.
 */
final class Console {
  private static final String CLEAR_LINE = "\r\033[2K";
  private final PrintStream out;
  private final boolean terminal;
  private boolean statusShown;

  Console(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  synchronized void status(String line) {
    if (terminal) {
      out.print(CLEAR_LINE + line);
      statusShown = true;
    } else {
      out.println(line);
    }
    out.flush();
  }

  synchronized void event(String line) {
    if (terminal && statusShown) {
      out.print(CLEAR_LINE);
      statusShown = false;
    }
    out.println(line);
    out.flush();
  }

  synchronized void finish() {
    if (terminal && statusShown) {
      out.println();
      statusShown = false;
    }
    out.flush();
  }
}
