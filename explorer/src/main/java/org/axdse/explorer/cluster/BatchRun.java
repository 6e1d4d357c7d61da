package org.axdse.explorer.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axdse.explorer.backend.Candidate;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.EvaluationBackend.Listener;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.backend.StoppedException;

/**
 * One batch of a {@link ClusterBackend}, run on the calling thread: hands candidates to workers with a free
 * thread (and to the coordinator's own threads), collects their answers from a queue fed by Hazelcast's
 * callbacks, resubmits the candidates of workers that left or timed out, falls back to local threads when no
 * worker is left, and keeps the first valid result of each candidate.
 */
final class BatchRun {
  private static final long POLL_MILLIS = 50;

  private sealed interface Event permits Remote, Local {}

  private record Remote(Attempt attempt, byte[] reply, Throwable failure) implements Event {}

  private record Local(int index, CandidateResult result, Throwable failure) implements Event {}

  private static final class Attempt {
    final int index;
    final WorkerState worker;
    final ClusterTask task;
    final long start = System.nanoTime();
    Future<byte[]> future;
    boolean open = true;
    boolean timedOut;

    Attempt(int index, WorkerState worker, ClusterTask task) {
      this.index = index;
      this.worker = worker;
      this.task = task;
    }
  }

  private final List<Candidate> batch;
  private final Fidelity fidelity;
  private final Listener listener;
  private final CandidateResult[] results;
  private final int[] running;
  private final ArrayDeque<Integer> pending = new ArrayDeque<>();
  private final ArrayDeque<Integer> localOnly = new ArrayDeque<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Future<?>> localFutures = new ArrayList<>();
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final ClusterBackend owner;
  private final List<WorkerState> ready;
  private int localRunning;
  private int received;
  private boolean fallback;

  BatchRun(ClusterBackend owner, List<Candidate> batch, Fidelity fidelity, Listener listener) {
    this.owner = owner;
    this.ready = owner.workers.ready();
    this.batch = batch;
    this.fidelity = fidelity;
    this.listener = listener;
    this.results = new CandidateResult[batch.size()];
    this.running = new int[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      (owner.remotable(batch.get(i)) ? pending : localOnly).add(i);
    }
  }

  void run(StopSignal stop) {
    try {
      while (received < batch.size()) {
        if (stop.isStopRequested()) {
          throw new StoppedException();
        }
        watch();
        dispatch();
        Event e = events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (e instanceof Remote r) {
          remote(r);
        } else if (e instanceof Local l) {
          local(l);
        }
        owner.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoppedException();
    }
  }

  /** Resubmits the candidates of workers that left and of attempts past the task timeout. */
  private void watch() {
    long now = System.nanoTime();
    for (Attempt a : attempts) {
      if (a.open && !a.worker.usable()) {
        close(a);
        cancel(a);
        requeue(a.index, "worker " + a.worker.address() + " is "
            + a.worker.status().name().toLowerCase(Locale.ROOT));
      } else if (a.open && !a.timedOut && now - a.start > owner.taskTimeoutNanos) {
        a.timedOut = true;
        requeue(a.index, "no answer from " + a.worker.address() + " within the task timeout");
      }
    }
    if (!fallback && (!ready.isEmpty() || owner.coordinatorThreads == 0)
        && ready.stream().noneMatch(WorkerState::usable)) {
      fallback = true;
      if (!owner.localMode) {
        owner.localMode = true;
        owner.log.accept("cluster: no worker " + (ready.isEmpty() ? "ready" : "left") + ": evaluating locally with "
            + owner.fallbackThreads + " threads");
      }
    }
  }

  private void dispatch() {
    int localSlots = fallback ? owner.fallbackThreads : Math.max(owner.coordinatorThreads, localOnly.isEmpty() ? 0 : 1);
    while (localRunning < localSlots && !localOnly.isEmpty()) {
      startLocal(localOnly.poll());
    }
    while (!pending.isEmpty()) {
      WorkerState w = ready.stream().filter(s -> s.usable() && s.inFlight() < s.threads())
          .min(Comparator.comparingDouble(s -> s.inFlight() / (double) s.threads())).orElse(null);
      if (w != null) {
        startRemote(pending.poll(), w);
      } else if (localRunning < localSlots) {
        startLocal(pending.poll());
      } else {
        break;
      }
    }
  }

  private void startRemote(int i, WorkerState w) {
    byte[] body = new Wire.Writer().putString(owner.runKey).putInt(fidelity.ordinal())
        .putInts(batch.get(i).genome()).toBytes();
    Attempt a = new Attempt(i, w, ClusterTask.signed(owner.secret, ClusterTask.Kind.EVALUATE, body));
    attempts.add(a);
    running[i]++;
    w.started();
    try {
      a.future = owner.executor.submitToMember(a.task, w.member());
      // Hazelcast's executor futures are CompletionStages: the answer is queued for this thread when it arrives
      if (!(a.future instanceof CompletionStage<?> stage)) {
        throw new IllegalStateException("this Hazelcast returns futures that are not CompletionStages");
      }
      stage.whenComplete((r, t) -> events.add(new Remote(a, (byte[]) r, t)));
    } catch (RuntimeException e) {
      a.future = CompletableFuture.failedFuture(e);
      events.add(new Remote(a, null, e));
    }
  }

  private void startLocal(int i) {
    running[i]++;
    localRunning++;
    Candidate c = batch.get(i);
    localFutures.add(owner.pool.submit(() -> {
      try {
        events.add(new Local(i, owner.evaluator.evaluate(c.assignment(), fidelity), null));
      } catch (RuntimeException | Error e) {
        events.add(new Local(i, null, e));
      }
    }));
  }

  private void remote(Remote r) {
    Attempt a = r.attempt();
    boolean wasOpen = a.open;
    close(a);
    if (r.failure() != null) {
      if (a.worker.usable()) {
        boolean left = Failures.memberLeft(r.failure());
        a.worker.status(left ? WorkerState.Status.GONE : WorkerState.Status.FAILED);
        if (!left) {
          owner.log.accept("cluster: no more work for worker " + a.worker.address() + ": "
              + Failures.describe(r.failure()));
        }
      }
      if (wasOpen) {
        requeue(a.index, "worker " + a.worker.address() + ": " + Failures.describe(r.failure()));
      }
      return;
    }
    Reply reply;
    try {
      reply = Reply.decode(r.reply(), owner.secret, a.task.tag());
    } catch (Reply.RejectedException e) {
      a.worker.status(WorkerState.Status.REFUSED);
      owner.log.accept("cluster: refused member " + a.worker.address() + ": " + e.getMessage());
      requeue(a.index, "its worker was refused");
      return;
    }
    if (reply.status() != Reply.Status.OK) {
      throw new IllegalStateException("evaluation of " + batch.get(a.index) + " failed on worker "
          + a.worker.address() + ": " + reply.message());
    }
    Wire.Reader in = new Wire.Reader(reply.body());
    CandidateResult result = new CandidateResult(in.getDouble(), in.getDouble(), in.getDouble(),
        in.getDouble(), in.getDouble(), 0);
    long evalNanos = in.getLong();
    in.end();
    if (accept(a.index, result)) {
      a.worker.evaluated();
      owner.remoteCount++;
      owner.roundTripNanos += System.nanoTime() - a.start;
      owner.remoteEvalNanos += evalNanos;
    }
  }

  private void local(Local l) {
    localRunning--;
    running[l.index()]--;
    if (l.failure() instanceof RuntimeException e) {
      throw e;
    } else if (l.failure() instanceof Error e) {
      throw e;
    }
    if (accept(l.index(), l.result())) {
      owner.localEvaluations++;
    }
  }

  /** Keeps the first result of candidate {@code i}; false for a later duplicate. */
  private boolean accept(int i, CandidateResult r) {
    if (results[i] != null) {
      return false;
    }
    results[i] = r;
    received++;
    listener.completed(i, batch.get(i), r);
    return true;
  }

  private void close(Attempt a) {
    if (a.open) {
      a.open = false;
      a.worker.ended();
      running[a.index]--;
    }
  }

  private void requeue(int i, String why) {
    if (results[i] != null || pending.contains(i) || running[i] > (attemptTimedOut(i) ? 1 : 0)) {
      return;
    }
    pending.addFirst(i);
    owner.resubmissions++;
    owner.log.accept("cluster: resubmitted " + batch.get(i) + " (" + why + ")");
  }

  private boolean attemptTimedOut(int i) {
    return attempts.stream().anyMatch(a -> a.open && a.index == i && a.timedOut);
  }

  void cancelOpen() {
    for (Attempt a : attempts) {
      if (a.open) {
        close(a);
        cancel(a);
      }
    }
    localFutures.forEach(f -> f.cancel(true));
  }

  List<CandidateResult> results() {
    return List.of(results);
  }

  List<WorkerState> ready() {
    return ready;
  }

/** Asks the worker to drop {@code a}; a worker that already left cannot be asked, which is fine. */
private static void cancel(Attempt a) {
  try {
    if (a.future != null) {
      a.future.cancel(true);
    }
  } catch (RuntimeException e) {
    // the member is gone (TargetNotMemberException) or the instance is shutting down: nothing to cancel
  }
}
}
