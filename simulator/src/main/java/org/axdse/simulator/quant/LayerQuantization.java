package org.axdse.simulator.quant;

import java.util.List;
import java.util.Objects;

/**
 * The integer form of one approximable layer. {@code input} and {@code output} are the activation parameters of
 * the tensors it reads and writes; {@code weights} are the weight codes (for LSTM and GRU the input weights W, with
 * the recurrent weights R in {@code recurrent}; null otherwise). For convolution and dense layers, {@code bias}
 * holds the int32 bias of each output channel at scale {@code s_in * s_w[c]} and {@code requant} the fixed-point
 * form of {@code s_in * s_w[c] / s_out}; both are empty for recurrent layers, whose bias and gates stay float.
 * {@code activationCounts} (256 entries) and {@code weightCounts} ({@code 2^N}) count the operand codes the layer's
 * multipliers see, indexed by bit pattern as in a product table: activations from the exact integer run over the
 * calibration images, weights from the weight codes. Arrays are not copied; callers must not modify them.
 */
public record LayerQuantization(String name, QuantParams input, QuantParams output, QuantizedWeights weights,
    QuantizedWeights recurrent, int[] bias, List<FixedPointMultiplier> requant, long[] activationCounts,
    long[] weightCounts) {
  public LayerQuantization {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(weights, "weights");
    bias = bias == null ? new int[0] : bias;
    requant = List.copyOf(requant);
    if (bias.length != requant.size()) {
      throw new IllegalArgumentException(name + ": " + bias.length + " biases but " + requant.size()
          + " requantization multipliers");
    }
    if (activationCounts != null && activationCounts.length != 256) {
      throw new IllegalArgumentException(name + ": activation histogram needs 256 entries");
    }
  }

  /** This layer with the operand code histograms filled in. */
  public LayerQuantization withCounts(long[] activations, long[] weightCodes) {
    return new LayerQuantization(name, input, output, weights, recurrent, bias, requant, activations, weightCodes);
  }

  /** True for LSTM and GRU layers (two weight matrices, float gates). */
  public boolean isRecurrent() {
    return recurrent != null;
  }
}
