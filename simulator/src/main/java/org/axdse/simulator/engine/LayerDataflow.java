package org.axdse.simulator.engine;

import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.Kernels;

/**
 * Another hardware's way of computing the raw accumulators of one convolution or dense layer (for example the
 * bit-decomposed in-memory dataflow of {@code org.axdse.simulator.imc}). It writes what the kernels would:
 * {@code acc[n * M + m]}, the code-product sum of output channel n and column m, which the engine then turns into
 * codes with the layer's zero-point terms, bias and requantization. Implementations must be deterministic and
 * give the same result for every thread count.
 */
public interface LayerDataflow {
  /**
   * As {@link Kernels#conv}: {@code input} channel-major, padding reads {@code padCode}; when {@code columnSums}
   * is not null it receives the exact per-group sums of the im2col activation values at {@code [group * M + m]}.
   */
  void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] columnSums, Kernels kernels);

  /** As {@link Kernels#gemm}: {@code acc[n * M + m]} for the K x M activation panel of a dense layer. */
  void gemm(ActivationPanel panel, int[] acc, Kernels kernels);
}
