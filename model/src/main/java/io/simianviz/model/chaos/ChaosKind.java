package io.simianviz.model.chaos;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The simian army: what one chaos action takes down. */
public enum ChaosKind {
  /** Chaos monkey: one random instance of a tier. */
  MONKEY,
  /** Chaos gorilla: every instance in one zone of one region. */
  GORILLA,
  /** Chaos kong: every instance in one region. */
  KONG;

  /** The name users write: monkey, gorilla, kong. */
  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
