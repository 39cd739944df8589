package io.simianviz.service.call;

/**
 * Whether a failed call failed because this process ran out of file descriptors (EMFILE, or the
 * system's table is full: ENFILE) rather than because of the instance called. Such a failure says
 * nothing about the target, so the target is not ejected: ejecting healthy instances would move the
 * calls onto fewer of them, and a process at its limit would fail more, not less.
 */
final class FileLimit {
  /** strerror(EMFILE) and strerror(ENFILE) both start so; the JDK and Netty both pass it on. */
  private static final String TOO_MANY_OPEN_FILES = "Too many open files";

  private FileLimit() {}

  static boolean hit(Throwable err) {
    for (Throwable t = err; t != null; t = nextCause(t)) {
      String message = t.getMessage();
      if (message != null && message.contains(TOO_MANY_OPEN_FILES)) {
        return true;
      }
    }
    return false;
  }

  /** The cause of t, or null at the end of the chain (a throwable may name itself as its cause). */
  @SuppressWarnings("ReferenceEquality") // the same object, not an equal one, ends the chain
  private static Throwable nextCause(Throwable t) {
    return t.getCause() == t ? null : t.getCause();
  }
}
