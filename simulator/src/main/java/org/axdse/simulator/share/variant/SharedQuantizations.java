package org.axdse.simulator.share.variant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.WidthQuantizations;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharedModel;
import org.axdse.simulator.share.SharingMemory;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.WeightSharing;

/**
 * The quantizations of a calibrated model under sharing plans, sharing applied after calibration: a shared layer's
 * float weights are clustered ({@link WeightSharing}, plain k-means) and quantized at the layer's width with the
 * activation parameters of the unshared calibration ({@code base}, at the widest width); an unshared layer is the
 * base layer at its width ({@link WidthQuantizations}). Each (layer, k) is clustered once and each (layer, k,
 * width) quantized once. Deterministic and thread-safe: the k-means is exact, so the thread count changes nothing.
 * When the base's rounding is a {@link CodebookFit}, the k-means values are refitted by it (the shared layers'
 * codes are then rounded to the nearest, so each group keeps at most k codes).
 */
public final class SharedQuantizations {
  private final Model model;
  private final QuantizedModel base;
  private final ShareGranularity granularity;
  private final int threads;
  private final WidthQuantizations plain;
  private final Map<Long, SharedModel> shared = new ConcurrentHashMap<>();
  private final Map<Long, LayerQuantization> layers = new ConcurrentHashMap<>();

  /** Sharing at {@code granularity} of {@code model}, calibrated as {@code base} (at the widest width). */
  public SharedQuantizations(Model model, QuantizedModel base, ShareGranularity granularity, int threads) {
    this.model = model;
    this.base = base;
    this.granularity = granularity;
    this.threads = Math.max(1, threads);
    this.plain = new WidthQuantizations(model, base);
  }

  public ShareGranularity granularity() {
    return granularity;
  }

  /** The largest k layer {@code index} can take: the weights in its smallest group. */
  public int maxK(int index) {
    ApproximableLayer layer = model.approximableLayers().get(index);
    int smallest = Integer.MAX_VALUE;
    for (int t = 0; t < ShareGranularity.tensors(layer).size(); t++) {
      smallest = Math.min(smallest, granularity.groupSize(layer, t));
    }
    return smallest;
  }

  /**
   * One-line error naming {@code source} and the value unless every k of {@code ks} fits some layer (at most the
   * weights in each of its groups); a layer whose groups are smaller than a k just does not offer that k.
   */
  public void check(int[] ks, String source) {
    int largest = 0;
    for (int l = 0; l < model.approximableLayers().size(); l++) {
      largest = Math.max(largest, maxK(l));
    }
    for (int k : ks) {
      if (k > largest) {
        throw new BadInputException(source + ": k = " + k + " exceeds the weights in one " + granularity.label()
            + " group of every layer (at most " + largest + ")");
      }
    }
  }

  /**
   * The base quantization with layer l shared as {@code plan} says and quantized at {@code widths.get(l)} (one
   * entry: the whole layer; one per output channel: unshared layers only).
   */
  public QuantizedModel variant(SharingPlan plan, List<int[]> widths) {
    checkPlan(plan);
    List<ApproximableLayer> all = model.approximableLayers();
    List<LayerQuantization> out = new ArrayList<>(all.size());
    for (int l = 0; l < all.size(); l++) {
      int k = plan.kOf(all.get(l).name());
      int[] w = widths.get(l);
      out.add(k == 0 ? plain.compose(l, w) : layer(l, k, uniformWidth(all.get(l), w)));
    }
    return base.withLayers(out);
  }

  /** Layer {@code index} shared with {@code k} values per group and quantized at {@code bits} bits. */
  public LayerQuantization layer(int index, int k, int bits) {
    return layers.computeIfAbsent(key(index, k) << 8 | bits,
        x -> ModelQuantizer.layerWithWeightBits(shared(index, k).model(), base, index, bits));
  }

  /** The clustering figures of layer {@code index} at {@code k}. */
  public SharedModel.LayerSharing figures(int index, int k) {
    return shared(index, k).layers().get(0);
  }

  /** The inertia proxy of {@code plan}: the sum of its shared layers' relative inertia. */
  public double proxy(SharingPlan plan) {
    checkPlan(plan);
    List<ApproximableLayer> all = model.approximableLayers();
    double sum = 0;
    for (int l = 0; l < all.size(); l++) {
      int k = plan.kOf(all.get(l).name());
      sum += k == 0 ? 0 : figures(l, k).relativeInertia();
    }
    return sum;
  }

  /**
   * The weight memory of {@code plan} with layer widths {@code widths} ({@link SharingMemory}: indices and
   * codebooks of the layer's width for a shared layer, its width per weight for an unshared one).
   */
  public SharingMemory.Memory memory(SharingPlan plan, List<int[]> widths) {
    checkPlan(plan);
    boolean perChannel = base.config().perChannel();
    long bits = 0;
    long weights = 0;
    List<ApproximableLayer> all = model.approximableLayers();
    for (int l = 0; l < all.size(); l++) {
      ApproximableLayer layer = all.get(l);
      int k = plan.kOf(layer.name());
      int[] w = widths.get(l);
      long n = ShareGranularity.tensors(layer).stream().mapToLong(t -> t.length).sum();
      weights += n;
      if (k == 0 && w.length > 1) {
        bits += n / w.length * Arrays.stream(w).asLongStream().sum();
      } else {
        bits += SharingMemory.layerBits(layer, granularity, k, uniformWidth(layer, w), perChannel);
      }
    }
    return new SharingMemory.Memory(weights, bits);
  }

  private SharedModel shared(int index, int k) {
    return shared.computeIfAbsent(key(index, k), x -> {
      String name = model.approximableLayers().get(index).name();
      SharedModel clustered = WeightSharing.apply(model, new SharingPlan(granularity, Map.of(name, k)), threads);
      return base.rounding() instanceof CodebookFit fit ? fit.refit(model, clustered) : clustered;
    });
  }

  private void checkPlan(SharingPlan plan) {
    if (!plan.isEmpty() && plan.granularity() != granularity) {
      throw new IllegalArgumentException("a " + plan.granularity().label() + " plan for " + granularity.label()
          + " sharing");
    }
  }

  private static int uniformWidth(ApproximableLayer layer, int[] w) {
    if (Arrays.stream(w).distinct().count() != 1) {
      throw new BadInputException("layer '" + layer.name() + "': a shared layer needs one weight width for all "
          + "its channels, not " + Arrays.toString(w));
    }
    return w[0];
  }

  private static long key(int index, int k) {
    return (long) index << 20 | k;
  }
}
