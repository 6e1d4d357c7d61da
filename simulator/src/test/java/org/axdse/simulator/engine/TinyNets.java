package org.axdse.simulator.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxGraphBuilder;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;

/** Small models written with {@link OnnxGraphBuilder}, random image sets, and quantization shortcuts for tests. */
public final class TinyNets {
  final Random rnd;

  public TinyNets(long seed) {
    rnd = new Random(seed);
  }

  public float[] random(int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rnd.nextGaussian() * scale);
    }
    return v;
  }

  public static Model build(Path dir, String name, int[] inputDims, Function<OnnxGraphBuilder, String> body) {
    OnnxGraphBuilder b = OnnxGraphBuilder.create(name);
    b.input("x", inputDims);
    b.output(body.apply(b));
    Path file = dir.resolve(name + ".onnx");
    b.write(file);
    return OnnxImporter.load(file);
  }

  /**
   * x[3,8,8] -> conv3x3+ReLU -> depthwise3x3+ReLU6 -> conv1x1 -> Add(residual)+ReLU -> BN (standalone affine)
   * -> MaxPool and AveragePool branches -> Slice/Pad/Concat -> Transpose -> GlobalAveragePool -> Flatten -> Gemm
   * (5 classes) -> Softmax: every layer kind of a CNN.
   */
  public Model cnn(Path dir) {
    return build(dir, "cnn", new int[] {3, 8, 8}, b -> {
      String c1 = b.relu("r1", b.conv("c1", "x", random(8 * 3 * 9, 0.3), new int[] {8, 3, 3, 3}, random(8, 0.1),
          new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1));
      String dw = b.clip("r2", b.conv("dw", c1, random(8 * 9, 0.4), new int[] {8, 1, 3, 3}, random(8, 0.1),
          new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 8), 0f, 6f);
      String pw = b.conv("pw", dw, random(8 * 8, 0.4), new int[] {8, 8, 1, 1}, random(8, 0.1), new int[] {1, 1},
          new int[] {0, 0, 0, 0}, new int[] {1, 1}, 1);
      String sum = b.relu("r3", b.add("add", pw, c1));
      String bn = b.batchNormalization("bn", sum, random(8, 0.5), random(8, 0.2), random(8, 0.1),
          new float[] {1, 2, 1, 0.5f, 1, 1, 3, 1}, 1e-5f);
      String mp = b.maxPool("mp", bn, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0, 0, 0});
      String ap = b.averagePool("ap", mp, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1, 1, 1}, false);
      String sl = b.slice("sl", ap, new long[] {0}, new long[] {8}, new long[] {1}, new long[] {2});
      String pd = b.pad("pd", sl, new long[] {0, 0, 0, 0, 0, 2, 0, 0}, 0f);
      String cat = b.concat("cat", 1, pd, mp);
      String tr = b.transpose("tr", cat, 0, 1, 3, 2);
      String gap = b.flatten("fl", b.globalAveragePool("gap", tr), 1);
      String fc = b.gemm("fc", gap, random(5 * 14, 0.5), new int[] {5, 14}, random(5, 0.1), 1f, 1f, true);
      return b.softmax("sm", fc, 1);
    });
  }

  /** x[T=5, I=4] -> LSTM (hidden 6) -> last state -> Gemm (3 classes). */
  public Model lstm(Path dir) {
    int h = 6;
    int in = 4;
    return build(dir, "lstm", new int[] {5, in}, b -> {
      String seq = b.transpose("tm", "x", 1, 0, 2);
      String[] outs = b.lstm("lstm", seq, random(4 * h * in, 0.5), random(4 * h * h, 0.5), random(8 * h, 0.2), h);
      String last = b.squeeze("last", outs[1], 0);
      return b.gemm("fc", last, random(3 * h, 0.5), new int[] {3, h}, random(3, 0.1), 1f, 1f, true);
    });
  }

  /** x[T=5, I=4] -> GRU (hidden 6) -> last state -> Gemm (3 classes). */
  public Model gru(Path dir, boolean linearBeforeReset) {
    int h = 6;
    int in = 4;
    return build(dir, "gru" + linearBeforeReset, new int[] {5, in}, b -> {
      String seq = b.transpose("tm", "x", 1, 0, 2);
      String[] outs = b.gru("gru", seq, random(3 * h * in, 0.5), random(3 * h * h, 0.5), random(6 * h, 0.2), h,
          linearBeforeReset);
      String last = b.squeeze("last", outs[1], 0);
      return b.gemm("fc", last, random(3 * h, 0.5), new int[] {3, h}, random(3, 0.1), 1f, 1f, true);
    });
  }

  /** {@code n} random images shaped like the model input ([C,H,W] or [H,W]) with labels below {@code classes}. */
  public Dataset images(Model m, int n, int classes) {
    int[] d = m.input().shape().dims();
    int c = d.length == 3 ? d[0] : 1;
    int h = d[d.length - 2];
    int w = d[d.length - 1];
    byte[] px = new byte[n * c * h * w];
    rnd.nextBytes(px);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rnd.nextInt(classes);
    }
    return Dataset.of("random", "test", c, h, w, px, labels, Dataset.numberedClasses(classes));
  }

  public static Preprocessing preprocessing(Model m, int classes) {
    int[] d = m.input().shape().dims();
    return new Preprocessing(d.length == 3 ? Preprocessing.Layout.NCHW : Preprocessing.Layout.HW, d, 1 / 255.0,
        new double[] {0.5}, new double[] {0.25}, classes, List.of());
  }

  public static QuantConfig config(QuantMode mode, boolean perChannel, int bits) {
    return QuantConfig.defaults(mode).withPerChannel(perChannel).withWeightBits(bits)
        .withCalibration(64, CalibrationMethod.MINMAX);
  }

  public static QuantizedModel quantize(Model m, Dataset calib, QuantConfig config, int classes) {
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      return Calibration.run(m, preprocessing(m, classes), calib, config, k);
    }
  }

  public static SimulationSession session(Model m, QuantizedModel q, Dataset eval, MultiplierCatalog catalog,
      int threads) {
    return SimulationSession.open(m, q, eval, catalog, SessionOptions.defaults().withThreads(threads)
        .withBatchSize(16).withFloatReference(false));
  }
}
