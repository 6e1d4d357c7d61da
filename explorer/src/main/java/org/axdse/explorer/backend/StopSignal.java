package org.axdse.explorer.backend;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a run early (Ctrl-C), and the run's answer that it has stopped. The shutdown hook calls
 * {@link #requestStop()} and then {@link #awaitFinished}; the run polls {@link #isStopRequested()} at safe points
 * and calls {@link #finished()} once its checkpoint is on disk. Thread-safe.
 */
public final class StopSignal {
  private volatile boolean requested;
  private final CountDownLatch done = new CountDownLatch(1);

  public void requestStop() {
    requested = true;
  }

  public boolean isStopRequested() {
    return requested;
  }

  public void finished() {
    done.countDown();
  }

  /** Waits until the run reported {@link #finished()}, at most {@code seconds}; true when it did. */
  public boolean awaitFinished(long seconds) {
    try {
      return done.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
