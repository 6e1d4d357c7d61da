package org.axdse.results.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.BadInputException;

/**
 * The consistency of a run's point files with its {@link RunConfig}, checked when a run is read so that
 * {@code report} and {@code pick} never draw or deploy a point the search could not have produced: ids and genomes
 * (or, for writers that record no genome, assignments) are not repeated, each point names one multiplier per layer of the run, genes are indices into the run's library,
 * and every front point is the point of {@code points.json} with the same id and genome.
 */
final class RunChecks {
  private RunChecks() {}

  /** Checks one file's points; fails with one line naming {@code file}, the point's index and the problem. */
  static void checkPoints(RunConfig config, List<EvaluatedPoint> points, Path file) {
    Map<Integer, Integer> ids = new HashMap<>();
    Map<String, Integer> genomes = new HashMap<>();
    int library = config.multipliers().size();
    for (int i = 0; i < points.size(); i++) {
      EvaluatedPoint p = points.get(i);
      String at = "points[" + i + "]";
      Integer sameId = ids.putIfAbsent(p.id(), i);
      if (sameId != null) {
        throw BadInputException.in(file, at + ".id: " + p.id() + " repeats points[" + sameId + "]");
      }
      Integer sameGenome = genomes.putIfAbsent(p.genome().length > 0 ? Arrays.toString(p.genome())
          : p.layerMultipliers() + " " + p.channelMultipliers(), i);
      if (sameGenome != null) {
        throw BadInputException.in(file, at + (p.genome().length > 0 ? ".genome: repeats the genome"
            : ": repeats the assignment") + " of points[" + sameGenome + "]");
      }
      if (!config.layers().isEmpty() && p.layerMultipliers().size() != config.layers().size()) {
        throw BadInputException.in(file, at + ".layer_multipliers: " + p.layerMultipliers().size()
            + " multipliers, but the run has " + config.layers().size() + " layers");
      }
      for (int g : p.genome()) {
        if (g < 0 || (library > 0 && g >= library)) {
          throw BadInputException.in(file, at + ".genome: gene " + g + " outside the search space [0, "
              + (library > 0 ? library : "inf") + ")");
        }
      }
    }
  }

  /** Every front point is the point of {@code points} with its id, with the same genome. */
  static void checkFrontInPoints(List<EvaluatedPoint> front, List<EvaluatedPoint> points, Path file) {
    Map<Integer, EvaluatedPoint> byId = new HashMap<>();
    points.forEach(p -> byId.put(p.id(), p));
    for (int i = 0; i < front.size(); i++) {
      EvaluatedPoint f = front.get(i);
      EvaluatedPoint p = byId.get(f.id());
      if (p == null || !Arrays.equals(p.genome(), f.genome())
          || !p.layerMultipliers().equals(f.layerMultipliers())) {
        throw BadInputException.in(file, "points[" + i + "]: point " + f.id() + " is not the point with that id in "
            + RunDirectory.POINTS_JSON);
      }
    }
  }
}
