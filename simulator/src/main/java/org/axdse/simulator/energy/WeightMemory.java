package org.axdse.simulator.energy;

import java.util.List;

/**
 * The weight memory objective: the bits of every weight of the approximable layers (convolution and dense
 * weights, LSTM and GRU input and recurrent weights; biases, which stay int32 whatever the width, are not
 * counted), plus the bits of any codebooks, relative to the same weights at 8 bits. A layer (or output channel)
 * at width N costs N bits per weight, so all-8-bit weights score 1.0 and all-4-bit ones 0.5.
 *
 * <p>Weight sharing extends it through {@code codebookBits}: a layer whose weights are indices into a codebook
 * counts its index width as N and adds the codebook's bits.
 *
 * @param weights weights of each approximable layer, in index order
 * @param channels output channels of each layer (what a per-channel width list indexes); each channel owns
 *     {@code weights / channels} weights
 */
public record WeightMemory(long[] weights, int[] channels) {
  public WeightMemory {
    weights = weights.clone();
    channels = channels.clone();
    if (weights.length != channels.length || weights.length == 0) {
      throw new IllegalArgumentException(weights.length + " layer weight counts but " + channels.length
          + " channel counts");
    }
    for (int i = 0; i < weights.length; i++) {
      if (channels[i] < 1 || weights[i] < 1 || weights[i] % channels[i] != 0) {
        throw new IllegalArgumentException("layer " + i + ": " + weights[i] + " weights in " + channels[i]
            + " channels");
      }
    }
  }

  /** The memory model of the layers of {@code workloads} (their weights and channels). */
  public static WeightMemory of(List<LayerWorkload> workloads) {
    return new WeightMemory(workloads.stream().mapToLong(LayerWorkload::weights).toArray(),
        workloads.stream().mapToInt(LayerWorkload::channels).toArray());
  }

  /** Bits of layer {@code layer} with widths {@code widths} (one entry: the whole layer; else one per channel). */
  public long bits(int layer, int[] widths) {
    if (widths.length == 1) {
      return weights[layer] * widths[0];
    }
    if (widths.length != channels[layer]) {
      throw new IllegalArgumentException("layer " + layer + ": " + widths.length + " widths for "
          + channels[layer] + " channels");
    }
    long per = weights[layer] / channels[layer];
    long bits = 0;
    for (int w : widths) {
      bits += per * w;
    }
    return bits;
  }

  /** The memory of {@code widths} (one array per layer) relative to 8-bit weights, without codebooks. */
  public double relative(List<int[]> widths) {
    return relative(widths, 0);
  }

  /** As {@link #relative(List)}, adding {@code codebookBits} (weight sharing) to the weight bits. */
  public double relative(List<int[]> widths, long codebookBits) {
    if (widths.size() != weights.length) {
      throw new IllegalArgumentException(widths.size() + " width lists for " + weights.length + " layers");
    }
    long bits = codebookBits;
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      bits += bits(i, widths.get(i));
      total += weights[i];
    }
    return bits / (8.0 * total);
  }
}
