package io.simianviz.api.io;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders Jackson's error locations as the paths our validation messages use: relative to the spec,
 * so a field has the same path in a custom resource and in a spigo file.
 */
final class JsonPaths {
  private static final String SPEC = "spec.";

  private JsonPaths() {}

  static String of(JsonMappingException e, String prefix) {
    String path = absolute(e, prefix);
    return path.startsWith(SPEC) ? path.substring(SPEC.length()) : path;
  }

  /** The path from the resource's root. */
  static String absolute(JsonMappingException e, String prefix) {
    StringBuilder path = new StringBuilder(prefix);
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    return path.toString();
  }

  static String typeName(Class<?> type) {
    if (type.isEnum()) {
      return "value (expected one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> c.toString().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "))
          + ")";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    }
    return type.getSimpleName();
  }
}
