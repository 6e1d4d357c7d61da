package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.InputCodes;
import org.axdse.simulator.engine.IntegerEngine;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * Every convolution of the CIFAR-10 ResNet-20 with its real quantized weights and the real activation codes of one
 * test image: the vector kernels on 1 and 2 threads equal the scalar kernel for one design of every family of the
 * built-in library (exact, truncated with and without correction, broken-array, perforated, DRUM, Mitchell, AMA,
 * Wallace), a random 16-bit table and a table wider than 16 bits, with the bilinear path off, on (every bilinear
 * design) and automatic. An IT: the calibration and the scalar runs take
 * about 10 s on an idle machine.
 */
class RealLayersIT {
  private static final List<String> DESIGNS = List.of("s8x8_exact_bw", "s8x8_trunc6", "s8x8_trunc8_cc",
      "s8x8_trunc10_vc", "s8x8_bam_h2v8", "s8x8_perf_r0r1", "s8x8_drum4", "s8x8_mitchell", "s8x8_ama3_c6",
      "s8x8_wallace");

  @Test
  void everyResNet20ConvolutionMatchesTheScalarKernelForEveryFamily() {
    Model m = OnnxImporter.load(TestData.resnet20());
    Preprocessing pre = Preprocessing.load(Path.of("src/test/resources/resnet20.preprocess.json"));
    Dataset calib = DatasetSpec.parse("cifar10:" + TestData.cifarDir()).load(Split.TRAIN).subset(8, 1L);
    Dataset test = DatasetSpec.parse("cifar10:" + TestData.cifarDir()).load(Split.TEST).subset(1, 5L);
    QuantConfig config = QuantConfig.defaults(QuantMode.SYMMETRIC).withPerChannel(true)
        .withCalibration(8, CalibrationMethod.MINMAX);
    Map<String, byte[]> tensors = new HashMap<>();
    QuantizedModel q;
    int batch = test.size();
    try (Kernels scalar = Kernels.create(1, KernelMode.SCALAR)) {
      q = Calibration.run(m, pre, calib, config, scalar);
      byte[] codes = InputCodes.of(test, pre, q.tensor(m.input().name()));
      IntegerEngine engine = new IntegerEngine(m, q, scalar, batch);
      engine.runExact(codes, 0, batch, (name, c, b, per, channelMajor) -> tensors.put(name, c.clone()));
    }
    MultiplierFormat f = MultiplierFormat.signed8x8();
    Random r = new Random(8);
    List<ProductTable> tables = new ArrayList<>();
    MultiplierCatalog catalog = MultiplierCatalog.builtin();
    for (String d : DESIGNS) {
      tables.add(catalog.byName(d).table());
    }
    tables.add(Reference.random(r, f, false));
    tables.add(Reference.random(r, f, true));
    int convs = 0;
    try (Kernels s1 = Kernels.create(1, KernelMode.SCALAR);
        Kernels v1 = Kernels.createUnchecked(1, KernelMode.VECTOR, BilinearPolicy.OFF);
        Kernels v2 = Kernels.createUnchecked(2, KernelMode.VECTOR, BilinearPolicy.OFF);
        Kernels b1 = Kernels.createUnchecked(1, KernelMode.VECTOR, BilinearPolicy.ON);
        Kernels b2 = Kernels.createUnchecked(2, KernelMode.VECTOR, BilinearPolicy.ON);
        Kernels a2 = Kernels.createUnchecked(2, KernelMode.VECTOR, BilinearPolicy.AUTO);
        Kernels n1 = Kernels.createUnchecked(1, KernelMode.NATIVE, BilinearPolicy.ON);
        Kernels n2 = Kernels.createUnchecked(2, KernelMode.NATIVE, BilinearPolicy.AUTO)) {
      int index = 0;
      for (Layer l : m.layers()) {
        if (!l.approximable()) {
          continue;
        }
        LayerQuantization lq = q.layer(index++);
        if (!(l instanceof ConvLayer c)) {
          continue;
        }
        convs++;
        ConvGeometry g = geometry(c);
        byte[] in = tensors.get(c.input().name());
        WeightMatrix w = weights(lq, c.outC(), f);
        byte pad = (byte) lq.input().zeroPoint();
        int size = g.outChannels() * batch * g.outHeight() * g.outWidth();
        for (ProductTable t : tables) {
          RowTables rt = RowTables.ofLayer(LookupTable.of(t), g.outChannels());
          int[] expected = new int[size];
          s1.conv(g, batch, in, pad, w, rt, expected, null);
          for (Kernels k : List.of(v1, v2, b1, b2, a2, n1, n2)) {
            int[] out = new int[size];
            k.conv(g, batch, in, pad, w, rt, out, null);
            assertArrayEquals(expected, out, c.name() + " " + g + " " + k.mode() + " " + k.parallelism()
                + " threads, bilinear " + k.bilinear());
          }
        }
      }
    }
    assertEquals(19, convs, "ResNet-20 has 19 convolutions");
    for (String d : List.of("s8x8_trunc6", "s8x8_trunc8_cc", "s8x8_bam_h2v8", "s8x8_perf_r0r1")) {
      assertNotNull(LookupTable.of(catalog.byName(d).table()).bilinear(), d + " is bilinear: the ON runs use it");
    }
  }

  private static ConvGeometry geometry(ConvLayer l) {
    var s = l.input().shape();
    var win = l.window();
    return new ConvGeometry(l.inC(), s.dim(1), s.dim(2), l.outC(), win.kH(), win.kW(), win.strideH(),
        win.strideW(), win.padTop(), win.padLeft(), win.padBottom(), win.padRight(), win.dilationH(),
        win.dilationW(), l.groups());
  }

  private static WeightMatrix weights(LayerQuantization q, int rows, MultiplierFormat f) {
    int n = q.weights().channels() * q.weights().perChannel();
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = q.weights().code(i);
    }
    return WeightMatrix.ofValues(f, rows, n / rows, values);
  }
}
