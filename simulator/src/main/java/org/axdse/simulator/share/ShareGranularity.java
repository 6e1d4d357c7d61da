package org.axdse.simulator.share;

import java.util.List;
import java.util.Locale;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.LstmLayer;

/**
 * Which weights share one codebook. {@code LAYER}: every weight of a weight tensor; {@code CHANNEL}: the weights
 * of one output channel (one row of the tensor, as {@code --per-channel} quantization counts channels);
 * {@code KERNEL}: one 2-D convolution kernel ({@code kH x kW} weights of one output and one input channel; for
 * dense and recurrent layers, whose rows have no spatial kernel, the same as {@code CHANNEL}). LSTM and GRU
 * layers have two weight tensors (input and recurrent), each with codebooks of its own.
 */
public enum ShareGranularity {
  LAYER,
  CHANNEL,
  KERNEL;

  /** The granularity called {@code name} (case-insensitive), or null. */
  public static ShareGranularity parse(String name) {
    for (ShareGranularity g : values()) {
      if (g.label().equalsIgnoreCase(name)) {
        return g;
      }
    }
    return null;
  }

  /** The lower-case name used on the command line and in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The weight tensors of {@code layer}, in the order {@link #groupSize} and the rebuilt layer use them. */
  public static List<float[]> tensors(ApproximableLayer layer) {
    return switch (layer) {
      case ConvLayer c -> List.of(c.weights());
      case DenseLayer d -> List.of(d.weights());
      case LstmLayer l -> List.of(l.w(), l.r());
      case GruLayer g -> List.of(g.w(), g.r());
    };
  }

  /** The number of weights in one group of tensor {@code tensor} of {@code layer} (it divides the length). */
  public int groupSize(ApproximableLayer layer, int tensor) {
    int length = tensors(layer).get(tensor).length;
    if (this == LAYER) {
      return length;
    }
    return switch (layer) {
      case ConvLayer c -> this == KERNEL ? c.window().kH() * c.window().kW() : c.fanIn();
      case DenseLayer d -> d.inFeatures();
      case LstmLayer l -> length / (4 * l.hidden());
      case GruLayer g -> length / (3 * g.hidden());
    };
  }

  /** The number of weight rows (output channels, gate rows) of tensor {@code tensor} of {@code layer}. */
  static int rows(ApproximableLayer layer, int tensor) {
    return switch (layer) {
      case ConvLayer c -> c.outC();
      case DenseLayer d -> d.outFeatures();
      case LstmLayer l -> 4 * l.hidden();
      case GruLayer g -> 3 * g.hidden();
    };
  }
}
