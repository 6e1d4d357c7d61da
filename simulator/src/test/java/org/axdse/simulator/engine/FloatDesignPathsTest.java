package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link FloatDesignFlow} (the integer table kernels over 16-bit product pieces, both pieces of a
 * convolution in one pass or one pass per piece, and the vectorized double loop) against its scalar reference, the loop they replaced, on every convolution and the
 * classifier of ResNet-20 with its real quantization and the real input codes of two CIFAR-10 images: the
 * accumulators agree bit for bit on 1 and 2 threads for exact and approximate designs of four formats.
 */
class FloatDesignPathsTest {
  private static final List<String> DESIGNS = List.of("e4m3_exact", "e4m3_lmul", "e3m4_trunc3", "e5m2_exact",
      "e2m3_exact_rne");

  @Test
  void everyResNet20LayerGivesTheScalarReferenceSumsOnEveryPath() {
    ResNet20Codes r = ResNet20Codes.of(2, 5L);
    Model m = r.model();
    QuantizedModel q = r.quantization();
    Map<String, byte[]> tensors = r.tensors();
    int batch = r.batch();
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    int pieced = 0;
    int compared = 0;
    try (Kernels one = Kernels.create(1, KernelMode.fromSystemProperty());
        Kernels two = Kernels.create(2, KernelMode.fromSystemProperty())) {
      List<ApproximableLayer> layers = m.approximableLayers();
      for (int i = 0; i < layers.size(); i++) {
        ApproximableLayer l = layers.get(i);
        byte[] in = tensors.get(l.input().name());
        for (String d : DESIGNS) {
          FloatDesignFlow flow = FloatDesignFlow.of(l, q.layer(i), catalog.byName(d));
          pieced += flow.tablePieces() > 0 ? 1 : 0;
          int[] want = run(flow.scalarReference(), l, in, batch, q.layer(i).input().zeroPoint(), one);
          for (FloatDesignFlow f : List.of(flow, flow.twoPass(), flow.doublePath())) {
            for (Kernels k : List.of(one, two)) {
              assertArrayEquals(want, run(f, l, in, batch, q.layer(i).input().zeroPoint(), k), l.name() + " " + d
                  + " pieces " + f.tablePieces() + ", " + k.parallelism() + " threads");
              compared++;
            }
          }
        }
      }
    }
    assertEquals(20 * DESIGNS.size() * 6, compared, "19 convolutions and the classifier, 3 paths, 2 thread counts");
    assertTrue(pieced > 0, "some layers run through the integer table kernels");
  }

  private static int[] run(FloatDesignFlow f, ApproximableLayer l, byte[] in, int batch, int zero, Kernels k) {
    if (l instanceof ConvLayer c) {
      ConvGeometry g = geometry(c);
      int[] acc = new int[c.outC() * batch * g.outHeight() * g.outWidth()];
      f.conv(g, batch, in, (byte) zero, acc, null, k);
      return acc;
    }
    DenseLayer d = (DenseLayer) l;
    ActivationPanel p = ActivationPanel.allocate(d.inFeatures(), batch);
    p.packColumns(in, 0);
    int[] acc = new int[d.outFeatures() * batch];
    f.gemm(p, acc, k);
    return acc;
  }

  /** The kernels' geometry of convolution {@code c}. */
  static ConvGeometry geometry(ConvLayer c) {
    var s = c.input().shape();
    var w = c.window();
    return new ConvGeometry(c.inC(), s.dim(1), s.dim(2), c.outC(), w.kH(), w.kW(), w.strideH(), w.strideW(),
        w.padTop(), w.padLeft(), w.padBottom(), w.padRight(), w.dilationH(), w.dilationW(), c.groups());
  }
}
