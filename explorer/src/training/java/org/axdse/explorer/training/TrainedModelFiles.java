package org.axdse.explorer.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axdse.explorer.training.export.ExportGraph;
import org.axdse.explorer.training.export.OnnxWriter;
import org.axdse.explorer.training.net.Network;
import org.axdse.multipliers.util.AtomicFiles;

/**
 * The files {@code axdse train --out models/NAME.onnx} writes, all next to each other: {@code NAME.onnx} (the
 * inference graph), {@code NAME.json} (preprocessing sidecar), {@code NAME.params} (DJL parameters, for
 * fine-tuning later) and {@code NAME.md} (the model card).
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
    return sibling(".json");
  }

  public Path params() {
    return sibling(".params");
  }

  public Path card() {
    return sibling(".md");
  }

  /** What the model card reports. */
  public record Facts(Architecture architecture, String data, int trainImages, int epochs, int seed, int batchSize,
      float learningRate, int threads, List<Double> epochSeconds, double testAccuracy, int testImages, long macs,
      long params) {}

  /** Writes the ONNX model, the sidecar and the DJL parameters of a trained session, then the card. */
  public void write(ModelSession session, Facts facts, List<String> classNames) {
    ExportGraph graph = session.network().export();
    OnnxWriter.standard().write(graph, onnx);
    session.saveParameters(params());
    AtomicFiles.writeString(sidecar(), sidecarJson(session, classNames));
    AtomicFiles.writeString(card(), card(facts));
  }

  /** Number of float values in the exported graph's constants (BatchNorm already folded in). */
  public static long parameterCount(ExportGraph graph) {
    long n = 0;
    for (ExportGraph.Tensor t : graph.initializers()) {
      if (t.floats() != null) {
        n += t.floats().length;
      }
    }
    return n;
  }

  private static String sidecarJson(ModelSession session, List<String> classNames) {
    Preprocessing p = Preprocessing.FASHION_MNIST;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", Network.INPUT);
    m.put("output", Network.OUTPUT);
    m.put("layout", "NCHW");
    m.put("shape", session.network().inputShape());
    m.put("scale", p.scale());
    m.put("mean", List.of(p.mean()));
    m.put("std", List.of(p.std()));
    m.put("classes", classNames);
    m.put("architecture", session.architecture().cliName());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String card(Facts f) {
    double total = f.epochSeconds().stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder perEpoch = new StringBuilder();
    for (double s : f.epochSeconds()) {
      perEpoch.append(perEpoch.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", s));
    }
    String name = baseName();
    return String.format(Locale.ROOT, """
        # %s

        | | |
        |---|---|
        | architecture | `%s` |
        | data | `%s`: %,d training images; accuracy on the whole test set |
        | preprocessing | `x = (pixel / 255 - %.4f) / %.4f` (see `%s.json`) |
        | epochs | %d |
        | seed | %d |
        | batch size | %d |
        | optimizer | Adam, learning rate %s with cosine decay to 1%% of it |
        | intra-op threads | %d |
        | training time | %.0f s in all (per epoch: %s s), 2-vCPU VM shared with other jobs |
        | float test accuracy | %.2f %% (%d test images) |
        | MACs per image | %,d |
        | parameters | %,d (after folding BatchNorm) |
        | exact-int8 accuracy | TODO(lead): add once the quantized engine exists |

        Files: `%s.onnx` (inference graph, BatchNorm folded, ONNX opset %d), `%s.json` (preprocessing),
        `%s.params` (DJL parameters including BatchNorm statistics, for fine-tuning).

        Reproduce:

        ```sh
        ./axdse train --arch %s --data %s --epochs %d --seed %d --batch-size %d --lr %s --threads %d \\
          --out models/%s.onnx
        ```
        """, name, f.architecture().cliName(), f.data(), f.trainImages(), Preprocessing.FASHION_MNIST.mean(),
        Preprocessing.FASHION_MNIST.std(), name, f.epochs(), f.seed(), f.batchSize(), f.learningRate(),
        f.threads(), total, perEpoch, 100 * f.testAccuracy(), f.testImages(), f.macs(), f.params(), name,
        ExportGraph.OPSET, name, name, f.architecture().cliName(), f.data(), f.epochs(), f.seed(),
        f.batchSize(), f.learningRate(), f.threads(), name);
  }
}
