import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens a live view in Debian's headless Chromium, watches it for a while and reports what the page
 * drew, how long it took to handle each update, and the CPU the browser's processes spent per
 * second. Optionally saves a screenshot first, once the page has drawn a few updates. Run by live-view-probe.sh.
 *
 * <p>Arguments: URL SECONDS [SCREENSHOT.png]
 */
public final class LiveViewProbe {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    long seconds = Long.parseLong(args[1]);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1600,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(url);
      JavascriptExecutor js = browser;
      Thread.sleep(3000); // loaded, first updates in
      if (args.length > 2) {
        java.nio.file.Files.copy(
            browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of(args[2]),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + args[2]);
      }
      js.executeScript(
          "window.simianviz.state.handling = {last: 0, max: 0, total: 0};"
              + " window.simianviz.state.updates0 = window.simianviz.state.updates;");
      Duration cpu0 = browserCpu();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000);
      Duration cpu1 = browserCpu();
      double wall = (System.nanoTime() - t0) / 1e9;
      @SuppressWarnings("unchecked")
      Map<String, Object> r =
          (Map<String, Object>)
              js.executeScript(
                  "const s = window.simianviz.state; const c = window.simianviz.counts();"
                      + " const n = s.updates - s.updates0;"
                      + " return {updates: n, avgMs: s.handling.total / Math.max(1, n),"
                      + " maxMs: s.handling.max, tierNodes: c.tierNodes, edges: c.edges,"
                      + " instanceDots: c.instances, elements: s.snapshot.tiers.reduce("
                      + "(a, t) => a + t.total, 0)};");
      System.out.printf(
          "%s: %d s, %d updates (%.1f/s), handling avg %.2f ms max %.2f ms, %s tier nodes,"
              + " %s edges, %s instance dots of %s instances, browser CPU %.1f%% of a core%n",
          url, seconds, ((Number) r.get("updates")).longValue(),
          ((Number) r.get("updates")).longValue() / wall,
          ((Number) r.get("avgMs")).doubleValue(), ((Number) r.get("maxMs")).doubleValue(),
          r.get("tierNodes"), r.get("edges"), r.get("instanceDots"), r.get("elements"),
          100.0 * (cpu1.minus(cpu0).toNanos() / 1e9) / wall);
    } finally {
      browser.quit();
    }
  }

  /** CPU time of this process's descendants: chromedriver and every Chromium process. */
  private static Duration browserCpu() {
    return ProcessHandle.current()
        .descendants()
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }
}
