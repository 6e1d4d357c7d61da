package org.axdse.simulator.compensation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.InputCodes;
import org.axdse.simulator.engine.IntegerEngine;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.engine.TensorTap;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Computes the {@link Compensation} of an assignment on calibration images. Only convolution and dense layers with
 * at least one approximate channel are compensated. Weight tuning needs only the layer's activation histogram
 * (from calibration); bias correction runs the engine over the calibration images, once ({@link
 * BiasOrder#EXACT_INPUTS}) or once per compensated layer ({@link BiasOrder#SEQUENTIAL}). With both methods the
 * weights are tuned first and bias correction removes the mean error left, measured against the original codes.
 */
public final class Compensator {
  private static final int BATCH = 50;

  private Compensator() {}

  /**
   * The compensation of {@code assignment} for {@code quant} (an uncompensated quantization of {@code model},
   * with activation histograms), measured on {@code calibration}. Assignment problems are one-line
   * {@code BadInputException}s, as in a session.
   */
  public static Compensation compute(Model model, QuantizedModel quant, Assignment assignment,
      MultiplierCatalog catalog, Dataset calibration, CompensationMethod method, BiasOrder order,
      Kernels kernels) {
    return compute(model, quant, assignment, catalog, calibration, method, order, kernels, ProgressListener.NONE);
  }

  /** As the eight-argument form, reporting the calibration passes (one per corrected layer) to {@code progress}. */
  public static Compensation compute(Model model, QuantizedModel quant, Assignment assignment,
      MultiplierCatalog catalog, Dataset calibration, CompensationMethod method, BiasOrder order,
      Kernels kernels, ProgressListener progress) {
    if (order == BiasOrder.EXACT_INPUTS || !method.correctsBias()) {
      try (ProgressListener.Task t = progress.start("compensation", 1, "pass")) {
        Compensation c = CompensationCache.open(model, quant, catalog, calibration, method, kernels)
            .compute(assignment);
        t.advance(1);
        return new Compensation(method, order, c.layers());
      }
    }
    List<ResolvedLayer> resolved = resolver(model, quant, catalog).resolve(assignment);
    List<ApproximableLayer> layers = model.approximableLayers();
    List<LayerCompensation> current = new ArrayList<>();
    for (ResolvedLayer r : resolved) {
      if (r.exact() || !CompensationCache.compensable(layers.get(r.index()))) {
        continue;
      }
      Map<String, Map<Integer, Integer>> remaps = new LinkedHashMap<>();
      if (method.tunesWeights()) {
        for (int c = 0; c < r.multipliers().size(); c++) {
          remaps.putIfAbsent(r.multipliers().get(c), remap(quant.layer(r.index()), r.tables().table(c).table()));
        }
      }
      current.add(new LayerCompensation(r.index(), r.name(), r.multipliers(), remaps, null));
    }
    RowTables[] tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
    byte[] codes = InputCodes.of(calibration, quant.preprocessing(), quant.tensor(model.input().name()));
    try (ProgressListener.Task t = progress.start("compensation", current.size(), "layers")) {
      for (int i = 0; i < current.size(); i++) {
        QuantizedModel now = new Compensation(method, order, current).applyTo(quant);
        Map<Integer, TapHistograms> h = measure(model, now, List.of(current.get(i).index()), tables,
            calibration.size(), codes, kernels);
        current.set(i, correct(current.get(i), h.get(current.get(i).index()), quant, now, resolved));
        t.advance(1);
      }
    }
    return new Compensation(method, order, current);
  }

  /** The resolver of assignments for {@code quant}'s multiplier format (no forced table lookup). */
  public static AssignmentResolver resolver(Model model, QuantizedModel quant, MultiplierCatalog catalog) {
    var format = quant.config().mode().format(quant.config().weightBits());
    return new AssignmentResolver(model, catalog, format,
        quant.config().mode().label() + " quantization with " + quant.config().weightBits() + "-bit weights",
        false);
  }

  /** The weight codes of layer {@code q} that {@link WeightTuning} changes for {@code table}: code to tuned code. */
  static Map<Integer, Integer> remap(LayerQuantization q, ProductTable table) {
    QuantParams w = q.weights().params().get(0);
    int[] best = WeightTuning.remap(table, q.activationCounts(), q.input().zeroPoint(), w.qmin(), w.qmax());
    Map<Integer, Integer> changed = new LinkedHashMap<>();
    for (int code = w.qmin(); code <= w.qmax(); code++) {
      if (best[code - w.qmin()] != code) {
        changed.put(code, best[code - w.qmin()]);
      }
    }
    return changed;
  }

  /** The input histograms of layers {@code targets} on the exact network over the calibration images. */
  public static Map<Integer, TapHistograms> exactHistograms(Model model, QuantizedModel quant, List<Integer> targets,
      Dataset calibration, Kernels kernels) {
    byte[] codes = InputCodes.of(calibration, quant.preprocessing(), quant.tensor(model.input().name()));
    return measure(model, quant, targets, null, calibration.size(), codes, kernels);
  }

  /**
   * Runs the engine for {@code quant} over the calibration codes ({@code tables} null: all exact) and counts the
   * input codes of the {@code targets}.
   */
  private static Map<Integer, TapHistograms> measure(Model model, QuantizedModel quant, List<Integer> targets,
      RowTables[] tables, int images, byte[] codes, Kernels kernels) {
    List<ApproximableLayer> layers = model.approximableLayers();
    Map<Integer, TapHistograms> byLayer = new HashMap<>();
    Map<String, List<TapHistograms>> byTensor = new HashMap<>();
    for (int index : targets) {
      ApproximableLayer l = layers.get(index);
      TapHistograms h = new TapHistograms(l, quant.layer(index).input().zeroPoint());
      byLayer.put(index, h);
      byTensor.computeIfAbsent(l.input().name(), k -> new ArrayList<>()).add(h);
    }
    TensorTap tap = (tensor, data, batch, per, cm) -> {
      for (TapHistograms h : byTensor.getOrDefault(tensor, List.of())) {
        h.add(data, batch, per, cm);
      }
    };
    IntegerEngine engine = new IntegerEngine(model, quant, kernels, BATCH);
    int per = model.input().shape().size();
    RowTables[] run = tables != null ? tables : new RowTables[layers.size()];
    for (int from = 0; from < images; from += BATCH) {
      engine.run(codes, from * per, Math.min(BATCH, images - from), run, tap);
    }
    return byLayer;
  }

  private static LayerCompensation correct(LayerCompensation c, TapHistograms h, QuantizedModel original,
      QuantizedModel used, List<ResolvedLayer> resolved) {
    LayerQuantization o = original.layer(c.index());
    int channels = o.bias().length;
    RowTables rows = resolved.get(c.index()).tables();
    ProductTable[] t = new ProductTable[channels];
    for (int n = 0; n < channels; n++) {
      t[n] = rows.table(n).table();
    }
    double[] mean = BiasCorrection.meanErrors(h, o.weights().codes(), used.layer(c.index()).weights().codes(), t,
        o.input());
    return c.withBiasDelta(BiasCorrection.deltas(mean));
  }
}
