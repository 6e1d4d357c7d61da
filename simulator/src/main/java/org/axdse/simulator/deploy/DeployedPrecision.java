package org.axdse.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.ImageSelection;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.precision.DataAwarePrecision;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The data-aware precision of a deployment ({@link DataAwarePrecision}): {@code quantization.config.weightRounding}
 * ({@code QuantizedModel.toJson} writes it) and {@code quantization.config.weightRoundingCalibration}, the
 * {@code --calib-data} source of the images its input moments came from ({@code ""}: the train split of the data
 * set, {@code holdout}: the test images held out of the evaluation). Replaying refits the moments on the same
 * images (drawn as the search drew them), so the rounded codes and refitted codebooks are the search's, bit for
 * bit. A {@code deploy.json} without these keys is nearest rounding with k-means codebooks, as before.
 */
public final class DeployedPrecision {
  private DeployedPrecision() {}

  /** {@code quantization} (of {@code q.toJson()}) with the calibration source recorded when q rounds data-aware. */
  public static ObjectNode record(ObjectNode quantization, QuantizedModel q, String calibrationData) {
    if (q.rounding() != null && quantization.path("config") instanceof ObjectNode c) {
      c.put("weightRoundingCalibration", calibrationData == null ? "" : calibrationData);
    }
    return quantization;
  }

  /** The deployment's quantization with its recorded data-aware rounding fitted again ({@code file}: for errors). */
  public static QuantizedModel apply(Deployment d, Path file, String dataOverride) {
    JsonNode c = d.config().quantization().path("config");
    if (!c.has("weightRounding")) {
      return d.quantization();
    }
    DataAwarePrecision p;
    try {
      p = DataAwarePrecision.parse(c.path("weightRounding").asText());
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, "quantization.config.weightRounding: " + e.getMessage());
    }
    QuantizedModel q = d.quantization();
    String source = c.path("weightRoundingCalibration").asText("");
    DatasetSpec spec = DatasetSpec.parse(dataOverride != null ? dataOverride : d.config().dataset());
    String split = d.config().evaluation().split();
    Dataset calib;
    try {
      calib = ImageSelection.calibration(source, spec, () -> spec.load(split.equals("test") ? Split.TEST
          : Split.TRAIN), split, q.config().calibrationImages());
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, "quantization.config.weightRoundingCalibration: " + e.getMessage());
    }
    return p.apply(q, d.model(), q.preprocessing(), calib);
  }
}
