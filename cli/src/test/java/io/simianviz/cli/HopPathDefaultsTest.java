package io.simianviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HopPathDefaultsTest {
  private final Properties saved = (Properties) System.getProperties().clone();

  @AfterEach
  void restore() {
    System.setProperties(saved);
  }

  @Test
  void turnsOffPerEventBookkeepingUnlessTheUserSetIt() {
    System.clearProperty("io.netty.leakDetection.level");
    System.clearProperty("vertx.disableContextTimings");
    System.setProperty("vertx.threadChecks", "true");

    Simianviz.hopPathDefaults();

    assertThat(System.getProperty("io.netty.leakDetection.level")).isEqualTo("disabled");
    assertThat(System.getProperty("vertx.disableContextTimings")).isEqualTo("true");
    assertThat(System.getProperty("vertx.threadChecks")).as("given with -D").isEqualTo("true");
  }
}
