package org.axdse.simulator.imc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.axdse.simulator.compensation.BiasCorrection;
import org.axdse.simulator.compensation.BiasOrder;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * The correction against the exact network ({@link NetworkBias}, {@code --bias-order network}) on LeNet-5 asym
 * per-channel with a coarse ADC in every layer: every dense layer's correction equals one computed here by brute
 * force from the layer's input codes in both networks (the exact {@code sum (a - za)(w - zw)} and {@link
 * ImcReference}'s accumulator, zero-point term of the shifted inputs included); one approximated layer gets the
 * same-input correction; corrections and logits agree on 1 and 2 threads and with the corrections folded into
 * the int32 biases.
 */
class NetworkBiasTest {
  private static final ImcArchitecture ARCH = ImcArchitectureJson.defaults();

  @Test
  void denseCorrectionsEqualABruteForceAgainstTheExactNetwork() {
    QuantizedModel q = ImcBiasCorrectionTest.quantize();
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      ImcSession cal = new ImcSession(ImcBiasCorrectionTest.MODEL, q, ImcBiasCorrectionTest.CALIB, ARCH, k, 7);
      ImcNetwork net = cal.network();
      List<ImcKnobs> knobs = ImcBiasCorrectionTest.coarse(net);
      int[][] d = new NetworkBias(cal).deltas(knobs);
      int checked = 0;
      boolean shifted = false;
      boolean crossTerm = false;
      for (int i = 0; i < knobs.size(); i++) {
        ApproximableLayer layer = ImcBiasCorrectionTest.MODEL.approximableLayers().get(i);
        if (!(layer instanceof DenseLayer dense)) {
          continue;
        }
        LayerDataflow[] upstream = new LayerDataflow[knobs.size()];
        for (int j = 0; j < i; j++) {
          upstream[j] = d[j] == null ? null : new BiasedDataflow(net.layer(j, knobs.get(j)), d[j]);
        }
        boolean signedIn = q.layer(i).input().signed();
        int[] exactIn = inputs(cal, new LayerDataflow[knobs.size()], layer.input().name(), signedIn);
        int[] approxIn = inputs(cal, upstream, layer.input().name(), signedIn);
        if (exactIn == null || approxIn == null) {
          continue; // a channel-major input (a flattened convolution output): checked through the later layers
        }
        LayerQuantization lq = q.layer(i);
        int kk = dense.inFeatures();
        int rows = dense.outFeatures();
        int positions = exactIn.length / kk;
        double[] mean = new double[rows];
        for (int n = 0; n < rows; n++) {
          int zw = lq.weights().paramsOf(n * kk).zeroPoint();
          int[] w = Arrays.copyOfRange(lq.weights().codes(), n * kk, (n + 1) * kk);
          crossTerm |= zw != 0;
          long sum = 0;
          for (int p = 0; p < positions; p++) {
            int[] a = Arrays.copyOfRange(exactIn, p * kk, (p + 1) * kk);
            int[] ap = Arrays.copyOfRange(approxIn, p * kk, (p + 1) * kk);
            long exact = 0;
            for (int x = 0; x < kk; x++) {
              exact += (long) (a[x] - lq.input().zeroPoint()) * (w[x] - zw);
            }
            long approx = ImcReference.accumulator(ARCH, knobs.get(i), ap, w, 8, false, zw, lq.input().zeroPoint(),
                lq.input().signed()) - (long) zw * Arrays.stream(ap).sum()
                - (long) lq.input().zeroPoint() * Arrays.stream(w).sum() + (long) kk * lq.input().zeroPoint() * zw;
            sum += approx - exact;
          }
          mean[n] = (double) sum / positions;
        }
        shifted |= !Arrays.equals(exactIn, approxIn);
        assertArrayEquals(BiasCorrection.deltas(mean), d[i], "layer " + i);
        checked++;
      }
      assertTrue(checked >= 2, "dense layers checked: " + checked);
      assertTrue(shifted, "the approximate network shifts the inputs of a checked layer");
      assertTrue(crossTerm, "a weight zero point is not 0, so the inputs' zero-point term counts");
    }
  }

  /** The input codes of {@code tensor} over all calibration images, sample-major; null if channel-major. */
  private static int[] inputs(ImcSession s, LayerDataflow[] flows, String tensor, boolean signed) {
    ByteArrayOutputStream codes = new ByteArrayOutputStream();
    boolean[] channelMajor = new boolean[1];
    s.logits(flows, s.all(), (name, c, batch, per, cm) -> {
      if (name.equals(tensor)) {
        codes.write(c, 0, batch * per);
        channelMajor[0] |= cm;
      }
    });
    if (channelMajor[0] || codes.size() == 0) {
      return null;
    }
    byte[] b = codes.toByteArray();
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = signed ? b[i] : b[i] & 0xFF;
    }
    return out;
  }

  @Test
  void oneApproximatedLayerGetsTheSameInputCorrection() {
    QuantizedModel q = ImcBiasCorrectionTest.quantize();
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      ImcSession cal = new ImcSession(ImcBiasCorrectionTest.MODEL, q, ImcBiasCorrectionTest.CALIB, ARCH, k, 7);
      ImcNetwork net = cal.network();
      ImcBiasCorrection same = new ImcBiasCorrection(cal, BiasOrder.EXACT_INPUTS);
      NetworkBias nb = new NetworkBias(cal);
      for (int i = 0; i < net.workloads().size(); i++) {
        List<ImcKnobs> one = new ArrayList<>(Collections.nCopies(net.workloads().size(), (ImcKnobs) null));
        one.set(i, ImcBiasCorrectionTest.COARSE);
        int[] expected = same.delta(i, ImcBiasCorrectionTest.COARSE);
        assertArrayEquals(expected, nb.deltas(one)[i], "layer " + i);
      }
    }
  }

  @Test
  void threadIndependentAndFoldedIntoTheBias() {
    QuantizedModel q = ImcBiasCorrectionTest.quantize();
    byte[][] logits = new byte[2][];
    int[][][] deltas = new int[2][][];
    for (int t = 1; t <= 2; t++) {
      try (Kernels k = Kernels.create(t, KernelMode.fromSystemProperty())) {
        ImcSession s = new ImcSession(ImcBiasCorrectionTest.MODEL, q, ImcBiasCorrectionTest.TEST, ARCH, k, 10);
        ImcBiasCorrection c = s.correctBias(ImcBiasCorrectionTest.CALIB, BiasOrder.SEQUENTIAL, true);
        assertTrue(c.againstNetwork());
        List<ImcKnobs> knobs = ImcBiasCorrectionTest.coarse(s.network());
        logits[t - 1] = s.logits(s.network().dataflows(knobs, true), s.all());
        deltas[t - 1] = c.deltas(knobs);
        QuantizedModel folded = c.compensation(knobs, ImcBiasCorrectionTest.MODEL).applyTo(q);
        ImcSession f = new ImcSession(ImcBiasCorrectionTest.MODEL, folded, ImcBiasCorrectionTest.TEST, ARCH, k, 10);
        assertArrayEquals(logits[t - 1], f.logits(f.network().dataflows(knobs, true), f.all()));
        ImcSession plain = new ImcSession(ImcBiasCorrectionTest.MODEL, q, ImcBiasCorrectionTest.TEST, ARCH, k, 10);
        ImcBiasCorrection seq = plain.correctBias(ImcBiasCorrectionTest.CALIB, BiasOrder.SEQUENTIAL);
        assertFalse(Arrays.deepEquals(deltas[t - 1], seq.deltas(knobs)), "differs from the same-input order");
      }
    }
    assertEquals(deltas[0].length, deltas[1].length);
    for (int i = 0; i < deltas[0].length; i++) {
      assertArrayEquals(deltas[0][i], deltas[1][i], "layer " + i);
    }
    assertArrayEquals(logits[0], logits[1]);
  }
}
