package org.axdse.explorer.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxGraphBuilder;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;

/**
 * The files {@code axdse train --out models/NAME.onnx} writes, all next to each other: {@code NAME.onnx} (the
 * inference graph), {@code NAME.preprocess.json} (the simulator's preprocessing sidecar), {@code NAME.params}
 * (DJL parameters, for fine-tuning later) and {@code NAME.md} (the model card).
 */
public record TrainedModelFiles(Path onnx) {

  public TrainedModelFiles {
    if (!onnx.getFileName().toString().endsWith(".onnx")) {
      throw new IllegalArgumentException("model file must end in .onnx: " + onnx);
    }
  }

  public String baseName() {
    String f = onnx.getFileName().toString();
    return f.substring(0, f.length() - ".onnx".length());
  }

  private Path sibling(String suffix) {
    return onnx.resolveSibling(baseName() + suffix);
  }

  public Path sidecar() {
    return Preprocessing.sidecarOf(onnx);
  }

  public Path params() {
    return sibling(".params");
  }

  public Path card() {
    return sibling(".md");
  }

  /** What the model card reports. */
  public record Facts(Architecture architecture, String data, int trainImages, Schedule schedule, int threads, List<Double> epochSeconds, double testAccuracy, int testImages) {}

  /**
   * Writes the ONNX model, the sidecar and the DJL parameters of a trained session, then imports the model with
   * the simulator (so a model it cannot read fails here) and writes the card with the simulator's MAC and
   * parameter counts. Returns the imported model.
   */
  public Model write(ModelSession session, Facts facts, List<String> classNames) {
    writeModel(session, classNames);
    session.saveParameters(params());
    Model imported = OnnxImporter.load(onnx);
    AtomicFiles.writeString(card(), card(facts, imported));
    return imported;
  }

  /** Writes only the ONNX model and its sidecar, from the session's current parameters. */
  public void writeModel(ModelSession session, List<String> classNames) {
    ModelProto model = session.network().export();
    AtomicFiles.write(onnx, model.toByteArray());
    session.architecture().preprocessing(classNames).write(sidecar());
  }

  private String card(Facts f, Model m) {
    Schedule s = f.schedule();
    double total = f.epochSeconds().stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder perEpoch = new StringBuilder();
    for (double seconds : f.epochSeconds()) {
      perEpoch.append(perEpoch.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", seconds));
    }
    String name = baseName();
    return String.format(Locale.ROOT, """
        # %s

        | | |
        |---|---|
        | architecture | `%s` |
        | data | `%s`: %,d training images; accuracy on the whole test set |
        | preprocessing | `x = (pixel / 255 - %.4f) / %.4f`, layout %s (see `%s.preprocess.json`) |
        | epochs | %d |
        | seed | %d |
        | batch size | %d |
        | optimizer | Adam, learning rate %s with cosine decay to 1%% of it |
        | augmentation | %s |
        | intra-op threads | %d |
        | training time | %.0f s in all (per epoch: %s s), 2-vCPU VM shared with other jobs |
        | float test accuracy | %.2f %% (%d test images) |
        | MACs per image | %,d |
        | parameters | %,d (after folding BatchNorm, as the simulator counts them) |
        | exact-int8 accuracy | TODO(lead): add once the quantized engine exists |

        Files: `%s.onnx` (inference graph, BatchNorm folded, ONNX opset %d), `%s.preprocess.json` (preprocessing),
        `%s.params` (DJL parameters including BatchNorm statistics, for fine-tuning).

        Reproduce:

        ```sh
        ./axdse train --arch %s --data %s --epochs %d --seed %d --batch-size %d --lr %s --threads %d%s \\
          --out models/%s.onnx
        ```
        """, name, f.architecture().cliName(), f.data(), f.trainImages(), Architecture.MEAN,
        Architecture.STD, layout(f.architecture()), name, s.epochs(), s.seed(), s.batchSize(), s.learningRate(),
        s.flips() ? "random left-right flips" : "none", f.threads(), total, perEpoch, 100 * f.testAccuracy(), f.testImages(), m.macsPerSample(), m.parameterCount(), name,
        OnnxGraphBuilder.OPSET, name, name, f.architecture().cliName(), f.data(), s.epochs(), s.seed(),
        s.batchSize(), s.learningRate(), f.threads(), s.flips() ? " --flip" : "", name);
  }

  private static String layout(Architecture a) {
    return a.readsRows() ? "HW (rows as time steps)" : "NCHW";
  }
}
