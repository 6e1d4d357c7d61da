package org.axdse.simulator.compensation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.WidthQuantizations;

/**
 * The {@link BiasOrder#EXACT_INPUTS} compensation of any number of assignments, from one exact run over the
 * calibration images: what a search needs to compensate every candidate it evaluates. With exact inputs a
 * channel's weight remap and bias delta depend only on its layer and its own multiplier, so both are computed
 * once per (layer, multiplier) for all of the layer's channels and memoised; an assignment then only picks each
 * channel's values. {@link #compute} gives exactly what {@link Compensator#compute} gives with exact inputs.
 * With several weight widths ({@link #open(Model, QuantizedModel, MultiplierCatalog, Dataset, CompensationMethod,
 * Kernels, WidthSet)}) each (layer, multiplier) is compensated in the multiplier's own width: its codes, range and
 * biases are those of the layer quantized at that width, its inputs those of the exact network at the widest
 * width (the calibration every width shares); the result applies to {@code SimulationSession.atWidths}. Bias
 * correction of a layer narrower than the widest width also removes the mean shift of its narrower weights against
 * the widest width's ({@link WidthShift}), so such a layer is compensated even with an exact design.
 * Thread-safe.
 */
public final class CompensationCache {
  private final QuantizedModel quant;
  private final WidthQuantizations atWidth;
  private final MultiplierCatalog catalog;
  private final CompensationMethod method;
  private final AssignmentResolver resolver;
  private final List<ApproximableLayer> layers;
  private final Map<Integer, TapHistograms> histograms;
  private final Map<String, Uniform> memo = new ConcurrentHashMap<>();

  /** One multiplier on every channel of one layer: its changed codes and every channel's bias delta. */
  private record Uniform(Map<Integer, Integer> remap, int[] biasDelta) {}

  private CompensationCache(Model model, QuantizedModel quant, MultiplierCatalog catalog, CompensationMethod method,
      Map<Integer, TapHistograms> histograms, WidthSet widths) {
    this.quant = quant;
    this.atWidth = new WidthQuantizations(model, quant);
    this.catalog = catalog;
    this.method = method;
    this.resolver = widths == null ? Compensator.resolver(model, quant, catalog)
        : AssignmentResolver.forWidths(model, catalog, quant.config(), widths, false);
    this.layers = model.approximableLayers();
    this.histograms = histograms;
  }

  /**
   * Measures the input histograms of every convolution and dense layer on the exact network over {@code
   * calibration} (skipped for weight tuning alone, which needs only the activation histograms {@code quant}
   * already holds).
   */
  public static CompensationCache open(Model model, QuantizedModel quant, MultiplierCatalog catalog,
      Dataset calibration, CompensationMethod method, Kernels kernels) {
    return open(model, quant, catalog, calibration, method, kernels, null);
  }

  /**
   * As the six-argument form for a run whose layers may use any width of {@code widths} (null or one width:
   * the quantization's own), the widest being {@code quant}'s.
   */
  public static CompensationCache open(Model model, QuantizedModel quant, MultiplierCatalog catalog,
      Dataset calibration, CompensationMethod method, Kernels kernels, WidthSet widths) {
    Map<Integer, TapHistograms> h = Map.of();
    if (method.correctsBias()) {
      List<Integer> targets = new ArrayList<>();
      List<ApproximableLayer> all = model.approximableLayers();
      for (int i = 0; i < all.size(); i++) {
        if (compensable(all.get(i))) {
          targets.add(i);
        }
      }
      h = Compensator.exactHistograms(model, quant, targets, calibration, kernels);
    }
    return new CompensationCache(model, quant, catalog, method, h, widths);
  }

  public CompensationMethod method() {
    return method;
  }

  /**
   * Where the layers of the quantization a compensation applies to come from: layer {@code index} for a
   * multiplier with {@code bits}-bit weights (null: the layer quantized at that width, unshared), and a key telling
   * this source's layer {@code index} from the others in the memo. {@link #compute(Assignment)} uses the layers quantized at each width; a search with weight sharing
   * gives its shared layers (compensation after sharing).
   */
  public interface Layers {
    LayerQuantization layer(int index, int bits);

    String key(int index);
  }

  /** The compensation of {@code assignment}; assignment problems are one-line {@code BadInputException}s. */
  public Compensation compute(Assignment assignment) {
    return compute(assignment, new Layers() {
      @Override
      public LayerQuantization layer(int index, int bits) {
        return null;
      }

      @Override
      public String key(int index) {
        return "";
      }
    });
  }

  /**
   * The compensation of {@code assignment} for the layers of {@code source}. A layer that differs from the
   * widest width's unshared layer (narrower or shared weights) is bias-corrected for its mean weight shift too
   * ({@link WidthShift}), even with an exact design.
   */
  public Compensation compute(Assignment assignment, Layers source) {
    List<LayerCompensation> out = new ArrayList<>();
    for (ResolvedLayer r : resolver.resolve(assignment)) {
      if (!compensable(layers.get(r.index())) || r.exact() && !(method.correctsBias() && moved(r, source))) {
        continue;
      }
      int channels = quant.layer(r.index()).bias().length;
      Map<String, Map<Integer, Integer>> remaps = new java.util.LinkedHashMap<>();
      int[] delta = method.correctsBias() ? new int[channels] : null;
      for (int c = 0; c < channels; c++) {
        String name = r.multiplierOf(c);
        Uniform u = uniform(r, c, source);
        if (method.tunesWeights()) {
          remaps.putIfAbsent(name, u.remap());
        }
        if (delta != null) {
          delta[c] = u.biasDelta()[c];
        }
      }
      out.add(new LayerCompensation(r.index(), r.name(), r.multipliers(), remaps, delta));
    }
    return new Compensation(method, BiasOrder.EXACT_INPUTS, out);
  }

  private Uniform uniform(ResolvedLayer r, int channel, Layers source) {
    String name = r.multiplierOf(channel);
    return memo.computeIfAbsent(r.index() + "/" + name + "/" + source.key(r.index()), k -> measure(r.index(),
        layer(source, r.index(), bits(name)),
        r.tables() == null || r.tables().table(channel).isExact() ? null : r.tables().table(channel).table()));
  }

  private LayerQuantization layer(Layers source, int index, int bits) {
    LayerQuantization l = source.layer(index, bits);
    return l != null ? l : atWidth.layer(index, bits);
  }

  private int bits(String name) {
    return catalog.byName(name).format().weightBits();
  }

  /** Whether a channel of {@code r} runs weights other than the widest width's unshared ones. */
  private boolean moved(ResolvedLayer r, Layers source) {
    return r.multipliers().stream().anyMatch(n -> layer(source, r.index(), bits(n)) != quant.layer(r.index()));
  }

  /** The compensation of layer {@code index} quantized as {@code q}; {@code table} null for an exact design. */
  private Uniform measure(int index, LayerQuantization q, ProductTable table) {
    Map<Integer, Integer> remap = method.tunesWeights() && table != null ? Compensator.remap(q, table) : Map.of();
    int[] delta = new int[0];
    if (method.correctsBias()) {
      int channels = q.bias().length;
      int[] original = q.weights().codes();
      int[] used = original.clone();
      for (int i = 0; i < used.length; i++) {
        used[i] = remap.getOrDefault(used[i], used[i]);
      }
      ProductTable[] tables = new ProductTable[channels];
      java.util.Arrays.fill(tables, table);
      double[] mean = table == null ? new double[channels]
          : BiasCorrection.meanErrors(histograms.get(index), original, used, tables, q.input());
      if (q != quant.layer(index)) {
        double[] s = WidthShift.of(histograms.get(index), q, quant.layer(index));
        for (int n = 0; n < channels; n++) {
          mean[n] += s[n];
        }
      }
      delta = BiasCorrection.deltas(mean);
    }
    return new Uniform(remap, delta);
  }

  static boolean compensable(ApproximableLayer l) {
    return l instanceof ConvLayer || l instanceof DenseLayer;
  }
}
