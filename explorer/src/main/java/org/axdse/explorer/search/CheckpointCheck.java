package org.axdse.explorer.search;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axdse.explorer.backend.Fidelity;
import org.axdse.explorer.checkpoint.Checkpoint;
import org.axdse.explorer.checkpoint.EvaluationRecord;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.multipliers.util.BadInputException;

/**
 * Everything a resume needs from a checkpoint, checked against the evaluation log and the search space before the
 * resume writes anything: the population has the run's size and genomes of the space, every member and point is a
 * distinct screening evaluation of the log, the archive and history are consistent with the generation. A
 * checkpoint whose checksum verifies but whose content was edited (an empty population with a recomputed hash)
 * is refused in one line naming the file and the field, and the run directory stays as it was.
 */
final class CheckpointCheck {
  private CheckpointCheck() {}

  static void check(Checkpoint cp, List<EvaluationRecord> records, GenomeCodec codec, int population, Path file) {
    if (records.size() < cp.evaluationRecords()) {
      throw fail(file, "evaluation_records", cp.evaluationRecords() + " records covered, but the evaluation log "
          + "holds " + records.size());
    }
    if (cp.population().size() != population) {
      throw fail(file, "population", cp.population().size() + " members, but the run's population is "
          + population);
    }
    Set<GenomeKey> points = new HashSet<>();
    for (int i = 0; i < cp.points().size(); i++) {
      Checkpoint.PointRef ref = cp.points().get(i);
      EvaluationRecord r = records.get(ref.record());
      if (r.fidelity() != Fidelity.SCREENING || !codec.isCanonical(r.genome())) {
        throw fail(file, "points[" + i + "]", "refers to an evaluation that is not a screening evaluation of "
            + "this search space");
      }
      if (!points.add(new GenomeKey(r.genome()))) {
        throw fail(file, "points[" + i + "]", "repeats an earlier point");
      }
      if (ref.generation() < 0 || ref.generation() > cp.generation()) {
        throw fail(file, "points[" + i + "].generation", ref.generation() + " is not in [0, " + cp.generation()
            + "]");
      }
    }
    for (int i = 0; i < cp.population().size(); i++) {
      Checkpoint.Member m = cp.population().get(i);
      int[] g = m.genome();
      if (g.length != codec.length()) {
        throw fail(file, "population[" + i + "].genome", g.length + " genes, the search space has "
            + codec.length());
      }
      for (int v : g) {
        if (v < 0 || v >= codec.range()) {
          throw fail(file, "population[" + i + "].genome", "gene " + v + " outside [0, " + codec.range() + ")");
        }
      }
      if (m.born() < 0 || m.born() > cp.generation()) {
        throw fail(file, "population[" + i + "].born", m.born() + " is not in [0, " + cp.generation() + "]");
      }
      if (!points.contains(new GenomeKey(codec.canonical(g)))) {
        throw fail(file, "population[" + i + "]", "is not one of the checkpoint's points");
      }
    }
    if (new HashSet<>(cp.archive()).size() != cp.archive().size()) {
      throw fail(file, "archive", "repeats a point");
    }
    if (cp.history().size() != cp.generation() + 1) {
      throw fail(file, "history", cp.history().size() + " generations recorded, expected " + (cp.generation() + 1));
    }
    for (int i = 0; i < cp.history().size(); i++) {
      if (cp.history().get(i).generation() != i) {
        throw fail(file, "history[" + i + "].generation", "expected " + i);
      }
    }
  }

  private static BadInputException fail(Path file, String field, String problem) {
    return BadInputException.in(file, "corrupt checkpoint: " + field + ": " + problem + " (the run is left "
        + "untouched)");
  }
}
