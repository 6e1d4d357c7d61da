package org.axdse.simulator.numformat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.FloatInputs;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.LayerOverride;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.quant.ActivationHistogram;
import org.axdse.simulator.quant.CalibrationMethod;

/**
 * A model whose approximable layers all run in one float format ({@link FormatLayer}) and whose other layers run
 * in float32 ({@link FloatExecutor}). Activation scales are calibrated on the float model's inputs to each layer
 * over the calibration images, in batches of {@value #BATCH}; the histograms, hence the scales, do not depend on
 * the batching or the thread count. Immutable after {@link #calibrate}.
 */
public final class FormatNetwork implements LayerOverride {
  static final int BATCH = 50;

  private final Model model;
  private final FormatChoice choice;
  private final Map<String, FormatLayer> layers;

  private FormatNetwork(Model model, FormatChoice choice, Map<String, FormatLayer> layers) {
    this.model = model;
    this.choice = choice;
    this.layers = layers;
  }

  /**
   * Checks every approximable layer against {@code choice} (kind, accumulator width) before any work, then
   * calibrates the activation ranges with {@code method} on {@code calibration} (skipped for MX).
   *
   * @throws org.axdse.multipliers.util.BadInputException one line naming the layer and the format
   */
  public static FormatNetwork calibrate(Model model, Preprocessing pre, Dataset calibration, FormatChoice choice,
      CalibrationMethod method, ProgressListener progress) {
    for (ApproximableLayer l : model.approximableLayers()) {
      FormatLayer.of(l, choice, 1); // a recurrent layer or a narrow accumulator fails here, before calibration
    }
    Map<String, ActivationHistogram> hist = new HashMap<>();
    model.approximableLayers().forEach(l -> hist.put(l.name(), new ActivationHistogram()));
    if (choice.scale() != ScaleKind.MX32) {
      FloatExecutor exec = FloatExecutor.of(model);
      try (ProgressListener.Task t = progress.start("calibration: " + choice.format().name() + " ranges",
          calibration.size(), "images")) {
        for (int from = 0; from < calibration.size(); from += BATCH) {
          int n = Math.min(BATCH, calibration.size() - from);
          exec.run(FloatInputs.of(calibration, pre, from, n), n, (layer, ins, out, batch) -> {
            ActivationHistogram h = hist.get(layer.name());
            if (h != null) {
              h.add(ins.get(0));
            }
          });
          t.advance(n);
        }
      }
    }
    FormatGrid grid = FormatGrid.of(choice.format());
    Map<String, FormatLayer> layers = new LinkedHashMap<>();
    for (ApproximableLayer l : model.approximableLayers()) {
      layers.put(l.name(), FormatLayer.of(l, choice, ActivationRanges.amax(hist.get(l.name()), method, grid)));
    }
    return new FormatNetwork(model, choice, layers);
  }

  public Model model() {
    return model;
  }

  public FormatChoice choice() {
    return choice;
  }

  /** The float-format layers in execution order. */
  public List<FormatLayer> layers() {
    return List.copyOf(layers.values());
  }

  @Override
  public float[] compute(Layer layer, List<float[]> inputs, int batch) {
    FormatLayer f = layers.get(layer.name());
    return f == null ? null : f.run(inputs.get(0), batch);
  }

  /** The model's output for {@code batch} batch-first inputs, every approximable layer in the format. */
  public float[] run(float[] input, int batch) {
    return FloatExecutor.of(model).run(input, batch, (l, i, o, b) -> {}, this);
  }
}
