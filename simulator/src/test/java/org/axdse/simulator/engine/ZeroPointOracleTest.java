package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.axdse.multipliers.library.BuiltinLibrary;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Asymmetric layers through an approximate unsigned table against a scalar reference written here from the
 * formula (TFApprox semantics: only the code product is looked up, the zero-point cross terms are exact):
 *
 * <pre>
 *   acc  = sum_k T[a_k][w_k] - zw * sum_k a_k - za * sum_k w_k + K * za * zw + bias
 *   code = clamp(zo + round(acc * M), 0, 255)
 * </pre>
 *
 * with padded taps reading the activation zero point. A peer tool got the 1x1 case wrong; the depthwise and dense
 * cases are checked the same way, per tensor and per channel, at 8 and 4 weight bits.
 */
class ZeroPointOracleTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"pointwise,8,false", "pointwise,8,true", "depthwise,8,true", "depthwise,4,false", "dense,8,false",
      "dense,4,true", "strided,8,true"})
  void layerMatchesTheScalarFormula(String kind, int bits, boolean perChannel) {
    TinyNets t = new TinyNets(11);
    Model m = switch (kind) {
      case "pointwise" -> TinyNets.build(dir, kind, new int[] {6, 5, 5}, b -> b.conv("conv", "x",
          t.random(7 * 6, 0.5), new int[] {7, 6, 1, 1}, t.random(7, 0.3), new int[] {1, 1}, new int[] {0, 0, 0, 0},
          new int[] {1, 1}, 1));
      case "depthwise" -> TinyNets.build(dir, kind, new int[] {4, 6, 6}, b -> b.conv("conv", "x",
          t.random(4 * 9, 0.5), new int[] {4, 1, 3, 3}, t.random(4, 0.3), new int[] {1, 1}, new int[] {1, 1, 1, 1},
          new int[] {1, 1}, 4));
      case "strided" -> TinyNets.build(dir, kind, new int[] {4, 7, 7}, b -> b.conv("conv", "x",
          t.random(6 * 2 * 9, 0.5), new int[] {6, 2, 3, 3}, t.random(6, 0.3), new int[] {2, 2},
          new int[] {1, 0, 2, 1}, new int[] {1, 1}, 2));
      default -> TinyNets.build(dir, kind, new int[] {3, 4, 4}, b -> b.gemm("conv", b.flatten("fl", "x", 1),
          t.random(5 * 48, 0.3), new int[] {5, 48}, t.random(5, 0.3), 1f, 1f, true));
    };
    Dataset data = t.images(m, 16, 5);
    QuantizedModel q = TinyNets.quantize(m, data, TinyNets.config(QuantMode.ASYMMETRIC, perChannel, bits), 5);
    ApproximableLayer layer = m.approximableLayers().get(0);
    String multiplier = "u8x" + bits + "_trunc" + (bits == 8 ? 6 : 4);
    ProductTable table = BuiltinLibrary.byName(multiplier).orElseThrow().table();
    Map<String, byte[]> seen = new HashMap<>();
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      int[] all = IntStream.range(0, data.size()).toArray();
      s.trace(Assignment.uniform(java.util.List.of(layer.name()), multiplier), all,
          (tensor, codes, batch, per, cm) -> {
            if (batch == data.size()) {
              seen.put(tensor, channelMajorToSampleMajor(codes, batch, per, cm ? channels(m, tensor) : 1));
            }
          });
      byte[] in = seen.get(layer.input().name());
      byte[] out = seen.get(layer.output().name());
      byte[] expected = reference(layer, q.layer(0), table, bits, in, data.size());
      assertArrayEquals(expected, out, kind + ": integer engine differs from the formula");
      byte[] exact = s.logits(Assignment.allExact(), all);
      assertNotEquals(java.util.Arrays.toString(exact), java.util.Arrays.toString(out),
          "the approximate table must change some output, or the test proves nothing");
    }
  }

  private static int channels(Model m, String tensor) {
    return m.layers().stream().filter(l -> l.output().name().equals(tensor)).findFirst()
        .map(l -> l.output().shape().dim(0)).orElse(m.input().shape().dim(0));
  }

  static byte[] channelMajorToSampleMajor(byte[] codes, int batch, int per, int d0) {
    byte[] out = new byte[batch * per];
    int rest = per / d0;
    for (int c = 0; c < d0; c++) {
      for (int b = 0; b < batch; b++) {
        System.arraycopy(codes, (c * batch + b) * rest, out, b * per + c * rest, rest);
      }
    }
    return out;
  }

  /** The formula of the class comment, one output at a time. */
  static byte[] reference(ApproximableLayer layer, LayerQuantization q, ProductTable table, int bits, byte[] in,
      int batch) {
    QuantParams pi = q.input();
    QuantParams po = q.output();
    int za = pi.zeroPoint();
    int inPer = layer.input().shape().size();
    int outPer = layer.output().shape().size();
    byte[] out = new byte[batch * outPer];
    if (layer instanceof DenseLayer d) {
      int k = d.inFeatures();
      for (int b = 0; b < batch; b++) {
        for (int n = 0; n < d.outFeatures(); n++) {
          long raw = 0;
          long sumA = 0;
          long sumW = 0;
          for (int i = 0; i < k; i++) {
            int a = in[b * inPer + i] & 0xFF;
            int w = q.weights().code(n * k + i);
            raw += table.atIndex((a << bits) | w);
            sumA += a;
            sumW += w;
          }
          int zw = q.weights().paramsOf(n * k).zeroPoint();
          long acc = raw - zw * sumA - za * sumW + (long) k * za * zw + q.bias()[n];
          out[b * outPer + n] = (byte) po.clamp(po.zeroPoint() + q.requant().get(n).apply((int) acc));
        }
      }
      return out;
    }
    ConvLayer c = (ConvLayer) layer;
    var win = c.window();
    int h = c.input().shape().dim(1);
    int w = c.input().shape().dim(2);
    int oh = c.output().shape().dim(1);
    int ow = c.output().shape().dim(2);
    int cinG = c.inC() / c.groups();
    int coutG = c.outC() / c.groups();
    int k = c.fanIn();
    for (int b = 0; b < batch; b++) {
      for (int n = 0; n < c.outC(); n++) {
        int g = n / coutG;
        int zw = q.weights().paramsOf(n * k).zeroPoint();
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            long raw = 0;
            long sumA = 0;
            long sumW = 0;
            for (int ci = 0; ci < cinG; ci++) {
              for (int ky = 0; ky < win.kH(); ky++) {
                for (int kx = 0; kx < win.kW(); kx++) {
                  int y = oy * win.strideH() - win.padTop() + ky * win.dilationH();
                  int x = ox * win.strideW() - win.padLeft() + kx * win.dilationW();
                  int ch = g * cinG + ci;
                  int a = y < 0 || y >= h || x < 0 || x >= w ? za : in[b * inPer + (ch * h + y) * w + x] & 0xFF;
                  int wc = q.weights().code(n * k + (ci * win.kH() + ky) * win.kW() + kx);
                  raw += table.atIndex((a << bits) | wc);
                  sumA += a;
                  sumW += wc;
                }
              }
            }
            long acc = raw - zw * sumA - za * sumW + (long) k * za * zw + q.bias()[n];
            assertTrue(Math.abs(acc) < Integer.MAX_VALUE);
            out[b * outPer + (n * oh + oy) * ow + ox] =
                (byte) po.clamp(po.zeroPoint() + q.requant().get(n).apply((int) acc));
          }
        }
      }
    }
    return out;
  }
}
