package io.simianviz.model.spec;

/**
 * The patterns and CEL rules of {@link TierSpec}'s fields in the CRD schema. Admission (the CRD
 * schema) rejects what simianviz validate rejects where a pattern or a CEL rule can tell;
 * CrdAdmission*Test in the api module checks both against the examples. They are compile-time
 * constants because annotations carry them.
 */
final class TierSchemaRules {
  private TierSchemaRules() {}

  /**
   * A name whose kebab form (DnsNames.kebab) starts with a letter: its first ASCII letter or digit
   * is a letter. Exactly DnsNames.problem's rule for ASCII names; a few non-ASCII letters that
   * lower-case to ASCII (the Kelvin sign) are not covered.
   */
  static final String NAME_PATTERN = "^[^0-9A-Za-z]*[A-Za-z]";

  /**
   * The kebab form at most 63 characters long (DnsNames.MAX_LABEL): its letters and digits, one
   * dash between two runs of them (counting the runs counts one dash too many, hence 64) and one at
   * each camelCase boundary (aB, 1B, and the B of ABc). Kubernetes' CEL has findAll but no regex
   * replace, so the rule counts rather than builds the label.
   */
  static final String KEBAB_LENGTH =
      "size(self.findAll('[0-9A-Za-z]')) + size(self.findAll('[0-9A-Za-z]+'))"
          + " + size(self.findAll('[0-9a-z][A-Z]')) + size(self.findAll('[A-Z][A-Z][a-z]'))"
          + " <= 64";

  /** One Go-style duration, as Durations.parse reads it. */
  private static final String DURATION = "([0-9]+(\\.[0-9]+)?(us|ms|s|m|h))+";

  /** A duration argument, with the spaces String.trim removes. */
  private static final String ARG = "[ \\t]*" + DURATION + "[ \\t]*";

  /** A histogram bucket value:weight; Long.parseLong's weights, none negative. */
  private static final String BUCKET = ARG + ":[ \\t]*(\\+?[0-9]+|-0+)[ \\t]*";

  /** A bucket with a weight above 0: a histogram needs one. */
  private static final String POSITIVE_BUCKET = ARG + ":[ \\t]*\\+?0*[1-9][0-9]*[ \\t]*";

  /**
   * What ServiceTime.parse accepts, or empty (the package's default), but for values: a duration or
   * weight too large, and lognormal's p50 <= p99 (checked by {@link #LOGNORMAL_ORDER}).
   * String.split drops trailing empty strings, hence the trailing commas allowed; a bucket is split
   * keeping them, so a trailing colon is refused.
   */
  static final String SERVICE_TIME_PATTERN =
      "^(\\s*(constant\\s*\\("
          + ARG
          + ",*\\)|(normal|lognormal)\\s*\\("
          + ARG
          + ","
          + ARG
          + ",*\\)|histogram\\s*\\(("
          + BUCKET
          + ",)*"
          + POSITIVE_BUCKET
          + "(,"
          + BUCKET
          + ")*,*\\))\\s*)?$";

  /** A Kubernetes label value, not empty: version becomes a label of the tier's pods. */
  static final String VERSION_PATTERN = "^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

  private static final String LOGNORMAL = "^\\s*lognormal\\s*\\(" + ARG + "," + ARG + ",*\\)\\s*$";
  private static final String P50 = "duration(self.split('(')[1].split(',')[0].trim())";
  private static final String P99 =
      "duration(self.split('(')[1].split(',')[1].split(')')[0].trim())";

  /** lognormal(p50,p99) needs 0 < p50 <= p99; CEL's duration() reads Go durations. */
  static final String LOGNORMAL_ORDER =
      "!self.matches(r'"
          + LOGNORMAL
          + "') || ("
          + P50
          + " > duration('0s') && "
          + P99
          + " >= "
          + P50
          + ")";
}
