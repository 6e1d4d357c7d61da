package org.axdse.simulator.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.CompensationJson;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * A {@link DeployConfig} made runnable: the model file checked against the recorded SHA-256 and loaded, the
 * recorded preprocessing and quantization parameters rebuilt (no calibration), and the assignment parsed. Evaluating
 * {@link #assignment} with {@link #quantization}, compensated by {@link #compensation} when there is one, on the
 * recorded evaluation set reproduces the recorded accuracy exactly.
 *
 * @param compensation null, or the compensation to apply to {@link #quantization}
 * @param widths null, or the weight widths of a mixed-precision deployment ({@link LayerWidths}): the session
 *     evaluating {@link #assignment} must allow them
 */
public record Deployment(DeployConfig config, Path modelFile, Model model, QuantizedModel quantization,
    Assignment assignment, Compensation compensation, WidthSet widths) {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  /**
   * Loads the deploy file {@code file}; {@code modelOverride}, when not null, replaces the recorded model path
   * (the hash must still match). A relative recorded path is resolved against the deploy file's directory.
   */
  public static Deployment load(Path file, Path modelOverride) {
    DeployConfig c = DeployJson.read(file);
    Path recorded = Path.of(c.model().path());
    Path parent = file.toAbsolutePath().getParent();
    Path modelFile = modelOverride != null ? modelOverride
        : recorded.isAbsolute() || parent == null ? recorded : parent.resolve(recorded);
    String actual = DeployJson.sha256(modelFile);
    if (!actual.equals(c.model().sha256())) {
      throw BadInputException.in(file, "model " + modelFile + " has changed since this deploy config was written"
          + " (SHA-256 " + actual + ", recorded " + c.model().sha256() + ")");
    }
    Model model = OnnxImporter.load(modelFile);
    Preprocessing pre = preprocessing(file, c.preprocessing());
    QuantizedModel q;
    WidthSet widths;
    try {
      q = QuantizedModel.fromJson(c.quantization(), model, pre);
      widths = LayerWidths.read(c.quantization());
    } catch (IllegalArgumentException e) {
      throw BadInputException.in(file, e.getMessage());
    }
    Assignment a;
    try {
      a = AssignmentJson.parse(file, PLAIN.writeValueAsBytes(c.assignment()));
    } catch (JsonProcessingException e) {
      throw BadInputException.in(file, "assignment: " + e.getOriginalMessage());
    }
    Compensation comp = null;
    if (c.compensation() != null) {
      try {
        comp = CompensationJson.fromJson(c.compensation());
        comp.applyTo(q);
      } catch (IllegalArgumentException e) {
        throw BadInputException.in(file, e.getMessage());
      }
    }
    return new Deployment(c, modelFile, model, q, a, comp, widths);
  }

  /** The preprocessing as its sidecar JSON (the form embedded in deploy files). */
  public static JsonNode preprocessingJson(Preprocessing pre) {
    try {
      return PLAIN.readTree(pre.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Preprocessing preprocessing(Path file, JsonNode node) {
    try {
      return PLAIN.treeToValue(node, Preprocessing.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw BadInputException.in(file, "preprocessing: " + cause.getMessage());
    }
  }
}
