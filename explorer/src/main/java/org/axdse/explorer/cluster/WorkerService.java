package org.axdse.explorer.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.explorer.encoding.Granularity;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.simulator.assign.Assignment;

/**
 * What a worker member does with the {@link ClusterTask}s it receives: checks each task's tag with the secret,
 * then answers a handshake, prepares a run (stores shipped inputs, opens the problem once per run key) or
 * evaluates a genome of a prepared run. Every failure becomes a one-line {@link Reply.Status#ERROR}; nothing is
 * thrown back through Hazelcast. Thread-safe: tasks run on the member's executor threads.
 */
final class WorkerService implements AutoCloseable {
  static final String CONTEXT_KEY = "axdse.worker";

  private record Loaded(SearchProblem problem, GenomeCodec codec, String fingerprint) {}

  private final ProblemFactory factory;
  private final ClusterSecret secret;
  private final InputStore store;
  private final int threads;
  private final Consumer<String> log;
  private final Map<String, Loaded> runs = new ConcurrentHashMap<>();
  private final AtomicLong evaluations = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  WorkerService(ProblemFactory factory, ClusterSecret secret, InputStore store, int threads, Consumer<String> log) {
    this.factory = factory;
    this.secret = secret;
    this.store = store;
    this.threads = threads;
    this.log = log;
  }

  long evaluations() {
    return evaluations.get();
  }

  byte[] handle(ClusterTask task, String localUuid) {
    if (!task.verify(secret) || task.kind() == null) {
      if (refused.getAndIncrement() < 10) {
        log.accept("refused a task not tagged with this cluster's secret");
      }
      return Reply.unsigned("refused: the task is not tagged with this cluster's secret");
    }
    Reply reply;
    try {
      Wire.Reader r = new Wire.Reader(task.body());
      reply = switch (task.kind()) {
        case HANDSHAKE -> handshake(r, localUuid);
        case PREPARE -> prepare(r);
        case EVALUATE -> evaluate(r);
      };
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      reply = Reply.error(m.replaceAll("[\\r\\n]+", " "));
    }
    return reply.encode(secret, task.tag());
  }

  private Reply handshake(Wire.Reader r, String localUuid) {
    r.getBytes();
    r.end();
    return Reply.ok(new Wire.Writer().putString(localUuid).putInt(threads).toBytes());
  }

  private Reply prepare(Wire.Reader r) {
    RunSpec spec = RunSpec.read(r);
    boolean shipped = r.getBoolean();
    if (shipped) {
      if (spec.model() != null) {
        store.put(spec.model(), InputTree.read(r));
      }
      if (spec.library() != null) {
        store.put(spec.library(), InputTree.read(r));
      }
    }
    r.end();
    if (!store.has(spec.model()) || !store.has(spec.library())) {
      return new Reply(Reply.Status.NEED_INPUTS, new byte[0]);
    }
    Loaded run = runs.computeIfAbsent(spec.key(), k -> load(spec));
    if (!run.fingerprint().equals(spec.fingerprint())) {
      return Reply.error("this worker's engine built another search space than the coordinator's (is it "
          + "another axdse build?)");
    }
    return Reply.ok(new Wire.Writer().putString(run.fingerprint()).toBytes());
  }

  private Loaded load(RunSpec spec) {
    SearchProblem problem = factory.open(spec.localRequest(
        spec.model() == null ? null : store.pathOf(spec.model()),
        spec.library() == null ? null : store.pathOf(spec.library())));
    try {
      SearchSpace space = problem.space().restrict(spec.restrictions(), "--restrict");
      GenomeCodec codec = GenomeCodec.of(space, Granularity.parse(spec.granularity()));
      log.accept("loaded run " + spec.key().substring(0, 12) + " (" + space.layers().size() + " layers)");
      return new Loaded(problem, codec, SpaceFingerprint.of(codec));
    } catch (RuntimeException e) {
      problem.close();
      throw e;
    }
  }

  private Reply evaluate(Wire.Reader r) {
    String key = r.getString();
    int f = r.getInt();
    int[] genome = r.getInts();
    r.end();
    Loaded run = runs.get(key);
    if (run == null) {
      return Reply.error("run " + key.substring(0, Math.min(12, key.length())) + " is not prepared on this worker");
    }
    if (f < 0 || f >= Fidelity.values().length || !run.codec().isCanonical(genome)) {
      return Reply.error("not a canonical genome or fidelity of this run");
    }
    Assignment a = run.codec().assignment(genome);
    long t0 = System.nanoTime();
    CandidateResult c = run.problem().evaluator().evaluate(a, Fidelity.values()[f]);
    long nanos = System.nanoTime() - t0;
    evaluations.incrementAndGet();
    return Reply.ok(new Wire.Writer().putDouble(c.accuracy()).putDouble(c.multiplierEnergy())
        .putDouble(c.systemEnergy()).putDouble(c.weightMemory()).putDouble(c.latency()).putLong(nanos).toBytes());
  }

  @Override
  public void close() {
    runs.values().forEach(l -> l.problem().close());
    runs.clear();
  }
}
