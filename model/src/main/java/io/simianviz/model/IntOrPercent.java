package io.simianviz.model;

/**
 * A number of instances or a percentage of them, as a Deployment's maxSurge and maxUnavailable:
 * {@code 2} or {@code 25%}.
 *
 * @param value the number, or the percentage when {@code percent}
 */
public record IntOrPercent(int value, boolean percent) {
  public IntOrPercent {
    if (value < 0) {
      throw new IllegalArgumentException("must not be negative (was " + value + ")");
    }
  }

  /**
   * Reads {@code 3} or {@code 25%}.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static IntOrPercent parse(String text) {
    String t = text == null ? "" : text.trim();
    boolean percent = t.endsWith("%");
    String digits = percent ? t.substring(0, t.length() - 1).trim() : t;
    if (digits.startsWith("-") && digits.length() > 1 && isDigits(digits.substring(1))) {
      throw new IllegalArgumentException("must not be negative (was " + text + ")");
    }
    if (!isDigits(digits) || digits.length() > 9) {
      throw new IllegalArgumentException(
          "must be a whole number of instances or a percentage such as 25% (was \"" + text + "\")");
    }
    return new IntOrPercent(Integer.parseInt(digits), percent);
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The number of instances out of {@code total}: a percentage rounded up or down. */
  public int of(int total, boolean roundUp) {
    if (!percent) {
      return value;
    }
    long scaled = (long) total * value;
    return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
  }

  @Override
  public String toString() {
    return value + (percent ? "%" : "");
  }
}
