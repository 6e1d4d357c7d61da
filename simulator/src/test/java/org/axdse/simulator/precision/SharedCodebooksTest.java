package org.axdse.simulator.precision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharedModel;
import org.axdse.simulator.share.SharingPlan;
import org.axdse.simulator.share.WeightSharing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refitted codebooks on a small CNN: at most k values per group, a lower output error under the input covariance
 * than the k-means values, never a higher one with more rounds, biases corrected by the mean shift, the same on every
 * run.
 */
class SharedCodebooksTest {
  @TempDir Path dir;

  private static float[] weights(ApproximableLayer l) {
    return l instanceof ConvLayer c ? c.weights() : ((DenseLayer) l).weights();
  }

  private static float[] bias(ApproximableLayer l) {
    return l instanceof ConvLayer c ? c.bias() : ((DenseLayer) l).bias();
  }

  /** sum over rows of dw^T C dw, computed here from the covariance's definition. */
  private static double error(float[] w, float[] s, int rows, InputMoments.LayerMoments m) {
    int per = w.length / rows;
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      int g = r / (rows / m.groups());
      for (int i = 0; i < per; i++) {
        for (int j = 0; j < per; j++) {
          double c = m.second()[g][i][j] - m.mean()[g][i] * m.mean()[g][j];
          sum += (w[r * per + i] - s[r * per + i]) * c * (w[r * per + j] - s[r * per + j]);
        }
      }
    }
    return sum;
  }

  @Test
  void refitLowersTheOutputErrorAndKeepsKValuesPerGroup() {
    TinyNets t = new TinyNets(17);
    Model model = t.cnn(dir);
    Dataset data = t.images(model, 24, 5);
    Preprocessing pre = TinyNets.preprocessing(model, 5);
    Map<Integer, InputMoments.LayerMoments> moments = InputMoments.of(model, pre, data);
    for (ShareGranularity g : new ShareGranularity[] {ShareGranularity.CHANNEL, ShareGranularity.LAYER}) {
      int k = g == ShareGranularity.LAYER ? 3 : 2;
      Map<String, Integer> ks = new LinkedHashMap<>();
      model.approximableLayers().forEach(l -> ks.put(l.name(), k));
      SharedModel km = WeightSharing.apply(model, new SharingPlan(g, ks), 1);
      SharedModel refit = SharedCodebooks.refit(model, km, moments, 0);
      SharedModel rounds = SharedCodebooks.refit(model, km, moments, 2);
      SharedModel again = SharedCodebooks.refit(model, km, moments, 2);
      for (int l = 0; l < model.approximableLayers().size(); l++) {
        ApproximableLayer orig = model.approximableLayers().get(l);
        float[] w = weights(orig);
        int rows = bias(orig).length;
        float[] a = weights(km.model().approximableLayers().get(l));
        float[] b = weights(refit.model().approximableLayers().get(l));
        float[] c = weights(rounds.model().approximableLayers().get(l));
        assertArrayEquals(c, weights(again.model().approximableLayers().get(l)), "deterministic");
        int size = g.groupSize(orig, 0);
        for (int from = 0; from < w.length; from += size) {
          for (float[] v : new float[][] {b, c}) {
            long distinct = java.util.stream.IntStream.range(from, from + size).mapToObj(i -> v[i]).distinct()
                .count();
            assertTrue(distinct <= k, g + " layer " + l + ": " + distinct + " values in a group");
          }
        }
        double ek = error(w, a, rows, moments.get(l));
        double er = error(w, b, rows, moments.get(l));
        double e2 = error(w, c, rows, moments.get(l));
        assertTrue(er < ek, g + " layer " + l + ": refit " + er + " not below k-means " + ek);
        assertTrue(e2 <= er * (1 + 1e-12), g + " layer " + l + ": rounds raised the error " + e2 + " > " + er);
        // the bias takes the mean output shift of the refitted weights against the original ones
        int per = w.length / rows;
        float[] bias = bias(refit.model().approximableLayers().get(l));
        for (int r = 0; r < rows; r++) {
          double[] mean = moments.get(l).mean()[r / (rows / moments.get(l).groups())];
          double shift = 0;
          for (int i = 0; i < per; i++) {
            shift += (w[r * per + i] - b[r * per + i]) * mean[i];
          }
          assertEquals(bias(orig)[r] + shift, bias[r], 1e-5 * (1 + Math.abs(bias[r])));
        }
      }
    }
  }
}
