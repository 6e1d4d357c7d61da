package org.axdse.simulator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.onnx.OnnxImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code axdse model}: inspect neural network models. */
@Command(name = "model", mixinStandardHelpOptions = true,
    description = "Inspect neural network models and write their preprocessing sidecars.",
    subcommands = {ModelCommand.Show.class, SidecarCommand.class})
public final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code axdse model show M.onnx}: layers, shapes, parameters, MACs and the approximable layers. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Import an ONNX model and print its layers, shapes, parameters, MACs per sample and the "
          + "approximable layers (index and name, as assignments refer to them).")
  static final class Show implements Runnable {
    @Spec CommandSpec spec;

    @Mixin ModelFileArgument modelFile;

    @Option(names = "--input-shape", paramLabel = "D", split = ",",
        description = "per-sample input shape without the batch, when the file leaves it open (e.g. 3,32,32)")
    int[] inputShape;

    @Mixin OutputFormat output;

    @Mixin PreprocessOptions preprocess;

    @Override
    public void run() {
      Shape shape = null;
      if (inputShape != null) {
        try {
          shape = Shape.of(inputShape);
        } catch (IllegalArgumentException e) {
          throw new BadInputException("--input-shape " + Arrays.toString(inputShape) + ": " + e.getMessage());
        }
      }
      output.check();
      Path file = modelFile.file();
      Optional<Preprocessing> pre = preprocess.optionalFor(file);
      Model model = OnnxImporter.load(file, shape);
      if (output.json()) {
        spec.commandLine().getOut().println(ModelJson.of(file, model, pre));
        spec.commandLine().getOut().flush();
        return;
      }
      print(spec.commandLine().getOut(), file, model, pre, preprocess.file != null ? preprocess.file
          : Preprocessing.sidecarOf(file));
    }
  }

  static void print(PrintWriter out, Path file, Model model, Optional<Preprocessing> pre, Path sidecar) {
    out.printf("model %s (%s)%n", model.name(), file);
    out.printf("input %s, output %s, batch dimension dynamic%n", model.input(), model.output());
    out.println(pre.map(p -> "preprocessing " + sidecar.getFileName() + ": " + p.layout()
        + " " + Arrays.toString(p.inputShape()) + ", scale " + p.scale() + ", mean " + Arrays.toString(p.mean())
        + ", std " + Arrays.toString(p.std()) + ", " + p.numClasses() + " classes")
        .orElse("preprocessing: none (no " + sidecar.getFileName() + ")"));
    out.println();
    int width = Math.max(5, model.layers().stream().mapToInt(l -> l.name().length()).max().orElse(5));
    String row = "%-4s %-" + width + "s %-17s %-14s %-14s %,12d %,14d%n";
    out.printf("%-4s %-" + width + "s %-17s %-14s %-14s %12s %14s%n", "#", "layer", "kind", "input", "output",
        "params", "MACs/sample");
    List<ApproximableLayer> approx = model.approximableLayers();
    for (Layer l : model.layers()) {
      int index = approx.indexOf(l);
      String input = l.inputs().size() == 1 ? l.input().shape().toString() : l.inputs().size() + " tensors";
      out.printf(row, index >= 0 ? "A" + index : "", l.name(), l.kind(), input, l.output().shape(),
          l.parameterCount(), l.macsPerSample());
    }
    long macs = model.macsPerSample();
    out.println();
    out.printf("totals: %d layers, %,d parameters, %,d MACs per sample%n", model.layers().size(),
        model.parameterCount(), macs);
    out.println();
    out.printf("approximable layers (%d):%n", approx.size());
    out.printf("%5s  %-" + width + "s %-6s %14s %7s%n", "index", "name", "kind", "MACs/sample", "share");
    for (int i = 0; i < approx.size(); i++) {
      ApproximableLayer l = approx.get(i);
      out.printf("%5d  %-" + width + "s %-6s %,14d %6.2f%%%n", i, l.name(), l.kind(), l.macsPerSample(),
          macs == 0 ? 0.0 : 100.0 * l.macsPerSample() / macs);
    }
    out.flush();
  }
}
