package org.axdse.explorer.evolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.RunLock;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;

/** The checks of {@code axdse evolve}'s inputs that must fail in one line before any work. */
public final class EvolveInputs {
  /** The checkpoint folder inside the output directory (hidden: the library loader skips it). */
  public static final String CHECKPOINTS = ".evolve";

  private EvolveInputs() {}

  /**
   * The model indices of {@code requested} layers among {@code layers} (all of them when {@code all}): each a name,
   * or the label {@code A<i>} that {@code axdse model show} prints (and evolved designs' names carry) when no layer
   * has that name; anything else is a one-line error listing the layers.
   */
  public static List<Integer> layers(List<String> layers, List<String> requested, boolean all, String model) {
    if (all) {
      return java.util.stream.IntStream.range(0, layers.size()).boxed().toList();
    }
    List<Integer> out = new ArrayList<>();
    for (String r : requested) {
      int i = layers.indexOf(r);
      if (i < 0 && r.matches("A[0-9]{1,6}") && Integer.parseInt(r.substring(1)) < layers.size()) {
        i = Integer.parseInt(r.substring(1));
      }
      if (i < 0) {
        throw new BadInputException("--layer " + r + ": " + model + " has no approximable layer of that name "
            + "or label A0..A" + (layers.size() - 1) + " (layers: " + String.join(", ", layers) + ")");
      }
      if (!out.contains(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The circuit evolution starts from: {@code spec} names a design of {@code catalog} or a Verilog file; null
   * (for {@code best}) means each run's cheapest design within its bound ({@link SeedDesigns}). A table-only
   * design or one of another format is a one-line error.
   */
  public static Multiplier seedDesign(String spec, MultiplierCatalog catalog, MultiplierFormat format) {
    if (spec == null || spec.equals("best")) {
      return null;
    }
    Path file = Path.of(spec);
    Multiplier m = catalog.contains(spec) || !Files.exists(file) ? catalog.byName(spec) : MultiplierFiles.read(file);
    if (m.netlist() == null) {
      throw new BadInputException("--seed-design " + spec + ": a product table without a circuit; CGP needs a "
          + "netlist (a built-in design or a Verilog file)");
    }
    if (!m.format().equals(format)) {
      throw new BadInputException("--seed-design " + spec + ": format " + m.format().namePrefix() + ", but the model's "
          + "layers take " + format.namePrefix() + " multipliers (--quant, --weight-bits)");
    }
    return m;
  }

  /**
   * Refuses an output directory that exists and holds anything (besides a lock file) unless {@code resume}; with
   * {@code resume}, requires the checkpoint folder.
   */
  public static void outputDirectory(Path out, boolean resume) {
    if (resume) {
      if (!Files.isDirectory(out.resolve(CHECKPOINTS))) {
        throw BadInputException.in(out, "--resume: no evolution to resume here (no " + CHECKPOINTS + " folder)");
      }
      return;
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw BadInputException.in(out, "--out: exists and is not a directory");
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
          throw BadInputException.in(out, "--out: directory exists and is not empty (give a new one, or --resume)");
        }
      } catch (IOException e) {
        throw BadInputException.in(out, "cannot list: " + e.getMessage());
      }
    }
  }

  /**
   * With {@code --measure loss}: a one-line error when a chosen layer is one the error model does not describe
   * (LSTM, GRU).
   */
  public static void describable(Model model, List<Integer> chosen) {
    for (int i : chosen) {
      ApproximableLayer l = model.approximableLayers().get(i);
      if (!ErrorModel.describable(l)) {
        throw new BadInputException("--measure loss: layer '" + l.name() + "' (" + l.kind() + "): the error "
            + "model describes convolution and dense layers only");
      }
    }
  }
}
