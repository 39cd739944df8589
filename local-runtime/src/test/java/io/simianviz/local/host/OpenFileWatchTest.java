package io.simianviz.local.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenFileWatchTest {
  private final AtomicLong open = new AtomicLong();
  private final OpenFileWatch watch =
      new OpenFileWatch(() -> OptionalLong.of(open.get()), OptionalLong.of(20_000));

  @Test
  void warnsOnceWhenNearingTheLimitAndAgainAfterFallingBack() {
    open.set(12_000);
    assertThat(watch.check()).isNull();
    open.set(18_100);
    assertThat(watch.check())
        .isEqualTo(
            "open files: 18100 of the 20000 this process may open; past the limit new connections"
                + " between instances fail (raise ulimit -n, or lower --rate or --scale)");
    open.set(19_000);
    assertThat(watch.check()).isNull();
    open.set(17_000);
    assertThat(watch.check()).isNull();
    open.set(18_500);
    assertThat(watch.check()).isNull();
    open.set(15_000);
    assertThat(watch.check()).isNull();
    open.set(18_000);
    assertThat(watch.check()).startsWith("open files: 18000 of the 20000");
  }

  @Test
  void saysNothingWhereTheLimitIsUnknown() {
    OpenFileWatch unknown = new OpenFileWatch(() -> OptionalLong.of(99), OptionalLong.empty());
    assertThat(unknown.check()).isNull();
  }
}
