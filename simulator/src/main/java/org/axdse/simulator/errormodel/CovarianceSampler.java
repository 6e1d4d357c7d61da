package org.axdse.simulator.errormodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.InputCodes;
import org.axdse.simulator.engine.IntegerEngine;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Window;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Estimates the {@link ActivationCovariance} of convolution and dense layers from an exact run over the first
 * images of a calibration set, one image at a time (so every tensor's layout is its per-sample layout), taking a
 * fixed grid of at most {@code perImage} output positions per image (every row of a dense layer). Accumulates
 * the sums of the features and of their products, skipping zero features, so sparse activations cost less.
 */
final class CovarianceSampler {
  private final ApproximableLayer layer;
  private final int groups;
  private final int k;
  private final int zero;
  private final boolean signed;
  private final int perImage;
  private final double[][] sums;
  private final double[][] products;
  private long samples;

  private CovarianceSampler(ApproximableLayer layer, int zeroCode, boolean signed, int perImage) {
    this.layer = layer;
    this.groups = layer instanceof ConvLayer c ? c.groups() : 1;
    this.k = layer instanceof ConvLayer c ? c.fanIn() : ((DenseLayer) layer).inFeatures();
    this.zero = zeroCode & 0xFF;
    this.signed = signed;
    this.perImage = perImage;
    this.sums = new double[groups][2 * k];
    this.products = new double[groups][4 * k * k];
  }

  /** The covariance of every layer in {@code targets}, from {@code images} images, {@code perImage} samples each. */
  static Map<Integer, ActivationCovariance> measure(Model model, QuantizedModel quant, List<Integer> targets,
      Dataset calibration, int images, int perImage, Kernels kernels) {
    List<ApproximableLayer> layers = model.approximableLayers();
    Map<String, List<CovarianceSampler>> byTensor = new HashMap<>();
    Map<Integer, CovarianceSampler> byLayer = new HashMap<>();
    for (int i : targets) {
      ApproximableLayer l = layers.get(i);
      CovarianceSampler s = new CovarianceSampler(l, quant.layer(i).input().zeroPoint(), quant.layer(i).input()
          .signed(), perImage);
      byLayer.put(i, s);
      byTensor.computeIfAbsent(l.input().name(), x -> new ArrayList<>()).add(s);
    }
    int n = Math.min(images, calibration.size());
    byte[] codes = InputCodes.of(calibration.limit(n), quant.preprocessing(), quant.tensor(model.input().name()));
    IntegerEngine engine = new IntegerEngine(model, quant, kernels, 1);
    int per = model.input().shape().size();
    for (int img = 0; img < n; img++) {
      engine.runExact(codes, img * per, 1, (tensor, data, batch, size, cm) -> {
        for (CovarianceSampler s : byTensor.getOrDefault(tensor, List.of())) {
          s.add(data);
        }
      });
    }
    Map<Integer, ActivationCovariance> out = new HashMap<>();
    byLayer.forEach((i, s) -> {
      if (s.samples >= 2) {
        out.put(i, s.result());
      }
    });
    return out;
  }

  private void add(byte[] x) {
    int[] features = new int[2 * k];
    int[] nonZero = new int[2 * k];
    if (layer instanceof ConvLayer c) {
      Window w = c.window();
      int h = c.input().shape().dim(1);
      int wd = c.input().shape().dim(2);
      int oh = w.outH(h);
      int ow = w.outW(wd);
      int step = Math.max(1, (oh * ow) / perImage);
      int cg = c.inC() / groups;
      for (int pos = step / 2; pos < oh * ow; pos += step) {
        int oy = pos / ow;
        int ox = pos % ow;
        for (int g = 0; g < groups; g++) {
          for (int ci = 0; ci < cg; ci++) {
            int plane = (g * cg + ci) * h * wd;
            for (int ky = 0; ky < w.kH(); ky++) {
              int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
              for (int kx = 0; kx < w.kW(); kx++) {
                int ix = ox * w.strideW() - w.padLeft() + kx * w.dilationW();
                boolean in = iy >= 0 && iy < h && ix >= 0 && ix < wd;
                features[(ci * w.kH() + ky) * w.kW() + kx] = in ? x[plane + iy * wd + ix] & 0xFF : zero;
              }
            }
          }
          accumulate(g, features, nonZero);
        }
      }
    } else {
      for (int r = 0; r < x.length / k; r++) {
        for (int kk = 0; kk < k; kk++) {
          features[kk] = x[r * k + kk] & 0xFF;
        }
        accumulate(0, features, nonZero);
      }
    }
  }

  /** {@code codes[0..k)} are the sampled codes; turns them into the 2K features and adds their products. */
  private void accumulate(int g, int[] codes, int[] nonZero) {
    double[] value = new double[2 * k];
    int count = 0;
    for (int kk = 0; kk < k; kk++) {
      int code = codes[kk];
      double a = signed ? (byte) code : code;
      value[kk] = code != zero ? 1 : 0;
      value[k + kk] = a;
    }
    for (int i = 0; i < 2 * k; i++) {
      if (value[i] != 0) {
        nonZero[count++] = i;
        sums[g][i] += value[i];
      }
    }
    double[] p = products[g];
    for (int x = 0; x < count; x++) {
      int i = nonZero[x];
      double vi = value[i];
      int row = i * 2 * k;
      for (int y = x; y < count; y++) {
        p[row + nonZero[y]] += vi * value[nonZero[y]];
      }
    }
    if (g == 0) {
      samples++;
    }
  }

  private ActivationCovariance result() {
    int d = 2 * k;
    double[][] m = new double[groups][d * d];
    for (int g = 0; g < groups; g++) {
      for (int i = 0; i < d; i++) {
        for (int j = i; j < d; j++) {
          double c = products[g][i * d + j] / samples - sums[g][i] / samples * (sums[g][j] / samples);
          m[g][i * d + j] = c;
          m[g][j * d + i] = c;
        }
      }
    }
    return new ActivationCovariance(groups, k, samples, m);
  }
}
