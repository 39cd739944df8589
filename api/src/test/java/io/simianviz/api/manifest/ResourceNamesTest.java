package io.simianviz.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.model.DnsNames;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {
  private final ResourceNames names = new ResourceNames("netflixoss");

  @Test
  void shortNamesJoinArchitectureTierRegionAndZoneInKebabForm() {
    assertThat(names.deployment("cassSubscriber", "us-east-1", "zoneA"))
        .isEqualTo("netflixoss-cass-subscriber-us-east-1-zone-a");
    assertThat(names.deployment("www", "*", "*")).isEqualTo("netflixoss-www-global-any");
    assertThat(names.discoveryService("cassSubscriber", "us-east-1", "zoneB", false))
        .isEqualTo("netflixoss-cass-subscriber-zone-b");
    assertThat(names.discoveryService("cassSubscriber", "eu-west-1", "zoneB", true))
        .isEqualTo("netflixoss-cass-subscriber-eu-west-1-zone-b");
    assertThat(names.tierService("www-elb")).isEqualTo("netflixoss-www-elb");
    assertThat(names.serviceAccount()).isEqualTo("netflixoss-nanoservice");
    assertThat(names.denyAllPolicy()).isEqualTo("netflixoss-deny-all");
    assertThat(names.tierPolicy("evcacheSubscriber"))
        .isEqualTo("netflixoss-evcache-subscriber-allow");
  }

  @Test
  void longNamesAreHashedDeterministicallyKeepTheirSuffixAndStayDistinct() {
    String tier = "catalogueReplicatedStoreForTheWholeWorldWideShopAndMore";
    ResourceNames longArch = new ResourceNames("a-rather-long-architecture-name");
    String a = longArch.deployment(tier, "ap-southeast-2", "zoneA");
    String b = longArch.deployment(tier, "ap-southeast-2", "zoneB");
    String again =
        new ResourceNames("a-rather-long-architecture-name")
            .deployment(tier, "ap-southeast-2", "zoneA");

    for (String name :
        new String[] {
          a,
          b,
          longArch.tierService(tier),
          longArch.tierPolicy(tier),
          longArch.discoveryService(tier, "ap-southeast-2", "zoneC", true)
        }) {
      assertThat(name.length()).as(name).isLessThanOrEqualTo(63);
      assertThat(DnsNames.isLabel(name)).as(name).isTrue();
    }
    assertThat(a)
        .isEqualTo(again)
        .endsWith("-ap-southeast-2-zone-a")
        .matches(".*-[0-9a-f]{8}-ap-.*");
    assertThat(b).endsWith("-ap-southeast-2-zone-b");
    assertThat(a.substring(0, a.length() - 1)).isEqualTo(b.substring(0, b.length() - 1));
    assertThat(longArch.tierPolicy(tier)).endsWith("-allow");
  }

  @Test
  void tiersSharingALongPrefixGetDifferentHashes() {
    ResourceNames longArch = new ResourceNames("a-rather-long-architecture-name");
    String one =
        longArch.deployment("catalogueReplicatedStoreForTheWholeWorldOne", "us-east-1", "zoneA");
    String two =
        longArch.deployment("catalogueReplicatedStoreForTheWholeWorldTwo", "us-east-1", "zoneA");
    assertThat(one).isNotEqualTo(two);
    assertThat(one.length()).isLessThanOrEqualTo(63);
    assertThat(two.length()).isLessThanOrEqualTo(63);
  }

  @Test
  void labelValuesKeepValidNamesAndMapTheWildcard() {
    assertThat(ResourceNames.zoneLabel("zoneA")).isEqualTo("zoneA");
    assertThat(ResourceNames.zoneLabel("*")).isEqualTo("any");
    assertThat(ResourceNames.regionLabel("*")).isEqualTo("global");
    assertThat(ResourceNames.regionLabel("us-east-1")).isEqualTo("us-east-1");
    assertThat(ResourceNames.labelValue("zone A!")).isEqualTo("zone-a");
    assertThat(ResourceNames.labelValue("x".repeat(70))).hasSizeLessThanOrEqualTo(63);
  }
}
