package org.axdse.simulator.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs the independent tasks of one kernel call on the calling thread plus {@code parallelism - 1} pool threads,
 * handing out task indexes from a shared counter. Tasks write disjoint outputs, so results do not depend on the
 * thread count or on which thread ran which task.
 */
final class TaskRunner implements AutoCloseable {
  private final int parallelism;
  private final ForkJoinPool pool;

  TaskRunner(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    this.pool = parallelism > 1 ? new ForkJoinPool(parallelism - 1) : null;
  }

  int parallelism() {
    return parallelism;
  }

  void run(int tasks, IntConsumer task) {
    int helpers = Math.min(parallelism, tasks) - 1;
    if (helpers <= 0) {
      for (int i = 0; i < tasks; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
        task.accept(i);
      }
    };
    ForkJoinTask<?>[] started = new ForkJoinTask<?>[helpers];
    for (int h = 0; h < helpers; h++) {
      started[h] = pool.submit(worker);
    }
    RuntimeException failure = null;
    try {
      worker.run();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (ForkJoinTask<?> f : started) {
      try {
        f.join();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
