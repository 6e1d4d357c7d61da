package org.axdse.simulator.errormodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.Compensation;
import org.axdse.simulator.compensation.Compensator;
import org.axdse.simulator.compensation.LayerCompensation;
import org.axdse.simulator.compensation.TapHistograms;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * The per-layer error model of a quantized network: one {@link LayerErrorModel} per convolution and dense layer,
 * measured once from an exact run over the calibration images (the histograms bias correction uses), and a cache
 * of every (layer, multiplier, weight remap)'s {@link ChannelMoments}, so that predicting an assignment, layer-wise
 * or per channel, compensated or not, costs one lookup per channel once its multipliers have been seen.
 * By default the covariance between a channel's terms is included through {@link ActivationCovariance}.
 * Recurrent layers (LSTM, GRU) are not described: an assignment that makes one approximate is a one-line
 * {@link BadInputException} naming the layer. Thread-safe.
 */
public final class ErrorModel {
  private final List<ApproximableLayer> layers;
  private final AssignmentResolver resolver;
  private final Map<Integer, LayerErrorModel> byLayer;
  private final Map<Key, ChannelMoments> memo = new ConcurrentHashMap<>();

  private record Key(int layer, String multiplier, Map<Integer, Integer> remap) {}

  /** Images and accumulators per image sampled for the covariance of a layer's activations. */
  private static final int COVARIANCE_IMAGES = 64;
  private static final int COVARIANCE_PER_IMAGE = 16;
  /** Longer reductions keep the independence assumption (their covariance would take more than 13 MB). */
  private static final int COVARIANCE_MAX_REDUCTION = 640;

  private ErrorModel(Model model, QuantizedModel quant, MultiplierCatalog catalog, Map<Integer, TapCounts> taps,
      Map<Integer, ActivationCovariance> covariance) {
    this.layers = model.approximableLayers();
    this.resolver = Compensator.resolver(model, quant, catalog);
    this.byLayer = new HashMap<>();
    taps.forEach((index, t) -> {
      LayerQuantization q = quant.layer(index);
      byLayer.put(index, new LayerErrorModel(q.name(), t, covariance.get(index), q.bias().length,
          q.weights().codes(), q.input().zeroPoint(), q.input().signed()));
    });
  }

  /**
   * Measures the activation distribution of every convolution and dense layer of {@code quant} (uncompensated,
   * as calibrated) in one exact run over {@code calibration}, and the covariance of their positions' activations
   * on 16 accumulators of each of its first 64 images (layers with reductions up to 640).
   */
  public static ErrorModel open(Model model, QuantizedModel quant, MultiplierCatalog catalog, Dataset calibration,
      Kernels kernels) {
    return open(model, quant, catalog, calibration, kernels, true);
  }

  /** As the five-argument form; without {@code correlated}, positions are taken as independent. */
  public static ErrorModel open(Model model, QuantizedModel quant, MultiplierCatalog catalog, Dataset calibration,
      Kernels kernels, boolean correlated) {
    List<Integer> targets = new ArrayList<>();
    for (int i = 0; i < model.approximableLayers().size(); i++) {
      if (describable(model.approximableLayers().get(i))) {
        targets.add(i);
      }
    }
    Map<Integer, TapHistograms> h = Compensator.exactHistograms(model, quant, targets, calibration, kernels);
    Map<Integer, TapCounts> taps = new HashMap<>();
    h.forEach((i, t) -> taps.put(i, TapCounts.of(t)));
    Map<Integer, ActivationCovariance> cov = Map.of();
    if (correlated) {
      List<Integer> small = targets.stream().filter(i -> taps.get(i).reduction() <= COVARIANCE_MAX_REDUCTION)
          .toList();
      cov = CovarianceSampler.measure(model, quant, small, calibration, COVARIANCE_IMAGES, COVARIANCE_PER_IMAGE,
          kernels);
    }
    return new ErrorModel(model, quant, catalog, taps, cov);
  }

  /** A model from distributions measured elsewhere: {@code taps} by approximable-layer index. */
  public static ErrorModel of(Model model, QuantizedModel quant, MultiplierCatalog catalog,
      Map<Integer, TapCounts> taps) {
    return new ErrorModel(model, quant, catalog, Map.copyOf(taps), Map.of());
  }

  /** True for the layer kinds the model describes: convolutions (grouped and depthwise too) and dense layers. */
  public static boolean describable(ApproximableLayer l) {
    return l instanceof ConvLayer || l instanceof DenseLayer;
  }

  /** The model of approximable layer {@code index}; a one-line error for a layer it cannot describe. */
  public LayerErrorModel layer(int index) {
    LayerErrorModel m = byLayer.get(index);
    if (m == null) {
      ApproximableLayer l = layers.get(index);
      throw new BadInputException("layer '" + l.name() + "' (" + l.kind() + "): the error model describes "
          + "convolution and dense layers only");
    }
    return m;
  }

  /** The layer's channel moments with {@code table} (named {@code multiplier}) on every channel; cached. */
  public ChannelMoments moments(int index, String multiplier, ProductTable table, Map<Integer, Integer> remap) {
    LayerErrorModel m = layer(index);
    return memo.computeIfAbsent(new Key(index, multiplier, Map.copyOf(remap)), k -> m.moments(table, remap));
  }

  /** Every approximable layer's modelled error under {@code assignment}, uncompensated. */
  public List<LayerPrediction> predict(Assignment assignment) {
    return predict(assignment, null);
  }

  /**
   * As {@link #predict(Assignment)}, with {@code compensation} (null: none) applied: each channel's codes follow
   * its multiplier's remap and its bias delta is added to its mean, so the result is the residual error against
   * the uncompensated exact network.
   */
  public List<LayerPrediction> predict(Assignment assignment, Compensation compensation) {
    Map<Integer, LayerCompensation> comp = new HashMap<>();
    if (compensation != null) {
      compensation.layers().forEach(c -> comp.put(c.index(), c));
    }
    List<LayerPrediction> out = new ArrayList<>();
    for (ResolvedLayer r : resolver.resolve(assignment)) {
      int channels = AssignmentResolver.channels(layers.get(r.index()));
      ChannelMoments m = r.exact() ? ChannelMoments.zero(channels) : channelsOf(r, comp.get(r.index()), channels);
      out.add(new LayerPrediction(r.index(), r.name(), r.multipliers(), m, m.pooled()));
    }
    return out;
  }

  private ChannelMoments channelsOf(ResolvedLayer r, LayerCompensation c, int channels) {
    layer(r.index());
    int[] delta = c == null ? new int[0] : c.biasDelta();
    double[] mean = new double[channels];
    double[] variance = new double[channels];
    for (int o = 0; o < channels; o++) {
      String name = r.multiplierOf(o);
      Map<Integer, Integer> remap = c == null ? Map.of() : c.remaps().getOrDefault(name, Map.of());
      ChannelMoments m = moments(r.index(), name, r.tables().table(o).table(), remap);
      mean[o] = m.mean(o) + (delta.length == 0 ? 0 : delta[o]);
      variance[o] = m.variance(o);
    }
    return new ChannelMoments(mean, variance);
  }
}
