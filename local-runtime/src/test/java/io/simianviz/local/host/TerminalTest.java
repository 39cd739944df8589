package io.simianviz.local.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void aTestRunWithRedirectedStreamsIsNoTerminal() {
    // surefire's forked JVM talks to Maven through pipes
    assertThat(Terminal.attached()).isFalse();
  }
}
