package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.BinaryOp;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.UnaryLayer;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.FixedPointMultiplier;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integer engine on the edge-CNN models of {@code src/test/resources/compat}: every Sigmoid, Tanh,
 * HardSigmoid, HardSwish, LeakyRelu/PRelu, Elu, Selu, Softplus, Erf, broadcast Add, Sub, Mul and Div, and every
 * nearest Resize, equals a scalar computation of its definition on the traced operand codes; 1 and 2 threads give identical logits under an approximate multiplier.
 */
class CompatEngineTest {
  static final Path DIR = Path.of("src/test/resources/compat");
  static final int IMAGES = 16;

  /**
   * One file per network (the opset-13 export; at opset 11 the imported layers are the same) and both spellings of
   * hardswish, in both quantization modes.
   */
  static Stream<Arguments> models() {
    return Stream.of("mbv3_op13", "mbv3_op14", "mbv2_op13", "effnet_op13", "shufflenet_op13", "acts_op13",
        "squeezenet_op13", "mish_op13", "upsample_op13", "upsize_op13", "arith_op13", "gelu_op13", "avgceil_op13")
        .flatMap(n -> Stream.of(Arguments.of(n, QuantMode.SYMMETRIC), Arguments.of(n, QuantMode.ASYMMETRIC)));
  }

  /** A compat model, {@link #IMAGES} seeded random images and the model quantized on them. */
  record Setup(Model m, Dataset data, QuantizedModel q) {
    static Setup of(String name, QuantMode mode, long seed, boolean perChannel) {
      Model m = OnnxImporter.load(DIR.resolve(name + ".onnx"));
      Dataset data = new TinyNets(seed).images(m, IMAGES, 10);
      return new Setup(m, data, TinyNets.quantize(m, data, TinyNets.config(mode, perChannel, 8), 10));
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void newLayersEqualTheirDefinitionsOnCodes(String name, QuantMode mode) {
    Setup setup = Setup.of(name, mode, 3, true);
    Model m = setup.m();
    Dataset data = setup.data();
    QuantizedModel q = setup.q();
    Map<String, int[]> codes = new HashMap<>();
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      s.trace(Assignment.allExact(), IntStream.range(0, IMAGES).toArray(),
          (tensor, c, batch, per, cm) -> codes.put(tensor, sampleMajor(m, q, tensor, c, batch, per, cm)));
    }
    int checked = 0;
    for (Layer l : m.layers()) {
      if (l instanceof UnaryLayer u) {
        checkUnary(u, q, codes);
        checked++;
      } else if (l instanceof BroadcastLayer b) {
        checkBroadcast(b, q, codes);
        checked++;
      } else if (l instanceof ResizeLayer r) {
        checkResize(r, q, codes);
        checked++;
      }
    }
    boolean hasNewOperators = !name.startsWith("mbv2") && !name.startsWith("shufflenet")
        && !name.startsWith("squeezenet") && !name.startsWith("avgceil");
    assertEquals(hasNewOperators, checked > 0, name + ": " + checked + " layers checked");
  }

  @ParameterizedTest
  @MethodSource("models")
  void oneAndTwoThreadsGiveIdenticalLogits(String name, QuantMode mode) {
    Setup setup = Setup.of(name, mode, 5, false);
    Model m = setup.m();
    Dataset data = setup.data();
    QuantizedModel q = setup.q();
    String mul = mode == QuantMode.SYMMETRIC ? "s8x8_trunc4" : "u8x8_trunc2";
    Assignment a = Assignment.uniform(m.approximableLayers().stream().map(Layer::name).toList(), mul);
    int[] all = IntStream.range(0, IMAGES).toArray();
    byte[] one;
    byte[] two;
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 1)) {
      one = s.logits(a, all);
    }
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      two = s.logits(a, all);
      assertTrue(!java.util.Arrays.equals(two, s.logits(Assignment.allExact(), all)),
          name + ": the approximate multiplier changes the logits, so the comparison means something");
    }
    assertArrayEquals(one, two, name);
  }

  /**
   * Every tensor of the int8 engine (exact multipliers) tracks the float executor's: mean absolute error at most
   * 4 quantization steps plus 3% of the largest float value, the bound {@link EngineFloatAgreementTest} sets for the
   * other layer kinds (correct 8-bit arithmetic stays within a few steps; a wrong zero point, layout or table puts
   * the error at the size of the values). The logits are the last tensor.
   */
  @ParameterizedTest
  @MethodSource("models")
  void int8TracksFloatOnEveryTensor(String name, QuantMode mode) {
    Setup setup = Setup.of(name, mode, 9, true);
    Model m = setup.m();
    Dataset data = setup.data();
    QuantizedModel q = setup.q();
    Map<String, float[]> reference = EngineFloatAgreementTest.floatTensors(m, q.preprocessing(), data);
    Map<String, Integer> seen = new HashMap<>();
    try (SimulationSession s = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2)) {
      s.trace(Assignment.allExact(), IntStream.range(0, IMAGES).toArray(), (tensor, c, batch, per, cm) -> {
        int[] v = sampleMajor(m, q, tensor, c, batch, per, cm);
        int first = seen.merge(tensor, batch, Integer::sum) - batch;
        QuantParams p = q.tensor(tensor);
        float[] ref = reference.get(tensor);
        double err = 0;
        double largest = 1e-9;
        for (int i = 0; i < batch * per; i++) {
          float f = EngineFloatAgreementTest.fusedClip(m, q, tensor, ref[first * per + i]);
          err += Math.abs(p.dequantize(v[i]) - f);
          largest = Math.max(largest, Math.abs(f));
        }
        double mean = err / (batch * per);
        assertTrue(mean <= 4 * p.scale() + 0.03 * largest, name + " " + mode + ": tensor " + tensor
            + " mean error " + mean + ", scale " + p.scale() + ", values up to " + largest);
      });
    }
    assertTrue(seen.containsKey(m.output().name()), "the logits were traced");
  }

  /** {@code q_out(f(deq_in(c)))}, with each function written out from the ONNX operator page. */
  private static void checkUnary(UnaryLayer u, QuantizedModel q, Map<String, int[]> codes) {
    QuantParams pi = q.tensor(u.input().name());
    QuantParams po = q.tensor(u.output().name());
    int[] in = codes.get(u.input().name());
    int[] out = codes.get(u.output().name());
    Shape s = u.input().shape();
    int per = s.size();
    int inner = u.alpha().length == 1 ? per : s.size(u.axis() + 1, s.rank());
    for (int i = 0; i < in.length; i++) {
      double x = pi.dequantize(in[i]);
      double alpha = u.alpha()[u.alpha().length == 1 ? 0 : (i % per) / inner % u.alpha().length];
      double y = switch (u.function()) {
        case SIGMOID -> 1 / (1 + Math.exp(-x));
        case TANH -> (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));
        case HARD_SIGMOID -> Math.max(0, Math.min(1, alpha * x + u.beta()));
        case HARD_SWISH -> x * Math.max(0, Math.min(6, x + 3)) / 6;
        case LEAKY_RELU -> x < 0 ? alpha * x : x;
        case ELU -> x < 0 ? alpha * (Math.exp(x) - 1) : x;
        case SELU -> u.beta() * (x <= 0 ? alpha * (Math.exp(x) - 1) : x);
        case SOFTPLUS -> Math.log(1 + Math.exp(x));
        case ERF -> erf(x);
      };
      int expected = po.quantize(y);
      if (expected != out[i]) {
        // written through exponentials, a function may differ from the engine's (Math.tanh, expm1, log1p) in the
        // last bit exactly at a rounding tie: then the output is one code away and the value sits on the tie
        double tie = (y / po.scale() + po.zeroPoint()) % 1;
        assertTrue(Math.abs(expected - out[i]) == 1 && Math.abs(Math.abs(tie) - 0.5) < 1e-9, u.name() + " element "
            + i + ": code " + in[i] + " gave " + out[i] + ", expected " + expected);
      }
    }
  }

  /** Nearest upsampling keeps the input's parameters and repeats each code: output (c, y, x) reads (c, y/sH, x/sW). */
  private static void checkResize(ResizeLayer r, QuantizedModel q, Map<String, int[]> codes) {
    assertEquals(q.tensor(r.input().name()), q.tensor(r.output().name()), r.name() + ": parameters");
    int[] in = codes.get(r.input().name());
    int[] out = codes.get(r.output().name());
    int c = r.input().shape().dim(0);
    int h = r.input().shape().dim(1);
    int w = r.input().shape().dim(2);
    int oh = h * r.scaleH();
    int ow = w * r.scaleW();
    for (int i = 0; i < out.length; i++) {
      int n = i / (c * oh * ow);
      int ch = i / (oh * ow) % c;
      int y = i / ow % oh;
      int x = i % ow;
      assertEquals(in[((n * c + ch) * h + y / r.scaleH()) * w + x / r.scaleW()], out[i], r.name() + " element " + i);
    }
  }

  /**
   * The error function written out independently of Commons Math: its Maclaurin series
   * {@code 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1))} below 3 (terms below 1e4, so about 1e-12 absolute), and
   * above, {@code 1 - erfc} with erfc's continued fraction
   * {@code e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))} (Abramowitz and Stegun 7.1.5, 7.1.14).
   */
  static double erf(double x) {
    double a = Math.abs(x);
    double r;
    if (a < 3) {
      double term = a;
      double sum = a;
      for (int n = 1; n < 200; n++) {
        term *= -a * a / n;
        sum += term / (2 * n + 1);
      }
      r = 2 / Math.sqrt(Math.PI) * sum;
    } else {
      double t = a;
      for (int k = 200; k >= 1; k--) {
        t = a + k / 2.0 / t;
      }
      r = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / t;
    }
    return Math.copySign(r, x);
  }

  /** TFLite's quantized Mul and Add on the codes, the second operand indexed by broadcasting its coordinates. */
  private static void checkBroadcast(BroadcastLayer b, QuantizedModel q, Map<String, int[]> codes) {
    TensorInfo ta = b.inputs().get(0);
    TensorInfo tb = b.inputs().get(1);
    QuantParams pa = q.tensor(ta.name());
    QuantParams pb = q.tensor(tb.name());
    QuantParams po = q.tensor(b.output().name());
    int[] a = codes.get(ta.name());
    int[] bb = codes.get(tb.name());
    int[] out = codes.get(b.output().name());
    int[] da = ta.shape().dims();
    int[] db = tb.shape().dims();
    int per = ta.shape().size();
    int perB = tb.shape().size();
    FixedPointMultiplier mul = FixedPointMultiplier.of(pa.scale() * pb.scale() / po.scale());
    double twiceMax = 2 * Math.max(pa.scale(), pb.scale());
    FixedPointMultiplier ma = FixedPointMultiplier.of(pa.scale() / twiceMax);
    FixedPointMultiplier mb = FixedPointMultiplier.of(pb.scale() / twiceMax);
    FixedPointMultiplier mo = FixedPointMultiplier.of(twiceMax / ((1 << 20) * po.scale()));
    for (int i = 0; i < a.length; i++) {
      int n = i / per;
      int rem = i % per;
      int j = 0;
      int stride = per;
      for (int d = 0; d < da.length; d++) {
        stride /= da[d];
        int coord = rem / stride % da[d];
        j = j * db[d] + (db[d] == 1 ? 0 : coord);
      }
      int x = a[i] - pa.zeroPoint();
      int y = bb[n * perB + j] - pb.zeroPoint();
      if (b.op() == BinaryOp.DIV) {
        checkQuotient(b, pa.dequantize(a[i]), pb.dequantize(bb[n * perB + j]), po, out[i], i);
        continue;
      }
      long code = switch (b.op()) {
        case MUL -> po.zeroPoint() + mul.apply(x * y);
        case ADD -> po.zeroPoint() + mo.apply(ma.apply(x << 20) + mb.apply(y << 20));
        default -> po.zeroPoint() + mo.apply(ma.apply(x << 20) - mb.apply(y << 20));
      };
      assertEquals(po.clamp(code), out[i], b.name() + " element " + i);
    }
  }

  /**
   * Div: the real quotient quantized, or for a divisor of real value 0 the top of the output range (positive
   * dividend), the bottom (negative) or the zero point (0 / 0). The quotient is computed here from dequantized
   * values, in another order than the engine's, so a value on a rounding tie may land one code away.
   */
  private static void checkQuotient(BroadcastLayer b, double x, double y, QuantParams po, int out, int i) {
    if (y == 0) {
      assertEquals(x > 0 ? po.qmax() : x < 0 ? po.qmin() : po.zeroPoint(), out, b.name() + " element " + i + " / 0");
      return;
    }
    double v = x / y;
    int expected = po.quantize(v);
    if (expected != out) {
      double tie = (v / po.scale() + po.zeroPoint()) % 1;
      assertTrue(Math.abs(expected - out) == 1 && Math.abs(Math.abs(tie) - 0.5) < 1e-9, b.name() + " element " + i
          + ": " + x + " / " + y + " gave code " + out + ", expected " + expected);
    }
  }

  /** The traced codes as signed or unsigned values in sample-major order. */
  private static int[] sampleMajor(Model m, QuantizedModel q, String tensor, byte[] c, int batch, int per,
      boolean cm) {
    boolean signed = q.tensor(tensor).signed();
    int dim0 = shape(m, tensor).dim(0);
    int rest = per / dim0;
    int[] v = new int[batch * per];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < per; i++) {
        int idx = cm ? ((i / rest) * batch + b) * rest + i % rest : b * per + i;
        v[b * per + i] = signed ? c[idx] : c[idx] & 0xFF;
      }
    }
    return v;
  }

  private static Shape shape(Model m, String tensor) {
    if (m.input().name().equals(tensor)) {
      return m.input().shape();
    }
    return m.layers().stream().filter(l -> l.output().name().equals(tensor)).findFirst().orElseThrow().output()
        .shape();
  }
}
