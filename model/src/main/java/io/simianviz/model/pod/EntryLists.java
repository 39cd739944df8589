package io.simianviz.model.pod;

import java.util.Arrays;
import java.util.List;

/** Comma-separated lists in pod variables; blanks around entries and empty entries are ignored. */
final class EntryLists {
  private EntryLists() {}

  static List<String> split(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
