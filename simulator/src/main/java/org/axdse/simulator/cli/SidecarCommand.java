package org.axdse.simulator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.OutputPaths;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.onnx.OnnxImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code axdse model sidecar M.onnx --mean ... --std ...}: writes the preprocessing sidecar of a model made
 * elsewhere (for example by {@code torch.onnx.export}), so nobody writes its JSON by hand. The input shape and the
 * number of classes default to the model's; the result goes through the same validation as a sidecar that is read,
 * and is written atomically, never over an existing file without {@code --force}.
 */
@Command(name = "sidecar", mixinStandardHelpOptions = true,
    description = "Write the preprocessing sidecar (M.preprocess.json) of an ONNX model: "
        + "input = (byte * scale - mean[c]) / std[c].")
final class SidecarCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin ModelFileArgument modelFile;

  @Option(names = "--mean", required = true, split = ",", paramLabel = "M",
      description = "per-channel mean after scaling, one value or one per channel (e.g. 0.485,0.456,0.406)")
  double[] mean;

  @Option(names = "--std", required = true, split = ",", paramLabel = "S",
      description = "per-channel standard deviation, as many values as --mean (e.g. 0.229,0.224,0.225)")
  double[] std;

  @Option(names = "--scale", paramLabel = "X", description = "byte scale, a number or a fraction such as 1/255 "
      + "(default: ${DEFAULT-VALUE})")
  String scale = "1/255";

  @Option(names = "--layout", paramLabel = "NCHW|HW",
      description = "NCHW (channels, rows, columns) or HW (a grey image read row by row by a recurrent model) "
          + "(default: ${DEFAULT-VALUE})")
  String layout = "NCHW";

  @Option(names = "--input-shape", paramLabel = "D", split = ",",
      description = "per-sample input shape without the batch (default: the model's, e.g. 3,32,32)")
  int[] inputShape;

  @Option(names = "--classes", paramLabel = "N", description = "number of classes (default: the model's outputs)")
  Integer classes;

  @Option(names = "--class-names", paramLabel = "FILE", description = "class names, one per line, in label order")
  Path classNames;

  @Option(names = "--out", paramLabel = "FILE", description = "where to write (default: M.preprocess.json beside "
      + "the model)")
  Path out;

  @Option(names = "--force", description = "overwrite an existing file")
  boolean force;

  @Override
  public void run() {
    Path model = modelFile.file();
    Path target = out != null ? out : Preprocessing.sidecarOf(model);
    OutputPaths.checkNew(force, target);
    Preprocessing.Layout l = layout();
    double factor = scale();
    Model m = OnnxImporter.load(model, inputShape == null ? null : shape());
    int[] dims = inputShape != null ? inputShape : m.input().shape().dims();
    List<String> names = classNames == null ? List.of() : readNames();
    int n = classes != null ? classes : !names.isEmpty() ? names.size() : m.output().shape().size();
    Preprocessing p;
    try {
      p = new Preprocessing(l, dims, factor, mean, std, n, names);
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(target, e.getMessage());
    }
    if (p.sampleSize() != m.input().shape().size()) {
      throw BadInputException.in(model, "input " + m.input().shape() + " has " + m.input().shape().size()
          + " values per sample, but --input-shape " + Arrays.toString(dims) + " has " + p.sampleSize());
    }
    p.write(target);
    Preprocessing.load(target);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s %s, scale %s, mean %s, std %s, %d classes%n",
        target, p.layout(), Arrays.toString(p.inputShape()), p.scale(), Arrays.toString(p.mean()),
        Arrays.toString(p.std()), p.numClasses());
    spec.commandLine().getOut().flush();
  }

  private Preprocessing.Layout layout() {
    try {
      return Preprocessing.Layout.valueOf(layout.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--layout: expected NCHW or HW, got '" + layout + "'");
    }
  }

  private double scale() {
    String[] parts = scale.split("/", -1);
    try {
      double v = parts.length == 1 ? Double.parseDouble(parts[0])
          : parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.NaN;
      if (v > 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException("--scale: expected a positive number or fraction such as 1/255, got '" + scale
        + "'");
  }

  private Shape shape() {
    try {
      return Shape.of(inputShape);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--input-shape " + Arrays.toString(inputShape) + ": " + e.getMessage());
    }
  }

  private List<String> readNames() {
    try {
      return Files.readAllLines(classNames).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      throw BadInputException.in(classNames, "cannot read: " + e.getMessage());
    }
  }
}
