package org.axdse.simulator.quant;

import java.util.List;

/**
 * Integer weight codes with their parameters: one {@link QuantParams} for the whole tensor, or one per output
 * channel. Channel {@code c} owns the contiguous block {@code codes[c * perChannel, (c + 1) * perChannel)}, the
 * layout of ONNX Conv weights {@code [M, C/group, kH, kW]} and of Gemm weights {@code [N, K]} with
 * {@code transB = 1}.
 */
public record QuantizedWeights(int[] codes, List<QuantParams> params) {
  public QuantizedWeights {
    codes = codes.clone();
    params = List.copyOf(params);
    if (params.isEmpty() || codes.length % params.size() != 0) {
      throw new IllegalArgumentException(codes.length + " codes cannot be split into " + params.size()
          + " channels");
    }
    int per = codes.length / params.size();
    for (int i = 0; i < codes.length; i++) {
      QuantParams p = params.get(i / per);
      if (codes[i] < p.qmin() || codes[i] > p.qmax()) {
        throw new IllegalArgumentException("code " + codes[i] + " at " + i + " is outside [" + p.qmin() + ", "
            + p.qmax() + "]");
      }
    }
  }

  @Override
  public int[] codes() {
    return codes.clone();
  }

  /** Number of channels (1 for per-tensor quantization). */
  public int channels() {
    return params.size();
  }

  /** Weights per channel. */
  public int perChannel() {
    return codes.length / params.size();
  }

  public int code(int i) {
    return codes[i];
  }

  /** The parameters of the channel holding weight {@code i}. */
  public QuantParams paramsOf(int i) {
    return params.get(i / perChannel());
  }

  /** The real value weight {@code i} stands for. */
  public double dequantize(int i) {
    return paramsOf(i).dequantize(codes[i]);
  }
}
