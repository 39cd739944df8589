package io.simianviz.local;

import io.simianviz.local.chaos.ExperimentRunner;
import io.simianviz.local.evolution.Evolution;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * When a local run ends: at the end of its duration, or on Ctrl-C, but not before its chaos
 * experiments have their verdicts and a folder's versions have each run their step.
 */
final class RunEnd {
  private RunEnd() {}

  /**
   * Waits for the duration, and then the verdict of every experiment; or Ctrl-C ({@code stop}),
   * which stops the experiment under way (restoring its outage).
   *
   * @param chaos the experiments, or null
   */
  static void await(
      RunOptions options, ExperimentRunner chaos, CountDownLatch stop, Console console)
      throws InterruptedException {
    boolean interrupted;
    if (options.duration().isZero()) {
      stop.await();
      interrupted = true;
    } else {
      interrupted = stop.await(options.duration().toMillis(), TimeUnit.MILLISECONDS);
    }
    if (chaos == null) {
      return;
    }
    if (!interrupted && !chaos.isDone()) {
      console.event("the duration is over; the run goes on until the experiments' verdicts");
      while (!chaos.isDone()) {
        if (stop.await(100, TimeUnit.MILLISECONDS)) {
          interrupted = true;
          break;
        }
      }
    }
    if (interrupted && !chaos.isDone()) {
      try {
        chaos
            .stop("the run was interrupted")
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        console.event("chaos: an outage could not be restored in time: " + e.getMessage());
      }
    }
  }

  /**
   * Waits until every version of a folder has run its step (Ctrl-C ends it sooner), then stops the
   * evolution; a transition under way completes first.
   *
   * @param folder whether the versions come from a folder (a watched file's end with the run)
   */
  static void awaitVersions(
      Evolution evolving, boolean folder, CountDownLatch stop, Console console)
      throws InterruptedException {
    if (folder) {
      long said = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      boolean told = false;
      while (!evolving.scheduleDone() && !stop.await(100, TimeUnit.MILLISECONDS)) {
        // Ctrl-C ends it sooner; a schedule a moment longer than the duration is not worth a line
        if (!told && System.nanoTime() - said > 0) {
          console.event(
              "the duration is over; the run goes on until every version has run its step");
          told = true;
        }
      }
    }
    evolving.stop();
  }
}
