package org.axdse.explorer.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axdse.explorer.backend.Candidate;
import org.axdse.explorer.backend.CandidateResult;
import org.axdse.explorer.backend.EvaluationBackend;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.backend.ScreeningBar;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.checkpoint.EvaluationLog;
import org.axdse.explorer.checkpoint.EvaluationRecord;
import org.axdse.simulator.assign.Assignment;

/**
 * Memoised evaluation keyed by (fidelity, canonical genome): a batch is split into results already known and
 * distinct new genomes, the new ones go to the backend together, and every completed evaluation is appended to
 * the {@link EvaluationLog} at once, so it survives a kill and a resumed run never pays for it twice. Results are
 * returned in batch order, so what the search sees does not depend on completion order. Single-threaded use.
 */
final class EvaluationCache {
  /** Told about every evaluation the backend completes (for progress). */
  interface Observer {
    void evaluated(long misses, long hits);
  }

  private record Key(Fidelity fidelity, int[] genome) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && fidelity == k.fidelity && Arrays.equals(genome, k.genome);
    }

    @Override
    public int hashCode() {
      return 31 * fidelity.hashCode() + Arrays.hashCode(genome);
    }
  }

  private final Map<Key, Integer> index = new HashMap<>();
  private final List<EvaluationRecord> records = new ArrayList<>();
  private final EvaluationLog log;
  private final EvaluationBackend backend;
  private final StopSignal stop;
  private Observer observer = (m, h) -> {};
  private long hits;
  private long misses;

  EvaluationCache(EvaluationLog log, EvaluationBackend backend, StopSignal stop) {
    this.log = log;
    this.backend = backend;
    this.stop = stop;
  }

  void observe(Observer o) {
    observer = o;
  }

  /**
   * Adds records read back from the log (a later duplicate of a key is ignored, unless the earlier one stopped
   * early and the later one is full).
   */
  void load(List<EvaluationRecord> loaded) {
    for (EvaluationRecord r : loaded) {
      records.add(r);
      index.merge(new Key(r.fidelity(), r.genome()), records.size() - 1,
          (old, now) -> records.get(old).result().stopped() && !records.get(now).result().stopped() ? now : old);
    }
  }

  /** The results for {@code genomes} at {@code fidelity}, evaluating the unknown ones through the backend. */
  List<CandidateResult> evaluate(List<int[]> genomes, Fidelity fidelity, Function<int[], Assignment> decode) {
    return evaluate(genomes, fidelity, decode, null);
  }

  /**
   * As {@link #evaluate(List, Fidelity, Function)}, letting new screening evaluations stop early against {@code
   * bar} (null: every result must be full, and an early-stopped one is evaluated again in full).
   */
  List<CandidateResult> evaluate(List<int[]> genomes, Fidelity fidelity, Function<int[], Assignment> decode,
      ScreeningBar bar) {
    Map<Key, Candidate> missing = new LinkedHashMap<>();
    for (int[] g : genomes) {
      Key k = new Key(fidelity, g.clone());
      boolean known = index.containsKey(k) && (bar != null || !records.get(index.get(k)).result().stopped());
      if (known || missing.containsKey(k)) {
        hits++;
      } else {
        missing.put(k, new Candidate(g, decode.apply(g)));
      }
    }
    if (!missing.isEmpty()) {
      backend.evaluate(List.copyOf(missing.values()), fidelity, bar, (i, c, result) -> {
        EvaluationRecord r = new EvaluationRecord(fidelity, c.genome(), result);
        log.append(r);
        records.add(r);
        index.put(new Key(fidelity, c.genome()), records.size() - 1);
        misses++;
        observer.evaluated(misses, hits);
      }, stop);
    }
    List<CandidateResult> out = new ArrayList<>(genomes.size());
    for (int[] g : genomes) {
      out.add(records.get(index.get(new Key(fidelity, g))).result());
    }
    return out;
  }

  /** The log index of the record of {@code genome} at {@code fidelity}, or -1 when not evaluated. */
  int recordIndex(Fidelity fidelity, int[] genome) {
    return index.getOrDefault(new Key(fidelity, genome), -1);
  }

  EvaluationRecord record(int i) {
    return records.get(i);
  }

  int size() {
    return records.size();
  }

  long hits() {
    return hits;
  }

  long misses() {
    return misses;
  }

  /** Forces the log to disk (before a checkpoint refers to it). */
  void sync() {
    log.sync();
  }
}
