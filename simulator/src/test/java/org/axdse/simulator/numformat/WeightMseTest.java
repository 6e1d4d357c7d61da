package org.axdse.simulator.numformat;

import org.axdse.multipliers.format.Accumulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axdse.multipliers.format.Minifloat;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;

/**
 * {@code --weight-calib mse} on every ResNet-20 convolution in E2M3 (a narrow format, where clipping pays): the
 * weight scale is one of the search's candidates {@code amax * 2^(-j/16) / maxFinite}, and the weights' true
 * squared rounding error is no larger than with the amax scale (j = 0 is a candidate); on some layer it is
 * strictly smaller, and the default keeps the amax scale.
 */
class WeightMseTest {
  @Test
  void mseWeightScalesAreCandidatesAndDoNotRoundWorse() {
    Model m = OnnxImporter.load(TestData.resnet20());
    Minifloat f = Minifloat.e2m3();
    FormatChoice amax = new FormatChoice(f, ScaleKind.TENSOR, Accumulator.EXACT);
    boolean someBetter = false;
    for (ApproximableLayer l : m.approximableLayers()) {
      if (!(l instanceof ConvLayer c)) {
        continue;
      }
      float[] w = c.weights();
      double full = 0;
      for (float v : w) {
        full = Math.max(full, Math.abs(v));
      }
      FormatLayer plain = FormatLayer.of(l, amax, 1);
      FormatLayer mse = FormatLayer.of(l, amax.withWeightMse(true), 1);
      assertEquals(full / f.maxFinite(), plain.weightScales()[0], 0.0, "the default is the amax scale");
      double s = mse.weightScales()[0];
      double j = -16 * Math.log(s * f.maxFinite() / full) / Math.log(2);
      assertTrue(Math.abs(j - Math.rint(j)) < 1e-6 && j > -1e-9 && j < 128, l.name() + ": j = " + j);
      double ePlain = error(w, plain.roundedWeights(), plain.weightScales()[0]);
      double eMse = error(w, mse.roundedWeights(), s);
      assertTrue(eMse <= ePlain * (1 + 1e-9), l.name() + ": " + eMse + " > " + ePlain);
      someBetter |= eMse < ePlain * 0.99;
    }
    assertTrue(someBetter, "clipping lowers the rounding error of some E2M3 weight tensor");
  }

  private static double error(float[] w, float[] rounded, double scale) {
    double e = 0;
    for (int i = 0; i < w.length; i++) {
      double d = w[i] - rounded[i] * scale;
      e += d * d;
    }
    return e;
  }
}
