package org.axdse.multipliers.cgp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;

/**
 * A run's {@link EvolutionState} as a JSON file, written atomically (a kill leaves the previous checkpoint or the
 * new one, never half of one). {@code key} names the run's settings (seed, layer, bound, ...); a checkpoint is
 * refused for a run with another key, so a resumed run continues the run it was written by. The parent's error
 * and power are recorded too: a run resumed under a fitness that scores the same circuit differently (other
 * operands, another sensitivity of the loss measure, another axdse) would not end where the uninterrupted run
 * ends, so {@link #state(String, Path, CandidateEvaluator)} refuses it.
 *
 * @param format always {@value #FORMAT}
 * @param key the run's settings, as the caller spells them
 * @param generation generations done
 * @param evaluations candidates simulated
 * @param weightBits weight bits of the multiplier format
 * @param signed signed operands
 * @param functions cell type of each node
 * @param connections three addresses per node
 * @param outputs address of each product bit
 * @param error the parent's error when the checkpoint was written
 * @param power the parent's power when the checkpoint was written
 */
public record EvolutionCheckpoint(String format, String key, long generation, long evaluations, int weightBits,
    boolean signed, List<String> functions, int[] connections, int[] outputs, double error, double power) {
  public static final String FORMAT = "axdse-cgp-checkpoint-2";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The checkpoint of {@code state}, whose parent scores {@code fitness}, for the run {@code key}. */
  public static EvolutionCheckpoint of(String key, EvolutionState state, Fitness fitness) {
    CgpGenome g = state.parent();
    List<String> fn = new java.util.ArrayList<>();
    for (int k = 0; k < g.nodes(); k++) {
      fn.add(g.function(k).name());
    }
    return new EvolutionCheckpoint(FORMAT, key, state.generation(), state.evaluations(), g.format().weightBits(),
        g.format().signed(), fn, g.connectionGenes(), g.outputGenes(), fitness.error(), fitness.power());
  }

  /** Writes this checkpoint to {@code file} atomically. */
  public void write(Path file) {
    try {
      AtomicFiles.write(file, JSON.writeValueAsBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the checkpoint in {@code file}; a malformed file is a one-line error naming it. */
  public static EvolutionCheckpoint read(Path file) {
    EvolutionCheckpoint c = JsonFiles.read(file, JSON, EvolutionCheckpoint.class);
    if ("axdse-cgp-checkpoint-1".equals(c.format())) {
      throw BadInputException.in(file, "checkpoint of an older axdse: it does not record its circuit's fitness, so "
          + "resuming it under today's could not be checked; evolve into a new --out");
    }
    if (!FORMAT.equals(c.format())) {
      throw BadInputException.in(file, "not a CGP checkpoint (format '" + c.format() + "', expected '" + FORMAT
          + "')");
    }
    return c;
  }

  /**
   * The state this checkpoint holds, checked against the run {@code key} and against {@code evaluator}: its parent
   * must score exactly the error and power recorded, else the fitness changed since it was written (the layer's
   * operands, the loss measure's sensitivity, ...). {@code file} names it in errors.
   */
  public EvolutionState state(String expectedKey, Path file, CandidateEvaluator evaluator) {
    EvolutionState state = state(expectedKey, file);
    Fitness now = evaluator.evaluate(state.parent().decode("checkpoint"));
    if (Double.doubleToLongBits(now.error()) != Double.doubleToLongBits(error)
        || Double.doubleToLongBits(now.power()) != Double.doubleToLongBits(power)) {
      throw BadInputException.in(file, "its circuit scores error " + now.error() + ", power " + now.power()
          + " under this run's fitness, but " + error + ", " + power + " when it was written: the layer's operands or "
          + "the error measure changed (quantization, calibration data, sensitivity, axdse version); evolve into a "
          + "new --out");
    }
    return state;
  }

  /** The state this checkpoint holds, checked against the run {@code key}; {@code file} names it in errors. */
  public EvolutionState state(String expectedKey, Path file) {
    if (!expectedKey.equals(key)) {
      throw BadInputException.in(file, "checkpoint of another run (" + key + "); this run is " + expectedKey);
    }
    try {
      int[] fn = new int[functions.size()];
      for (int k = 0; k < fn.length; k++) {
        fn[k] = CellType.valueOf(functions.get(k)).ordinal();
      }
      MultiplierFormat f = MultiplierFormat.of(weightBits, signed ? Signedness.SIGNED : Signedness.UNSIGNED);
      return new EvolutionState(new CgpGenome(f, fn, connections, outputs), generation, evaluations);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw BadInputException.in(file, "invalid genome: " + e.getMessage());
    }
  }
}
