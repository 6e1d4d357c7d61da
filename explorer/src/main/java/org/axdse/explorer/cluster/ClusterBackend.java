package org.axdse.explorer.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axdse.explorer.backend.Candidate;
import org.axdse.explorer.backend.CandidateEvaluator;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.EvaluationBackend;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.StopSignal;
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
  private final HazelcastInstance hz;
  final IExecutorService executor;
  final Workers workers;
  final ClusterSecret secret;
  final String runKey;
  private final GenomeCodec codec;
  final CandidateEvaluator evaluator;
  final int coordinatorThreads;
  final int fallbackThreads;
  final long taskTimeoutNanos;
  private final Queue<String> messages;
  final Consumer<String> log;
  final ExecutorService pool;
  boolean localMode;
  long localEvaluations;
  long resubmissions;
  long remoteCount;
  long roundTripNanos;
  long remoteEvalNanos;

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
    BatchRun b = new BatchRun(this, batch, fidelity, listener);
    if (localMode && !b.ready().isEmpty()) {
      localMode = false;
      log.accept("cluster: evaluating on " + b.ready().size() + " workers again");
    }
    try {
      b.run(stop);
    } finally {
      b.cancelOpen();
      flush();
    }
    return b.results();
  }

  boolean remotable(Candidate c) {
    int[] g = c.genome();
    return codec.isCanonical(g) && codec.assignment(g).equals(c.assignment());
  }

  void flush() {
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
