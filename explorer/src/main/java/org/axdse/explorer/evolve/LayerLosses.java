package org.axdse.explorer.evolve;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.cgp.CompensatedLoss;
import org.axdse.multipliers.cgp.LayerResponse;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.predict.LayerRatios;
import org.axdse.simulator.predict.Sensitivity;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * {@code evolve --measure loss}: each layer's {@link CompensatedLoss} from the model's quantization (the layer's
 * real weight codes per output channel, its input zero point, its calibrated activation histogram, its weight code
 * range) and the accuracy predictor's {@link Sensitivity} (each channel's exact accumulator variance, floored as
 * the predictor floors it, and the layer's logit responses to noise, lost signal and offsets).
 */
public final class LayerLosses {
  private LayerLosses() {}

  /** The loss of approximable layer {@code index} of {@code q} in {@code format}. */
  public static CompensatedLoss of(QuantizedModel q, Sensitivity s, int index, MultiplierFormat format,
      boolean tuneWeights) {
    LayerQuantization l = q.layer(index);
    QuantParams w = l.weights().params().get(0);
    return of(format, l.activationCounts(), l.input().zeroPoint(), w.qmin(), w.qmax(), l.weights().codes(),
        l.bias().length, s, index, tuneWeights);
  }

  /**
   * The loss of a layer of {@code channels} output channels with weight codes {@code codes} ({@code [outC][K]}
   * in {@code [qmin, qmax]}), input zero point {@code za} and activation histogram {@code activationCounts}
   * (256), against layer {@code index} of {@code s}.
   */
  public static CompensatedLoss of(MultiplierFormat format, long[] activationCounts, int za, int qmin, int qmax,
      int[] codes, int channels, Sensitivity s, int index, boolean tuneWeights) {
    if (!s.describes(index) || s.channels(index) != channels) {
      throw new IllegalArgumentException("layer " + index + ": the sensitivity does not describe its "
          + channels + " channels");
    }
    int k = codes.length / channels;
    int[][] counts = new int[channels][qmax - qmin + 1];
    for (int o = 0; o < channels; o++) {
      for (int j = 0; j < k; j++) {
        counts[o][codes[o * k + j] - qmin]++;
      }
    }
    double floor = LayerRatios.signalFloor(s, index);
    double[] signal = new double[channels];
    for (int o = 0; o < channels; o++) {
      signal[o] = Math.max(s.signal(index, o), floor);
    }
    LayerResponse response = new LayerResponse() {
      @Override
      public double noise(double ratio) {
        return s.noiseResponse(index, ratio);
      }

      @Override
      public double loss(double share) {
        return s.lossResponse(index, share);
      }

      @Override
      public double offset(double ratio) {
        return s.offsetResponse(index, ratio);
      }
    };
    return new CompensatedLoss(format, activationCounts, za, qmin, qmax, counts, signal, response, tuneWeights);
  }

  /** The losses of approximable layers {@code indices}, in that order. */
  public static List<CompensatedLoss> of(QuantizedModel q, Sensitivity s, List<Integer> indices,
      MultiplierFormat format, boolean tuneWeights) {
    List<CompensatedLoss> out = new ArrayList<>();
    for (int i : indices) {
      out.add(of(q, s, i, format, tuneWeights));
    }
    return out;
  }
}
