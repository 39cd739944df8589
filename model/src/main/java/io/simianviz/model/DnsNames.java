package io.simianviz.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deterministic mapping of spigo-style names (cassSubscriber, INTERNET, simpleV2.yml) to Kubernetes
 * DNS labels (cass-subscriber, internet, simple-v2-yml).
 */
public final class DnsNames {
  /** RFC 1035 label: what Service names require. */
  public static final int MAX_LABEL = 63;

  private static final Pattern LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final int HASH_CHARS = 8;

  private DnsNames() {}

  /**
   * Lower-case kebab form of a name: a word boundary inside camelCase or before the last capital of
   * an acronym becomes a dash, every other character outside [a-z0-9] becomes a dash, and runs of
   * dashes collapse.
   */
  public static String kebab(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean upper = Character.isUpperCase(c);
      if (upper && i > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          out.append('-');
        }
      }
      char lower = Character.toLowerCase(c);
      boolean plain = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
      out.append(plain ? lower : '-');
    }
    return out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
  }

  /** The DNS label for a tier name, or empty when it cannot be one (see {@link #problem}). */
  public static Optional<String> tierLabel(String tierName) {
    return problem(tierName).isPresent() ? Optional.empty() : Optional.of(kebab(tierName));
  }

  /** Why a tier name cannot be mapped to a DNS label, if it cannot. */
  public static Optional<String> problem(String tierName) {
    if (tierName == null || tierName.isBlank()) {
      return Optional.of("must not be empty");
    }
    String label = kebab(tierName);
    if (label.isEmpty()) {
      return Optional.of("\"" + tierName + "\" has no letters or digits to form a DNS label");
    }
    if (!Character.isLetter(label.charAt(0))) {
      return Optional.of(
          "\"" + tierName + "\" maps to \"" + label + "\", which does not start with a letter");
    }
    if (label.length() > MAX_LABEL) {
      return Optional.of(
          "\"" + tierName + "\" maps to a name longer than " + MAX_LABEL + " characters");
    }
    return Optional.empty();
  }

  /**
   * A valid DNS label for any input (used for spigo arch values like "simpleV2.yml" or a path): the
   * kebab form of its last path segment, "architecture" when nothing is left, shortened with a hash
   * suffix when too long.
   */
  public static String sanitize(String name, int maxLength) {
    String base = name == null ? "" : name.substring(name.replace('\\', '/').lastIndexOf('/') + 1);
    String label = kebab(base);
    if (label.isEmpty()) {
      label = "architecture";
    } else if (!Character.isLetter(label.charAt(0))) {
      label = "a-" + label;
    }
    return shorten(label, maxLength);
  }

  /** Joins parts with dashes, shortening with a stable hash suffix when over maxLength. */
  public static String join(int maxLength, String... parts) {
    return shorten(String.join("-", parts), maxLength);
  }

  /** The name itself when short enough, else a prefix plus 8 hex digits of its SHA-256. */
  public static String shorten(String name, int maxLength) {
    if (name.length() <= maxLength) {
      return name;
    }
    String prefix = name.substring(0, maxLength - HASH_CHARS - 1).replaceAll("-+$", "");
    return prefix + "-" + hash(name);
  }

  public static boolean isLabel(String s) {
    return s.length() <= MAX_LABEL && LABEL.matcher(s).matches();
  }

  private static String hash(String s) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
