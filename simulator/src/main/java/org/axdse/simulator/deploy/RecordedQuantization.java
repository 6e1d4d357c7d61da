package org.axdse.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The quantization a model file was made for, recorded beside it as {@code M.quantization.json} (beside
 * {@code M.onnx}): written by the retraining ({@code compensate --method retrain}, {@code pick --retrain}) and by
 * {@code compensate --out M2.onnx}, whose weights only work with the activation parameters they were fitted to
 * (a fresh calibration of the changed float model picks other ranges). Commands that calibrate a model file use
 * the recorded parameters instead when the file is there ({@link #orCalibrate}), so the exported model evaluates
 * bit for bit as the retraining saw it; {@code --recalibrate} calibrates afresh. The file holds the model's
 * SHA-256 (a changed model is refused) and {@link QuantizedModel#toJson} of the recorded quantization.
 */
public final class RecordedQuantization {
  public static final String FORMAT = "axdse-recorded-quantization";
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordedQuantization() {}

  /** {@code M.quantization.json} beside {@code M.onnx} (or beside {@code M} of another extension). */
  public static Path fileOf(Path model) {
    String name = model.getFileName().toString();
    String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
    return model.resolveSibling(stem + ".quantization.json");
  }

  /** True when {@code model} has a recorded quantization beside it. */
  public static boolean present(Path model) {
    return Files.isRegularFile(fileOf(model));
  }

  /**
   * The quantization for {@code model}: the recorded one when {@link #present}, checked against {@code config};
   * otherwise {@link Calibration#run} on {@code calibration}.
   */
  public static QuantizedModel orCalibrate(Path modelFile, Model model, Preprocessing pre, Dataset calibration,
      QuantConfig config, Kernels kernels, ProgressListener progress) {
    return orCalibrate(modelFile, model, pre, calibration, config, false, kernels, progress);
  }

  /**
   * As {@link #orCalibrate(Path, Model, Preprocessing, Dataset, QuantConfig, Kernels, ProgressListener)}, but
   * always {@link Calibration#run} when {@code recalibrate} ({@code --recalibrate}).
   */
  public static QuantizedModel orCalibrate(Path modelFile, Model model, Preprocessing pre, Dataset calibration,
      QuantConfig config, boolean recalibrate, Kernels kernels, ProgressListener progress) {
    return !recalibrate && present(modelFile) ? read(modelFile, model, pre, config)
        : Calibration.run(model, pre, calibration, config, kernels, progress);
  }

  /**
   * The recorded quantization of {@code modelFile}. One-line errors naming the recorded file: not one of these
   * files, written for other model bytes, or for another {@code --quant}, {@code --per-channel} or
   * {@code --weight-bits} than {@code wanted} asks for (the calibration images and method may differ: the
   * recorded parameters are used as they are).
   */
  public static QuantizedModel read(Path modelFile, Model model, Preprocessing pre, QuantConfig wanted) {
    Path file = fileOf(modelFile);
    JsonNode root = JsonFiles.readTree(file);
    if (!FORMAT.equals(root.path("format").asText()) || root.path("formatVersion").asInt() != FORMAT_VERSION) {
      throw BadInputException.in(file, "not a recorded quantization (format " + FORMAT + ", formatVersion "
          + FORMAT_VERSION + ")");
    }
    if (!DeployJson.sha256(modelFile).equals(root.path("modelSha256").asText())) {
      throw BadInputException.in(file, "modelSha256: recorded for other bytes than " + modelFile.getFileName()
          + " (the model changed): remove this file or pass --recalibrate");
    }
    QuantizedModel q;
    try {
      q = QuantizedModel.fromJson(root.path("quantization"), model, pre);
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, "quantization: " + e.getMessage());
    }
    QuantConfig c = q.config();
    if (c.mode() != wanted.mode() || c.perChannel() != wanted.perChannel() || c.weightBits() != wanted.weightBits()) {
      throw BadInputException.in(file, "records " + flags(c) + ", the command asks for " + flags(wanted)
          + ": pass the recorded flags, or --recalibrate");
    }
    return q;
  }

  /**
   * Writes {@code q} as the recorded quantization of {@code modelFile} (written before, as its hash is recorded),
   * atomically.
   */
  public static void write(Path modelFile, QuantizedModel q) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("modelSha256", DeployJson.sha256(modelFile));
    root.set("quantization", q.toJson());
    AtomicFiles.write(fileOf(modelFile), (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The activation parameters of {@code calibrated} (made for {@code source}) with the weights and biases of
   * {@code written} quantized for them: what to record for a written model whose weights were changed for
   * {@code calibrated}'s activation parameters (compensated or retrained). {@code written} has {@code source}'s
   * layers in the same order; its tensor names may differ (the exporter names tensors afresh), so parameters are
   * carried over by position. The activation code counts (operand statistics of the energy figures and of the
   * compensation) stay {@code calibrated}'s: an exact run of the changed weights is not what is deployed (its
   * biases are fitted to the approximate products), while the source's exact run is what the approximate network
   * was fitted to reproduce. The weight code counts are the written weights' own.
   */
  public static QuantizedModel forWeightsOf(Model source, Model written, QuantizedModel calibrated) {
    QuantizedModel renamed = new QuantizedModel(calibrated.config(), calibrated.preprocessing(),
        tensorsByPosition(source, written, calibrated), calibrated.layers());
    QuantizedModel requantized = ModelQuantizer.requantizeWeights(written, renamed);
    List<LayerQuantization> layers = new ArrayList<>();
    for (int i = 0; i < requantized.layers().size(); i++) {
      LayerQuantization l = requantized.layer(i);
      layers.add(l.withCounts(calibrated.layer(i).activationCounts(), l.weightCounts()));
    }
    return requantized.withLayers(layers);
  }

  private static Map<String, QuantParams> tensorsByPosition(Model source, Model written, QuantizedModel q) {
    if (source.layers().size() != written.layers().size()) {
      throw new IllegalStateException("the written model has " + written.layers().size() + " layers, its source "
          + source.layers().size());
    }
    Map<String, QuantParams> tensors = new LinkedHashMap<>();
    tensors.put(written.input().name(), q.tensor(source.input().name()));
    for (int i = 0; i < source.layers().size(); i++) {
      tensors.put(written.layers().get(i).output().name(), q.tensor(source.layers().get(i).output().name()));
    }
    return tensors;
  }

  private static String flags(QuantConfig c) {
    return "--quant " + c.mode().label() + (c.perChannel() ? " --per-channel" : "") + " --weight-bits "
        + c.weightBits();
  }
}
