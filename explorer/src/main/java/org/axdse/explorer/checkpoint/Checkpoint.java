package org.axdse.explorer.checkpoint;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axdse.results.run.GenerationRecord;

/**
 * The state of a search after a completed generation, enough to continue it exactly: the settings, the
 * population (raw genomes and the generation each individual was born in), the search's points (each a reference
 * to its record in the evaluation log, in id order), the archive (point ids), the history, and how much of the
 * evaluation log and search time the state covers. The random state is not stored: generation {@code g} draws
 * from a generator seeded with {@code (seed, g)}, so the seed and {@link #generation} determine it.
 *
 * @param complete true once the search phase ended (budget reached) and the final results were written
 * @param generation the last completed generation (0: the initial population is evaluated)
 * @param evaluationRecords number of records of the evaluation log that existed when this was written
 */
public record Checkpoint(Map<String, Object> settings, boolean complete, int generation,
    List<Member> population, List<PointRef> points, List<Integer> archive, List<GenerationRecord> history,
    long evaluationRecords, double searchSeconds) {

  public static final int FORMAT_VERSION = 1;

  /** One individual: its raw chromosome and the generation it was born in. */
  public record Member(int[] genome, long born) {
    public Member {
      genome = genome.clone();
    }

    @Override
    public int[] genome() {
      return genome.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Member m && born == m.born && Arrays.equals(genome, m.genome);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(genome) + Long.hashCode(born);
    }
  }

  /** One point of the search: the index of its screening record in the evaluation log and its generation. */
  public record PointRef(int record, int generation) {}

  public Checkpoint {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
    population = List.copyOf(population);
    points = List.copyOf(points);
    archive = List.copyOf(archive);
    history = List.copyOf(history);
    if (generation < 0 || evaluationRecords < 0 || !(searchSeconds >= 0)) {
      throw new IllegalArgumentException("generation, evaluation records and search seconds must be >= 0");
    }
    for (PointRef p : points) {
      if (p.record() < 0 || p.record() >= evaluationRecords) {
        throw new IllegalArgumentException("point refers to evaluation record " + p.record()
            + " beyond the " + evaluationRecords + " records covered");
      }
    }
    for (int id : archive) {
      if (id < 0 || id >= points.size()) {
        throw new IllegalArgumentException("archive refers to unknown point " + id);
      }
    }
  }
}
