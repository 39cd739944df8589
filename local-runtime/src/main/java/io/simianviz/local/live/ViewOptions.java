package io.simianviz.local.live;

/**
 * Whether and where a run serves its live view.
 *
 * @param enabled false with {@code --no-ui}
 * @param port the port on 127.0.0.1; 0 picks a free one
 */
public record ViewOptions(boolean enabled, int port) {
  /** No view: what tests and scripts that do not look get. */
  public static ViewOptions off() {
    return new ViewOptions(false, 0);
  }

  /** A view on a free port. */
  public static ViewOptions anyPort() {
    return new ViewOptions(true, 0);
  }
}
