package org.axdse.simulator.imc;

import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;

/**
 * What one convolution or dense layer asks of the IMC arrays per image: {@code columns} input vectors (output
 * positions; rows per sample for a dense layer), {@code groups} channel groups, each a reduction of {@code
 * reduction} rows into {@code groupChannels} output channels.
 */
public record ImcWorkload(String layer, long columns, int groups, int reduction, int groupChannels) {
  public ImcWorkload {
    if (columns < 1 || groups < 1 || reduction < 1 || groupChannels < 1) {
      throw new IllegalArgumentException("layer " + layer + ": workload sizes must be positive");
    }
  }

  /** The workload of a convolution or dense layer; null for other layers (LSTM, GRU: not mapped to IMC). */
  public static ImcWorkload of(ApproximableLayer l) {
    return switch (l) {
      case ConvLayer c -> new ImcWorkload(c.name(), c.output().shape().dim(1) * (long) c.output().shape().dim(2),
          c.groups(), c.fanIn(), c.outC() / c.groups());
      case DenseLayer d -> new ImcWorkload(d.name(), d.rows(), 1, d.inFeatures(), d.outFeatures());
      default -> null;
    };
  }

  /** Multiply-accumulates per image. */
  public long macs() {
    return columns * groups * (long) reduction * groupChannels;
  }
}
