package org.axdse.explorer.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axdse.explorer.backend.Candidate;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.EvaluationBackend;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.backend.StoppedException;
import org.axdse.explorer.encoding.GenomeCodec;

/**
 * The coordinator's {@link EvaluationBackend}: sends each candidate's genome to a worker member with a free
 * thread and receives its objective values; optionally evaluates on the coordinator's own threads too. The
 * workers of a batch are those ready when it starts, so a worker that joins takes work from the next batch on.
 * A candidate whose worker leaves the cluster (no heartbeat for the failure timeout) or that runs past the task
 * timeout is resubmitted; the first valid result of a candidate is the one kept, so nothing is lost and nothing
 * counted twice. With no worker left, the batch continues locally. Results are returned in batch order.
 */
final class ClusterBackend implements EvaluationBackend {
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

  private final HazelcastInstance hz;
  private final IExecutorService executor;
  private final Workers workers;
  private final ClusterSecret secret;
  private final String runKey;
  private final GenomeCodec codec;
  private final CandidateEvaluator evaluator;
  private final int coordinatorThreads;
  private final int fallbackThreads;
  private final long taskTimeoutNanos;
  private final Queue<String> messages;
  private final Consumer<String> log;
  private final ExecutorService pool;
  private boolean localMode;
  private long localEvaluations;
  private long resubmissions;
  private long remoteCount;
  private long roundTripNanos;
  private long remoteEvalNanos;

  ClusterBackend(HazelcastInstance hz, Workers workers, ClusterSecret secret, String runKey, GenomeCodec codec,
      CandidateEvaluator evaluator, int coordinatorThreads, int fallbackThreads, long taskTimeoutSeconds,
      ConcurrentLinkedQueue<String> messages, Consumer<String> log) {
    this.hz = hz;
    this.executor = hz.getExecutorService(ClusterNode.EXECUTOR);
    this.workers = workers;
    this.secret = secret;
    this.runKey = runKey;
    this.codec = codec;
    this.evaluator = evaluator;
    this.coordinatorThreads = coordinatorThreads;
    this.fallbackThreads = fallbackThreads;
    this.taskTimeoutNanos = TimeUnit.SECONDS.toNanos(taskTimeoutSeconds);
    this.messages = messages;
    this.log = log;
    this.pool = Executors.newFixedThreadPool(Math.max(coordinatorThreads, fallbackThreads), r -> {
      Thread t = new Thread(r, "axdse-coordinator-eval");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public List<CandidateResult> evaluate(List<Candidate> batch, Fidelity fidelity, Listener listener,
      StopSignal stop) {
    flush();
    Batch b = new Batch(batch, fidelity, listener);
    if (localMode && !b.ready.isEmpty()) {
      localMode = false;
      log.accept("cluster: evaluating on " + b.ready.size() + " workers again");
    }
    try {
      b.run(stop);
    } finally {
      b.cancelOpen();
      flush();
    }
    return List.of(b.results);
  }

  /** The state of one batch; used by the calling thread only. */
  private final class Batch {
    final List<Candidate> batch;
    final Fidelity fidelity;
    final Listener listener;
    final CandidateResult[] results;
    final int[] running;
    final ArrayDeque<Integer> pending = new ArrayDeque<>();
    final ArrayDeque<Integer> localOnly = new ArrayDeque<>();
    final List<Attempt> attempts = new ArrayList<>();
    final List<Future<?>> localFutures = new ArrayList<>();
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final List<WorkerState> ready = workers.ready();
    int localRunning;
    int received;
    boolean fallback;

    Batch(List<Candidate> batch, Fidelity fidelity, Listener listener) {
      this.batch = batch;
      this.fidelity = fidelity;
      this.listener = listener;
      this.results = new CandidateResult[batch.size()];
      this.running = new int[batch.size()];
      for (int i = 0; i < batch.size(); i++) {
        (remotable(batch.get(i)) ? pending : localOnly).add(i);
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
          flush();
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
        } else if (a.open && !a.timedOut && now - a.start > taskTimeoutNanos) {
          a.timedOut = true;
          requeue(a.index, "no answer from " + a.worker.address() + " within the task timeout");
        }
      }
      if (!fallback && (!ready.isEmpty() || coordinatorThreads == 0)
          && ready.stream().noneMatch(WorkerState::usable)) {
        fallback = true;
        if (!localMode) {
          localMode = true;
          log.accept("cluster: no worker " + (ready.isEmpty() ? "ready" : "left") + ": evaluating locally with "
              + fallbackThreads + " threads");
        }
      }
    }

    private void dispatch() {
      int localSlots = fallback ? fallbackThreads : Math.max(coordinatorThreads, localOnly.isEmpty() ? 0 : 1);
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
      byte[] body = new Wire.Writer().putString(runKey).putInt(fidelity.ordinal()).putInts(batch.get(i).genome())
          .toBytes();
      Attempt a = new Attempt(i, w, ClusterTask.signed(secret, ClusterTask.Kind.EVALUATE, body));
      attempts.add(a);
      running[i]++;
      w.started();
      try {
        a.future = executor.submitToMember(a.task, w.member());
        ((CompletionStage<byte[]>) a.future).whenComplete((r, t) -> events.add(new Remote(a, r, t)));
      } catch (RuntimeException e) {
        a.future = java.util.concurrent.CompletableFuture.failedFuture(e);
        events.add(new Remote(a, null, e));
      }
    }

    private void startLocal(int i) {
      running[i]++;
      localRunning++;
      Candidate c = batch.get(i);
      localFutures.add(pool.submit(() -> {
        try {
          events.add(new Local(i, evaluator.evaluate(c.assignment(), fidelity), null));
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
            log.accept("cluster: no more work for worker " + a.worker.address() + ": "
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
        reply = Reply.decode(r.reply(), secret, a.task.tag());
      } catch (Reply.RejectedException e) {
        a.worker.status(WorkerState.Status.REFUSED);
        log.accept("cluster: refused member " + a.worker.address() + ": " + e.getMessage());
        requeue(a.index, "its worker was refused");
        return;
      }
      if (reply.status() != Reply.Status.OK) {
        throw new IllegalStateException("evaluation of " + batch.get(a.index) + " failed on worker "
            + a.worker.address() + ": " + reply.message());
      }
      Wire.Reader in = new Wire.Reader(reply.body());
      CandidateResult result = new CandidateResult(in.getDouble(), in.getDouble(), in.getDouble());
      long evalNanos = in.getLong();
      in.end();
      if (accept(a.index, result)) {
        a.worker.evaluated();
        remoteCount++;
        roundTripNanos += System.nanoTime() - a.start;
        remoteEvalNanos += evalNanos;
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
        localEvaluations++;
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
      resubmissions++;
      log.accept("cluster: resubmitted " + batch.get(i) + " (" + why + ")");
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

  private boolean remotable(Candidate c) {
    int[] g = c.genome();
    return codec.isCanonical(g) && codec.assignment(g).equals(c.assignment());
  }

  private void flush() {
    for (String m = messages.poll(); m != null; m = messages.poll()) {
      log.accept(m);
    }
  }

  @Override
  public int parallelism() {
    int n = coordinatorThreads;
    for (WorkerState w : workers.ready()) {
      n += w.threads();
    }
    return Math.max(1, n);
  }

  /** Members, evaluations per member and resubmissions, for the progress line. */
  @Override
  public String status() {
    StringBuilder s = new StringBuilder("workers:");
    for (WorkerState w : workers.all()) {
      if (w.status() != WorkerState.Status.REFUSED || w.evaluations() > 0) {
        s.append(' ').append(w.address()).append('=').append(w.evaluations());
        if (!w.usable()) {
          s.append('(').append(w.status().name().toLowerCase(Locale.ROOT)).append(')');
        }
      }
    }
    return s.append(" local=").append(localEvaluations).append(", resubmitted ").append(resubmissions).toString();
  }

  /** Mean round trip and evaluation time of remote tasks, for the log and BENCHMARKS.md. */
  String overhead() {
    if (remoteCount == 0) {
      return "cluster: no remote evaluations";
    }
    double rt = roundTripNanos / 1e6 / remoteCount;
    double ev = remoteEvalNanos / 1e6 / remoteCount;
    return String.format(Locale.ROOT, "cluster: %d remote evaluations, mean round trip %.2f ms, of which "
        + "evaluation %.2f ms and overhead (serialization, network, scheduling) %.2f ms per task", remoteCount, rt,
        ev, rt - ev);
  }

  long resubmissions() {
    return resubmissions;
  }

  @Override
  public void close() {
    flush();
    log.accept(status());
    log.accept(overhead());
    pool.shutdownNow();
    workers.close();
    hz.shutdown();
  }
}
