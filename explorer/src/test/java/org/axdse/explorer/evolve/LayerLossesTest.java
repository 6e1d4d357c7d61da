package org.axdse.explorer.evolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cgp.CompensatedLoss;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.compensation.BiasCorrection;
import org.axdse.simulator.compensation.WeightTuning;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.LayerErrorModel;
import org.axdse.simulator.errormodel.LayerPrediction;
import org.axdse.simulator.errormodel.TapCounts;
import org.axdse.simulator.predict.NoiseFigure;
import org.axdse.simulator.predict.Sensitivity;
import org.junit.jupiter.api.Test;

/**
 * {@code evolve --measure loss} scores a circuit as the project's error model and accuracy predictor do, for a
 * layer whose positions all see the layer's activation histogram: {@link LayerErrorModel} with the remap of
 * {@link WeightTuning} and the deltas of {@link BiasCorrection}, then {@link NoiseFigure} under a
 * {@link Sensitivity}.
 */
class LayerLossesTest {
  private static Sensitivity sensitivity(int channels, SplittableRandom r) {
    double[] levels = {0.01, 0.1, 1, 10, 100};
    double[] losses = {0.1, 0.5, 1};
    double[][] signal = {new double[channels]};
    for (int o = 0; o < channels; o++) {
      signal[0][o] = o == 2 ? 0 : 2e4 * (1 + r.nextInt(40));
    }
    double[][] noise = {{0.3, 2.5, 30, 200, 900}};
    double[][] offset = {{0.1, 1.5, 9, 80, 700}};
    double[][] loss = {{4, 40, 300}};
    return new Sensitivity("0".repeat(64), levels, signal, noise, offset, losses, loss, 64);
  }

  @Test
  void theLossEqualsTheErrorModelsPredictionOfTheCompensatedLayer() {
    for (String name : new String[] {"u8x8_trunc10", "u8x8_bam_h4v10", "u8x8_drum4"}) {
      Multiplier m = BuiltinLibrary.byName(name).orElseThrow();
      MultiplierFormat f = m.format();
      SplittableRandom r = new SplittableRandom(name.hashCode());
      int channels = 5;
      int k = 7;
      int za = 9;
      long[] counts = new long[256];
      counts[za] = 30;
      for (int i = 0; i < 20; i++) {
        counts[r.nextInt(256)] += 1 + r.nextInt(25);
      }
      int[] codes = new int[channels * k];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = r.nextInt(256);
      }
      Sensitivity s = sensitivity(channels, r);
      CompensatedLoss loss = LayerLosses.of(f, counts, za, 0, 255, codes, channels, s, 0, true);
      double got = loss.score(loss.stimulus().products(m.netlist()));

      long positions = Arrays.stream(counts).sum();
      long[] taps = new long[k * 256];
      for (int t = 0; t < k; t++) {
        System.arraycopy(counts, 0, taps, t * 256, 256);
      }
      LayerErrorModel model = new LayerErrorModel("l", new TapCounts(1, k, positions, taps), channels, codes, za,
          false);
      ProductTable table = m.table();
      int[] best = WeightTuning.remap(table, counts, za, 0, 255);
      Map<Integer, Integer> remap = new LinkedHashMap<>();
      for (int w = 0; w < 256; w++) {
        if (best[w] != w) {
          remap.put(w, best[w]);
        }
      }
      assertTrue(!remap.isEmpty(), name + ": tuning changes some code");
      ChannelMoments raw = model.moments(table, remap);
      int[] delta = BiasCorrection.deltas(raw.mean());
      double[] mean = raw.mean();
      for (int o = 0; o < channels; o++) {
        mean[o] += delta[o];
      }
      ChannelMoments corrected = new ChannelMoments(mean, raw.variance());
      LayerPrediction p = new LayerPrediction(0, "l", List.of(name), corrected, corrected.pooled());
      double want = NoiseFigure.of(List.of(p), new double[][] {model.gains(table, remap)}, s).total();
      assertEquals(want, got, 1e-9 * want, name);
      assertTrue(want > 0, name);
    }
  }
}
