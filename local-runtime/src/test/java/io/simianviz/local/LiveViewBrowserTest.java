package io.simianviz.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.io.LoadedArchitecture;
import io.simianviz.local.live.LiveView;
import io.simianviz.local.live.ViewOptions;
import io.simianviz.model.topology.Instance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The live view of a running examples/lamp.yaml in a real browser: Debian's Chromium, headless,
 * driven by Selenium through Debian's chromedriver. Skipped, saying so, when they are not installed
 * ({@code apt-get install chromium chromium-driver}; .ci/run installs them).
 */
class LiveViewBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** lamp: www (global), webserver-elb, webserver in 3 zones, memcache in 1, rds-mysql in 2. */
  private static final int LAMP_TIER_NODES = 8;

  /**
   * www to the elb 1; the elb (no zone) to each webserver 3; each webserver to memcache (only in
   * zoneA) 3; to rds-mysql: zoneA and zoneB to their own, zoneC to both, 4.
   */
  private static final int LAMP_EDGES = 11;

  @TempDir Path out;
  private LocalRun run;
  private LiveView view;
  private ChromeDriver browser;

  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "browser test skipped: Debian's chromium and chromium-driver are not installed"
            + " (apt-get install chromium chromium-driver; .ci/run installs them)");
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (view != null) {
      view.close();
    }
    if (run != null) {
      run.close();
    }
  }

  @Test
  void showsTheRunningLampWithMovingRatesAndAKillWithinFiveSeconds() throws Exception {
    LoadedArchitecture lamp = ArchitectureFiles.read(Path.of("../examples/lamp.yaml"));
    // A long run: the monkey's own strike (half-way) stays out of the test, which kills by hand;
    // the replacement comes 3 s later, as in `simianviz run`.
    RunOptions options =
        TestRuns.options(out, Duration.ofMinutes(10), null, Duration.ofSeconds(3), false);
    Console console =
        new Console(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
    run = new LocalRun(lamp, options, console, out, null);
    view =
        LiveView.start(
            run.vertx(),
            run.process().stats(),
            run.live(),
            run::elapsedMillis,
            ViewOptions.anyPort());
    run.start();

    browser = chromium();
    browser.get(view.url());
    JavascriptExecutor js = browser;
    // Live data: several updates, traffic on every edge.
    awaitTrue(
        js,
        "const c = window.simianviz && window.simianviz.counts();"
            + " return !!c && c.updates >= 3"
            + " && Object.values(window.simianviz.edgeRates()).every(r => r > 0);",
        Duration.ofSeconds(20));
    Map<String, Object> counts = counts(js);
    assertThat(counts.get("tierNodes")).isEqualTo((long) LAMP_TIER_NODES);
    assertThat(counts.get("edges")).isEqualTo((long) LAMP_EDGES);
    assertThat(counts.get("instances")).isEqualTo(23L);

    Object before = js.executeScript("return window.simianviz.edgeRates();");
    // A rate step, as traffic.schedule makes one: a steady open-loop source would show the same
    // rates read after read, so the change must come from the traffic, and the page must follow.
    run.trafficSources().forEach(s -> s.traffic().rate(250));
    Thread.sleep(2500);
    Object after = js.executeScript("return window.simianviz.edgeRates();");
    assertThat(after).as("edge request rates two reads apart").isNotEqualTo(before);

    Instance victim =
        run.topology().instances().stream()
            .filter(i -> i.tier().equals("webserver"))
            .findFirst()
            .orElseThrow();
    long killedAt = System.nanoTime();
    run.kill(victim);
    String shortName = victim.name().substring("lamp.".length());
    awaitTrue(
        js,
        "const c = window.simianviz.counts();"
            + " return c.killed >= 1 && c.notices.some(n => n.includes('killed "
            + shortName
            + "'))"
            + " && !!document.querySelector('#events li.kill');",
        Duration.ofSeconds(5));
    Duration shownAfter = Duration.ofNanos(System.nanoTime() - killedAt);
    assertThat(shownAfter).isLessThan(Duration.ofSeconds(5));
    assertThat(
            js.executeScript(
                "return window.simianviz.cy.getElementById('i:" + victim.name() + "').classes();"))
        .asString()
        .contains("killed");

    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "live-view-lamp.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isPositive();
  }

  private static ChromeDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> counts(JavascriptExecutor js) {
    return (Map<String, Object>) js.executeScript("return window.simianviz.counts();");
  }

  private static void awaitTrue(JavascriptExecutor js, String script, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    Object last = null;
    while (System.nanoTime() < deadline) {
      last = js.executeScript(script);
      if (Boolean.TRUE.equals(last)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "not seen within "
            + within
            + ": "
            + script
            + "; drawn: "
            + js.executeScript("return window.simianviz && window.simianviz.counts();"));
  }
}
