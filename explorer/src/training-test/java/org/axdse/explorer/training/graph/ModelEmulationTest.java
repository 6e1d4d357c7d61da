package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.EmulationCheck;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.errormodel.PositionErrors;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * {@code --emulation model} on the bundled LeNet-5 with a truncated multiplier: averaged over the calibration images,
 * the modelled error of the first convolution is the simulator's {@link ErrorModel} channel mean; over many steps
 * the noise added to a convolution's and a dense layer's outputs has, per channel, the mean and variance computed
 * here by brute force from the {@link PositionErrors} (tolerance from the sample size); the draws repeat for their
 * key and change with it; with exact multipliers the fake-quantized forward pass is at least twice as near the
 * simulator's int8 logits as the float forward pass; and an approximate LSTM is refused.
 */
class ModelEmulationTest {
  static final String MULTIPLIER = "s8x8_trunc6";

  private static Model lenet() {
    return OnnxImporter.load(GraphFixtures.repo("models/lenet5.onnx"));
  }

  private static QuantizedModel calibrate(Model model, Path file, Dataset calibration) {
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      return Calibration.run(model, Preprocessing.requiredFor(file), calibration,
          QuantConfig.defaults(QuantMode.SYMMETRIC), k);
    }
  }

  /** LeNet-5 calibrated on 50 images, {@link #MULTIPLIER} on every layer. */
  record Truncated(Model model, Preprocessing pre, Dataset calibration, QuantizedModel q, Assignment a) {
    static Truncated lenet() {
      Path file = GraphFixtures.repo("models/lenet5.onnx");
      Model model = OnnxImporter.load(file);
      Dataset calibration = GraphRetrainingTest.images(100, 50);
      return new Truncated(model, Preprocessing.requiredFor(file), calibration, calibrate(model, file, calibration),
          Assignment.uniform(model.approximableLayers().stream().map(l -> l.name()).toList(), MULTIPLIER));
    }
  }

  @Test
  void meanOverTheCalibrationImagesIsTheErrorModelsChannelMean() {
    Truncated t = Truncated.lenet();
    Model model = t.model();
    QuantizedModel q = t.q();
    ChannelMoments expected;
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      expected = ErrorModel.open(model, q, MultiplierCatalog.builtin(), t.calibration(), k, false)
          .predict(t.a()).get(0).channels();
    }
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32);
        GraphRetraining ste = new GraphRetraining(net, q, t.a(), MultiplierCatalog.builtin(), t.pre(), 1)) {
      ModelEmulation e = ModelEmulation.open(net, q, t.a(), MultiplierCatalog.builtin(), t.calibration(), 1, 7);
      NDArray x = FakeQuant.apply(ste.input(m, t.calibration()), q.tensor(model.input().name()));
      float[] mean = e.moments(m, model.approximableLayers().get(0), x)[0].toFloatArray();
      int channels = expected.channels();
      int per = mean.length / t.calibration().size() / channels;
      for (int c = 0; c < channels; c++) {
        double sum = 0;
        for (int s = 0; s < t.calibration().size(); s++) {
          for (int i = 0; i < per; i++) {
            sum += mean[(s * channels + c) * per + i];
          }
        }
        // the same products and activation codes, grouped differently: equal up to float32 sums
        double got = sum / (t.calibration().size() * per);
        assertTrue(Math.abs(got - expected.mean(c)) <= 1e-3 * Math.abs(expected.mean(c)) + 1e-3, "channel " + c
            + ": " + got + " against the error model's " + expected.mean(c));
        assertTrue(Math.abs(expected.mean(c)) > 1, "the design should bias channel " + c);
      }
    }
  }

  @Test
  void noiseHasTheModelledMeanAndVarianceOfEveryOutput() {
    Truncated t = Truncated.lenet();
    Model model = t.model();
    QuantizedModel q = t.q();
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32);
        GraphRetraining ste = new GraphRetraining(net, q, t.a(), MultiplierCatalog.builtin(), t.pre(), 1)) {
      ModelEmulation e = ModelEmulation.open(net, q, t.a(), MultiplierCatalog.builtin(), t.calibration(), 1, 7);
      QuantizedModel now = e.quantization();
      // conv_0 on four real images; fc_7 on an input with a random half of its values zero
      NDArray image = FakeQuant.apply(ste.input(m, GraphRetrainingTest.images(0, 4)), q.tensor(model.input().name()));
      java.util.Random random = new java.util.Random(3);
      int features = e.errors(2).reduction();
      float[] dense = new float[16 * features];
      for (int i = 0; i < dense.length; i++) {
        dense[i] = random.nextBoolean() ? 0 : 0.5f + random.nextInt(8);
      }
      for (int index : new int[] {0, 2}) {
        ApproximableLayer layer = model.approximableLayers().get(index);
        NDArray x = index == 0 ? image : m.create(dense, new Shape(16, features));
        PositionErrors p = e.errors(index);
        double[][] brute = bruteForce(layer, p, x);
        LayerQuantization l = now.layer(index);
        int channels = p.channels();
        int size = brute[0].length;
        int per = index == 0 ? size / 4 / channels : 1;
        int[] dims = layer.output().shape().dims();
        long[] shape = new long[dims.length + 1];
        shape[0] = index == 0 ? 4 : 16;
        for (int d = 0; d < dims.length; d++) {
          shape[d + 1] = dims[d];
        }
        double[] sum = new double[size];
        double[] squares = new double[size];
        int steps = 60;
        for (int step = 0; step < steps; step++) {
          try (NDManager s = m.newSubManager()) {
            float[] v = e.withNoise(s, now, layer, x, s.zeros(new Shape(shape)), step).toFloatArray();
            for (int i = 0; i < size; i++) {
              sum[i] += v[i];
              squares[i] += (double) v[i] * v[i];
            }
          }
        }
        for (int c = 0; c < channels; c++) {
          double scale = l.input().scale() * l.weights().params().get(l.weights().channels() == 1 ? 0 : c).scale();
          double meanSum = 0;
          double modelMean = 0;
          double varSum = 0;
          double modelVar = 0;
          double varSquares = 0;
          int count = 0;
          for (int i = 0; i < size; i++) {
            if ((i / per) % channels != c) {
              continue;
            }
            double mu = brute[0][i] * scale;
            double var = brute[1][i] * scale * scale;
            double mean = sum[i] / steps;
            meanSum += mean;
            modelMean += mu;
            varSum += (squares[i] - steps * mean * mean) / (steps - 1);
            modelVar += var;
            varSquares += var * var;
            count++;
          }
          // five standard errors: of the mean of count * steps draws, and of the average of count sample
          // variances of steps Gaussian draws each (var * sqrt(2 / (steps - 1)) apiece)
          double meanTol = 5 * Math.sqrt(modelVar / count / (count * (double) steps)) + 1e-4 * Math.abs(modelMean
              / count) + 1e-7;
          double varTol = 5 * Math.sqrt(2.0 / (steps - 1)) * Math.sqrt(varSquares) / count + 1e-4 * modelVar / count
              + 1e-12;
          assertTrue(Math.abs(meanSum / count - modelMean / count) <= meanTol, layer.name() + " channel " + c
              + ": mean " + meanSum / count + ", modelled " + modelMean / count + " +- " + meanTol);
          assertTrue(Math.abs(varSum / count - modelVar / count) <= varTol, layer.name() + " channel " + c
              + ": variance " + varSum / count + ", modelled " + modelVar / count + " +- " + varTol);
          assertTrue(modelVar > 0, layer.name() + " channel " + c + " should have an error");
        }
      }
    }
  }

  /**
   * Per output of {@code layer} (batch-first, ONNX order), its modelled accumulator error mean and variance from
   * {@code p} by the definition: the sum over the positions of {@code mean} or {@code variance} where the input is
   * not zero, {@code zero} (and no variance) where it is zero or padding. Convolutions without groups.
   */
  static double[][] bruteForce(ApproximableLayer layer, PositionErrors p, NDArray input) {
    float[] x = input.toFloatArray();
    int n = (int) input.getShape().get(0);
    int k = p.reduction();
    if (layer instanceof org.axdse.simulator.model.DenseLayer) {
      double[][] out = new double[2][n * p.channels()];
      for (int s = 0; s < n; s++) {
        for (int o = 0; o < p.channels(); o++) {
          for (int kk = 0; kk < k; kk++) {
            boolean nonZero = x[s * k + kk] != 0;
            out[0][s * p.channels() + o] += nonZero ? p.mean()[o * k + kk] : p.zero()[o * k + kk];
            out[1][s * p.channels() + o] += nonZero ? p.variance()[o * k + kk] : 0;
          }
        }
      }
      return out;
    }
    org.axdse.simulator.model.ConvLayer c = (org.axdse.simulator.model.ConvLayer) layer;
    var w = c.window();
    int[] in = c.input().shape().dims();
    int[] o = c.output().shape().dims();
    double[][] out = new double[2][n * o[0] * o[1] * o[2]];
    for (int s = 0; s < n; s++) {
      for (int ch = 0; ch < o[0]; ch++) {
        for (int oy = 0; oy < o[1]; oy++) {
          for (int ox = 0; ox < o[2]; ox++) {
            int dst = ((s * o[0] + ch) * o[1] + oy) * o[2] + ox;
            for (int ci = 0; ci < in[0]; ci++) {
              for (int ky = 0; ky < w.kH(); ky++) {
                for (int kx = 0; kx < w.kW(); kx++) {
                  int iy = oy * w.strideH() - w.padTop() + ky * w.dilationH();
                  int ix = ox * w.strideW() - w.padLeft() + kx * w.dilationW();
                  boolean inside = iy >= 0 && iy < in[1] && ix >= 0 && ix < in[2];
                  boolean nonZero = inside && x[((s * in[0] + ci) * in[1] + iy) * in[2] + ix] != 0;
                  int pos = ch * k + (ci * w.kH() + ky) * w.kW() + kx;
                  out[0][dst] += nonZero ? p.mean()[pos] : p.zero()[pos];
                  out[1][dst] += nonZero ? p.variance()[pos] : 0;
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void drawsRepeatForTheirKeyAndChangeWithIt() {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(3, 2, 4, 4);
      float[] a = ChannelNoise.standardNormal(m, shape, 5, 10, 1).toFloatArray();
      assertArrayEquals(a, ChannelNoise.standardNormal(m, shape, 5, 10, 1).toFloatArray(), "the same key");
      assertFalse(java.util.Arrays.equals(a, ChannelNoise.standardNormal(m, shape, 5, 11, 1).toFloatArray()),
          "next step");
      assertFalse(java.util.Arrays.equals(a, ChannelNoise.standardNormal(m, shape, 5, 10, 2).toFloatArray()),
          "other layer");
      assertFalse(java.util.Arrays.equals(a, ChannelNoise.standardNormal(m, shape, 6, 10, 1).toFloatArray()),
          "other seed");
    }
  }

  @Test
  void exactMultipliersGiveNearlyTheSimulatorsLogits() {
    Path file = GraphFixtures.repo("models/lenet5.onnx");
    Model model = lenet();
    Preprocessing pre = Preprocessing.requiredFor(file);
    Dataset calibration = GraphRetrainingTest.images(100, 50);
    QuantizedModel q = calibrate(model, file, calibration);
    Assignment exact = Assignment.allExact();
    Dataset batch = GraphRetrainingTest.images(0, 64);
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32);
        GraphRetraining ste = new GraphRetraining(net, q, exact, MultiplierCatalog.builtin(), pre, 1)) {
      ModelEmulation e = ModelEmulation.open(net, q, exact, MultiplierCatalog.builtin(), calibration, 1, 1);
      assertTrue(e.noisyLayers() == 0, "an exact multiplier has no error");
      float[] simulated = ste.simulate(batch).logits();
      float[] emulated;
      float[] plain;
      try (NDManager s = m.newSubManager()) {
        emulated = e.forward(s, ste.input(s, batch), 0).toType(DataType.FLOAT32, false).toFloatArray();
        plain = net.forward(ste.input(s, batch), net.logitsTensor(), java.util.Map.of())
            .toType(DataType.FLOAT32, false).toFloatArray();
      }
      double emu = 0;
      double flt = 0;
      for (int i = 0; i < simulated.length; i++) {
        emu += Math.abs(emulated[i] - simulated[i]);
        flt += Math.abs(plain[i] - simulated[i]);
      }
      assertTrue(flt > 0, "quantization moves the logits");
      assertTrue(emu < 0.5 * flt, "mean |emulated - int8| " + emu / simulated.length + " against mean |float - "
          + "int8| " + flt / simulated.length);
    }
  }

  @Test
  void anApproximateLstmIsRefusedAnExactOneIsNot() {
    Model model = OnnxImporter.load(GraphFixtures.repo("models/lstm.onnx"));
    QuantConfig config = QuantConfig.defaults(QuantMode.SYMMETRIC);
    List<String> names = model.approximableLayers().stream().map(l -> l.name()).toList();
    String lstm = model.approximableLayers().stream().filter(l -> !ErrorModel.describable(l)).findFirst()
        .orElseThrow().name();
    BadInputException error = assertThrows(BadInputException.class, () -> EmulationCheck.refuseUndescribable(
        RetrainSettings.Emulation.MODEL, model, Assignment.uniform(names, MULTIPLIER), MultiplierCatalog.builtin(),
        config));
    assertTrue(error.getMessage().contains("'" + lstm + "'") && !error.getMessage().contains("\n"),
        error.getMessage());
    List<String> others = names.stream().filter(n -> !n.equals(lstm)).toList();
    assertDoesNotThrow(() -> EmulationCheck.refuseUndescribable(RetrainSettings.Emulation.MODEL, model,
        Assignment.uniform(others, MULTIPLIER), MultiplierCatalog.builtin(), config));
    assertDoesNotThrow(() -> EmulationCheck.refuseUndescribable(RetrainSettings.Emulation.TABLE, model,
        Assignment.uniform(names, MULTIPLIER), MultiplierCatalog.builtin(), config));
  }
}
