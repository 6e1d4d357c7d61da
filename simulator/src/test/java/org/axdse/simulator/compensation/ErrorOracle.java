package org.axdse.simulator.compensation;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Window;

/**
 * Brute-force mean accumulator error per output channel: records a layer's input codes from a session trace and
 * sums {@code M(a, used) - a*original - za*(used - original)} over every product of every accumulator, directly
 * from the convolution (or dense) definition, padding taps reading the zero point.
 */
final class ErrorOracle {
  private ErrorOracle() {}

  /** Sample-major input codes of approximable layer {@code index} for every image of the session. */
  static List<byte[]> inputs(SimulationSession s, Assignment a, int index) {
    Model m = s.model();
    ApproximableLayer l = m.approximableLayers().get(index);
    List<byte[]> out = new ArrayList<>();
    int[] all = new int[s.size()];
    java.util.Arrays.setAll(all, i -> i);
    s.trace(a, all, (tensor, codes, batch, per, cm) -> {
      if (!tensor.equals(l.input().name())) {
        return;
      }
      int rest = per / l.input().shape().dim(0);
      for (int b = 0; b < batch; b++) {
        byte[] x = new byte[per];
        for (int i = 0; i < per; i++) {
          x[i] = cm ? codes[((i / rest) * batch + b) * rest + i % rest] : codes[b * per + i];
        }
        out.add(x);
      }
    });
    return out;
  }

  static double[] meanErrors(ApproximableLayer l, List<byte[]> inputs, int[] original, int[] used,
      ProductTable[] tables, int za, boolean signed) {
    int channels = tables.length;
    double[] sum = new double[channels];
    long positions = 0;
    for (byte[] x : inputs) {
      if (l instanceof ConvLayer c) {
        Window w = c.window();
        int h = c.input().shape().dim(1);
        int wd = c.input().shape().dim(2);
        int cg = c.inC() / c.groups();
        int og = c.outC() / c.groups();
        int k = c.fanIn();
        for (int n = 0; n < channels; n++) {
          for (int oy = 0; oy < w.outH(h); oy++) {
            for (int ox = 0; ox < w.outW(wd); ox++) {
              for (int ci = 0; ci < cg; ci++) {
                for (int ky = 0; ky < w.kH(); ky++) {
                  for (int kx = 0; kx < w.kW(); kx++) {
                    int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
                    int ix = ox * w.strideW() - w.padLeft() + kx * w.dilationW();
                    int ch = (n / og) * cg + ci;
                    int code = iy < 0 || iy >= h || ix < 0 || ix >= wd ? za : x[(ch * h + iy) * wd + ix];
                    int a = signed ? (byte) code : code & 0xFF;
                    int wi = n * k + (ci * w.kH() + ky) * w.kW() + kx;
                    sum[n] += error(tables[n], a, original[wi], used[wi], za);
                  }
                }
              }
            }
          }
        }
        positions += (long) w.outH(h) * w.outW(wd);
      } else {
        DenseLayer d = (DenseLayer) l;
        int k = d.inFeatures();
        for (int r = 0; r < d.rows(); r++) {
          for (int n = 0; n < channels; n++) {
            for (int kk = 0; kk < k; kk++) {
              int code = x[r * k + kk];
              int a = signed ? (byte) code : code & 0xFF;
              sum[n] += error(tables[n], a, original[n * k + kk], used[n * k + kk], za);
            }
          }
        }
        positions += d.rows();
      }
    }
    for (int n = 0; n < channels; n++) {
      sum[n] /= positions;
    }
    return sum;
  }

  private static long error(ProductTable t, int a, int wo, int wu, int za) {
    return (long) t.product(a, wu) - (long) a * wo - (long) za * (wu - wo);
  }
}
