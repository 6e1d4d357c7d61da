package org.axdse.explorer.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default backend: a fixed pool of daemon threads in this JVM. Results are handed to the listener on the
 * calling thread in completion order and returned in batch order.
 */
final class LocalBackend implements EvaluationBackend {
  private static final long POLL_MILLIS = 100;

  private final CandidateEvaluator evaluator;
  private final int threads;
  private final ExecutorService pool;

  LocalBackend(CandidateEvaluator evaluator, int threads) {
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "axdse-eval-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private record Done(int index, CandidateResult result) {}

  @Override
  public List<CandidateResult> evaluate(List<Candidate> batch, Fidelity fidelity, Listener listener,
      StopSignal stop) {
    return evaluate(batch, fidelity, null, listener, stop);
  }

  @Override
  public List<CandidateResult> evaluate(List<Candidate> batch, Fidelity fidelity, ScreeningBar bar,
      Listener listener, StopSignal stop) {
    CompletionService<Done> service = new ExecutorCompletionService<>(pool);
    List<Future<Done>> futures = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      int index = i;
      Candidate c = batch.get(i);
      futures.add(service.submit(() -> new Done(index, bar == null ? evaluator.evaluate(c.assignment(), fidelity)
          : evaluator.evaluate(c.assignment(), fidelity, costs -> bar.required(c.genome(), costs)))));
    }
    CandidateResult[] results = new CandidateResult[batch.size()];
    try {
      for (int received = 0; received < batch.size(); ) {
        if (stop.isStopRequested()) {
          futures.forEach(f -> f.cancel(true));
          throw new StoppedException();
        }
        Future<Done> f = service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (f == null) {
          continue;
        }
        Done d = f.get();
        results[d.index()] = d.result();
        listener.completed(d.index(), batch.get(d.index()), d.result());
        received++;
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new StoppedException();
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("evaluation failed: " + cause, cause);
    }
    return List.of(results);
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
