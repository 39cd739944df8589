package io.simianviz.service.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class FileLimitTest {
  @Test
  void aProcessOutOfFileDescriptorsIsALocalFailure() {
    // As the JDK's NIO transport and Netty's native one report EMFILE and ENFILE.
    assertThat(FileLimit.hit(new SocketException("Too many open files"))).isTrue();
    assertThat(FileLimit.hit(new IOException("connect(..) failed: Too many open files"))).isTrue();
    assertThat(
            FileLimit.hit(new IOException("x", new IOException("Too many open files in system"))))
        .isTrue();
  }

  @Test
  void failuresOfTheInstanceCalledAreNot() {
    assertThat(FileLimit.hit(new ConnectException("Connection refused"))).isFalse();
    assertThat(FileLimit.hit(new IOException("Connection reset by peer"))).isFalse();
    assertThat(FileLimit.hit(new IllegalStateException((String) null))).isFalse();
  }
}
