package io.simianviz.model.validation;

import java.math.BigDecimal;

/** Numbers in messages as the user wrote them: -10, not -10.0. */
public final class Numbers {
  private Numbers() {}

  public static String plain(double value) {
    return Double.isFinite(value)
        ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : String.valueOf(value);
  }
}
