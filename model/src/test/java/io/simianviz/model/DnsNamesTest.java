package io.simianviz.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DnsNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "cassSubscriber, cass-subscriber",
    "INTERNET, internet",
    "rds-mysql, rds-mysql",
    "www-elb, www-elb",
    "evcacheSubscriber, evcache-subscriber",
    "HTTPServer, http-server",
    "simpleV2.yml, simple-v2-yml",
    "wwwproxy, wwwproxy",
    "priamCassandra, priam-cassandra",
    "S3Bucket, s3-bucket",
    "ec2Instance, ec2-instance",
    "my_tier, my-tier",
    "a--b, a-b",
    "-lead-and-trail-, lead-and-trail",
    "getHTTPResponseCode, get-http-response-code",
    "x, x",
  })
  void kebabMapsSpigoNamesToDnsLabels(String name, String expected) {
    assertThat(DnsNames.kebab(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"cassSubscriber", "INTERNET", "rds-mysql", "www-elb", "evcacheSubscriber"})
  void tierLabelIsTheKebabFormAndAValidLabel(String name) {
    assertThat(DnsNames.problem(name)).isEmpty();
    assertThat(DnsNames.tierLabel(name)).contains(DnsNames.kebab(name));
    assertThat(DnsNames.isLabel(DnsNames.tierLabel(name).orElseThrow())).isTrue();
  }

  @Test
  void tierLabelOfCassSubscriber() {
    assertThat(DnsNames.tierLabel("cassSubscriber")).contains("cass-subscriber");
    assertThat(DnsNames.tierLabel("HTTPServer")).contains("http-server");
  }

  @Test
  void sanitizeUsesKebabFormOfSpigoArchValue() {
    assertThat(DnsNames.sanitize("simpleV2.yml", DnsNames.MAX_LABEL)).isEqualTo("simple-v2-yml");
    assertThat(DnsNames.sanitize("netflixoss", DnsNames.MAX_LABEL)).isEqualTo("netflixoss");
  }

  @Test
  void sanitizeKeepsOnlyTheLastPathSegment() {
    assertThat(DnsNames.sanitize("/home/adrian/json_arch/netflixOSS.json", 63))
        .isEqualTo("netflix-oss-json");
    assertThat(DnsNames.sanitize("json_arch/lamp_arch", 63)).isEqualTo("lamp-arch");
    assertThat(DnsNames.sanitize("C:\\archs\\simpleV2.yml", 63)).isEqualTo("simple-v2-yml");
  }

  @Test
  void sanitizePrefixesNamesStartingWithADigit() {
    assertThat(DnsNames.sanitize("2tier", 63)).isEqualTo("a-2tier");
    assertThat(DnsNames.sanitize("42", 63)).isEqualTo("a-42");
    assertThat(DnsNames.isLabel(DnsNames.sanitize("9Lives.json", 63))).isTrue();
    assertThat(DnsNames.sanitize("9Lives.json", 63)).isEqualTo("a-9-lives-json");
  }

  @Test
  void sanitizeFallsBackToArchitectureWhenNothingIsLeft() {
    assertThat(DnsNames.sanitize("", 63)).isEqualTo("architecture");
    assertThat(DnsNames.sanitize(null, 63)).isEqualTo("architecture");
    assertThat(DnsNames.sanitize("...", 63)).isEqualTo("architecture");
    assertThat(DnsNames.sanitize("some/dir/", 63)).isEqualTo("architecture");
  }

  @Test
  void sanitizeShortensLongNamesWithAHashSuffix() {
    String longName = "x".repeat(100);
    String s = DnsNames.sanitize(longName, DnsNames.MAX_LABEL);
    assertThat(s).hasSize(63);
    assertThat(s).isEqualTo("x".repeat(54) + "-" + sha256Prefix(longName));
    assertThat(DnsNames.isLabel(s)).isTrue();
  }

  @Test
  void shortenedNamesAreDeterministicAndDistinguishLongInputsWithTheSamePrefix() {
    String a = "verylongarchitecturename".repeat(4) + "one";
    String b = "verylongarchitecturename".repeat(4) + "two";
    assertThat(DnsNames.sanitize(a, 63)).isEqualTo(DnsNames.sanitize(a, 63));
    assertThat(DnsNames.sanitize(a, 63)).isNotEqualTo(DnsNames.sanitize(b, 63));
    assertThat(DnsNames.sanitize(a, 63)).hasSizeLessThanOrEqualTo(63);
    assertThat(DnsNames.sanitize(b, 63)).hasSizeLessThanOrEqualTo(63);
    assertThat(DnsNames.sanitize(a, 63).substring(0, 54))
        .isEqualTo(DnsNames.sanitize(b, 63).substring(0, 54));
  }

  @Test
  void shortenRespectsSmallerMaximaAndDropsTrailingDashesBeforeTheHash() {
    String name = "a".repeat(53) + "-" + "b".repeat(20);
    String s = DnsNames.shorten(name, 63);
    assertThat(s).isEqualTo("a".repeat(53) + "-" + sha256Prefix(name));
    assertThat(s).doesNotContain("--");
    assertThat(DnsNames.isLabel(s)).isTrue();

    String t = DnsNames.shorten("abcdefghijklmnopqrstuvwxyz", 20);
    assertThat(t).hasSize(20).startsWith("abcdefghijk-");
    assertThat(DnsNames.shorten("short", 20)).isEqualTo("short");
    assertThat(DnsNames.shorten("x".repeat(63), 63)).isEqualTo("x".repeat(63));
  }

  @Test
  void joinJoinsWithDashesAndShortensWhenTooLong() {
    assertThat(DnsNames.join(63, "netflixoss", "cass-subscriber"))
        .isEqualTo("netflixoss-cass-subscriber");
    String joined = DnsNames.join(63, "a".repeat(40), "b".repeat(40));
    assertThat(joined).hasSize(63);
    assertThat(joined).isEqualTo(DnsNames.join(63, "a".repeat(40), "b".repeat(40)));
  }

  @Test
  void problemExplainsWhyANameCannotBeALabel() {
    assertThat(DnsNames.problem("")).contains("must not be empty");
    assertThat(DnsNames.problem("   ")).contains("must not be empty");
    assertThat(DnsNames.problem(null)).contains("must not be empty");
    assertThat(DnsNames.problem("___"))
        .contains("\"___\" has no letters or digits to form a DNS label");
    assertThat(DnsNames.problem("9lives"))
        .contains("\"9lives\" maps to \"9lives\", which does not start with a letter");
    assertThat(DnsNames.problem("2Tier"))
        .contains("\"2Tier\" maps to \"2-tier\", which does not start with a letter");
    String tooLong = "t".repeat(64);
    assertThat(DnsNames.problem(tooLong))
        .contains("\"" + tooLong + "\" maps to a name longer than 63 characters");
    assertThat(DnsNames.problem("t".repeat(63))).isEmpty();
    assertThat(DnsNames.tierLabel("9lives")).isEmpty();
    assertThat(DnsNames.tierLabel("")).isEmpty();
  }

  @Test
  void camelCaseGrowthCountsTowardsTheLimit() {
    // 62 characters, but every capital gains a dash: 93 characters after mapping.
    String name = "aB".repeat(31);
    assertThat(name).hasSize(62);
    assertThat(DnsNames.problem(name)).isPresent();
    assertThat(DnsNames.problem(name).orElseThrow()).endsWith("longer than 63 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "cass-subscriber", "www-elb", "a1", "simple-v2-yml", "x0-9"})
  void isLabelAcceptsValidLabels(String s) {
    assertThat(DnsNames.isLabel(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Cass", "-a", "a-", "1a", "a_b", "a.b", "a b", "cassSubscriber", "é"})
  void isLabelRejectsInvalidLabels(String s) {
    assertThat(DnsNames.isLabel(s)).isFalse();
  }

  @Test
  void isLabelEnforcesTheLengthLimit() {
    assertThat(DnsNames.isLabel("a".repeat(63))).isTrue();
    assertThat(DnsNames.isLabel("a".repeat(64))).isFalse();
  }

  @Test
  void mappingIsDeterministic() {
    for (String n : new String[] {"cassSubscriber", "HTTPServer", "simpleV2.yml"}) {
      assertThat(DnsNames.kebab(n)).isEqualTo(DnsNames.kebab(new String(n.toCharArray())));
      assertThat(DnsNames.sanitize(n, 63)).isEqualTo(DnsNames.sanitize(n, 63));
    }
  }

  private static String sha256Prefix(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 8);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
