package org.axdse.simulator.share;

import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;

/**
 * Weight memory with sharing: a shared group stores one index of {@code ceil(log2 k)} bits per weight plus a
 * codebook of {@code k} entries, each a quantized weight of the layer's width ({@code weightBits}, as the
 * multiplier reads it); an unshared layer stores {@code weightBits} per weight. With a layer-wide codebook and
 * per-channel quantization every output channel needs a codebook of its own (its scale maps the k shared values
 * to k codes of its own). Biases are not counted (they are int32 in every configuration).
 */
public final class SharingMemory {
  private SharingMemory() {}

  /** Index bits per weight for {@code k} shared values: {@code ceil(log2 k)}, 0 for k = 1. */
  public static int indexBits(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k = " + k + " must be >= 1");
    }
    return 32 - Integer.numberOfLeadingZeros(k - 1);
  }

  /** Bits of the weights of {@code layer} shared with {@code k} values per group (k = 0: unshared). */
  public static long layerBits(ApproximableLayer layer, ShareGranularity granularity, int k, int weightBits,
      boolean perChannel) {
    long bits = 0;
    var tensors = ShareGranularity.tensors(layer);
    for (int t = 0; t < tensors.size(); t++) {
      long n = tensors.get(t).length;
      if (k == 0) {
        bits += n * weightBits;
        continue;
      }
      long codebooks = n / granularity.groupSize(layer, t);
      if (perChannel && granularity == ShareGranularity.LAYER) {
        codebooks = ShareGranularity.rows(layer, t);
      }
      bits += n * indexBits(k) + codebooks * k * weightBits;
    }
    return bits;
  }

  /** The weight memory of {@code model} under {@code plan}, every weight {@code weightBits} wide. */
  public static Memory of(Model model, SharingPlan plan, int weightBits, boolean perChannel) {
    long bits = 0;
    long weights = 0;
    for (ApproximableLayer layer : model.approximableLayers()) {
      bits += layerBits(layer, plan.granularity(), plan.kOf(layer.name()), weightBits, perChannel);
      weights += ShareGranularity.tensors(layer).stream().mapToLong(w -> w.length).sum();
    }
    return new Memory(weights, bits);
  }

  /**
   * Weight memory of a model.
   *
   * @param weights the number of weights of the approximable layers
   * @param bits their storage, indices and codebooks included
   */
  public record Memory(long weights, long bits) {
    public Memory {
      if (weights < 1 || bits < 0) {
        throw new IllegalArgumentException("weight memory needs weights >= 1 and bits >= 0");
      }
    }

    /** Bits per weight. */
    public double bitsPerWeight() {
      return (double) bits / weights;
    }

    /** How many times smaller than 8-bit weights. */
    public double reductionVsInt8() {
      return 8.0 * weights / bits;
    }

    /** How many times smaller than float32 weights. */
    public double reductionVsFloat32() {
      return 32.0 * weights / bits;
    }

    /** Bits relative to 8-bit weights (the {@code memory} objective's scale: 1 = 8-bit weights). */
    public double relativeToInt8() {
      return bits / (8.0 * weights);
    }
  }
}
