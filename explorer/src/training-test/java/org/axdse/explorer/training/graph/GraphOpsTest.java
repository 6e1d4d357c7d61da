package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axdse.simulator.model.AddLayer;
import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.BinaryOp;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.ConcatLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.PoolKind;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.SoftmaxLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.TransposeLayer;
import org.axdse.simulator.model.UnaryFunction;
import org.axdse.simulator.model.UnaryLayer;
import org.axdse.simulator.model.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer kind of the imported model representation, each in a small model of its own: the built
 * {@link GraphNet} (float32) gives the float executor's outputs within 1e-5, and its autograd gradients (float64) of
 * {@code sum(output * R)} for a fixed random {@code R}, with respect to the input and to every trainable array,
 * agree with central finite differences of the same float64 graph at 12 random coordinates each.
 */
class GraphOpsTest {
  static final int BATCH = 2;

  static Stream<Arguments> ops() {
    TensorInfo img = new TensorInfo("x", Shape.of(4, 6, 6));
    TensorInfo seq = new TensorInfo("x", Shape.of(5, 3));
    return Stream.of(
        op("conv padded strided", img, x -> new ConvLayer("conv", Ports.of(x, "y", Shape.of(6, 3, 3)), 4, 6,
            new Window(3, 3, 2, 2, 1, 1, 1, 1, 1, 1), 1, rand(6 * 4 * 9, 1), rand(6, 2))),
        op("conv asymmetric pads", img, x -> new ConvLayer("conv", Ports.of(x, "y", Shape.of(2, 6, 5)), 4, 2,
            new Window(2, 3, 1, 1, 1, 0, 0, 1, 1, 1), 1, rand(2 * 4 * 6, 3), rand(2, 4))),
        op("conv grouped", img, x -> new ConvLayer("conv", Ports.of(x, "y", Shape.of(4, 4, 4)), 4, 4,
            Window.square(3, 1, 0), 2, rand(4 * 2 * 9, 5), rand(4, 6))),
        op("conv depthwise dilated", img, x -> new ConvLayer("conv", Ports.of(x, "y", Shape.of(4, 4, 4)), 4, 4,
            new Window(2, 2, 1, 1, 0, 0, 0, 0, 2, 2), 4, rand(4 * 4, 7), rand(4, 8))),
        op("dense", new TensorInfo("x", Shape.of(7)), x -> new DenseLayer("fc", Ports.of(x, "y", Shape.of(3)), 7, 3,
            rand(21, 9), rand(3, 10))),
        op("dense on rows", seq, x -> new DenseLayer("fc", Ports.of(x, "y", Shape.of(5, 2)), 3, 2, rand(6, 11),
            rand(2, 12))),
        op("batch norm (affine)", img, x -> new AffineLayer("bn", Ports.of(x, "y", x.shape()), 0, rand(4, 13),
            rand(4, 14))),
        op("scalar affine", img, x -> new AffineLayer("mul", Ports.of(x, "y", x.shape()), 0, rand(1, 15),
            rand(1, 16))),
        op("relu", img, x -> ClipLayer.relu("relu", Ports.of(x, "y", x.shape()))),
        op("relu6", img, x -> new ClipLayer("relu6", Ports.of(x, "y", x.shape()), 0f, 0.5f)),
        op("max pool padded", img, x -> new PoolLayer("pool", Ports.of(x, "y", Shape.of(4, 3, 3)), PoolKind.MAX,
            new Window(3, 3, 2, 2, 1, 1, 1, 1, 1, 1), false)),
        op("average pool excluding pads", img, x -> new PoolLayer("pool", Ports.of(x, "y", Shape.of(4, 3, 3)),
            PoolKind.AVERAGE, new Window(3, 2, 2, 2, 1, 0, 1, 1, 1, 1), false)),
        op("average pool including pads", img, x -> new PoolLayer("pool", Ports.of(x, "y", Shape.of(4, 3, 3)),
            PoolKind.AVERAGE, new Window(2, 2, 2, 2, 0, 0, 1, 1, 1, 1), true)),
        op("global average pool", img, x -> PoolLayer.globalAverage("gap", x, "y")),
        op("slice (stride-2 shortcut)", img, x -> new SliceLayer("slice", Ports.of(x, "y", Shape.of(4, 3, 3)),
            new int[] {0, 0, 0}, new int[] {1, 2, 2})),
        op("slice with negative step", img, x -> new SliceLayer("slice", Ports.of(x, "y", Shape.of(2, 6, 2)),
            new int[] {3, 0, 5}, new int[] {-2, 1, -3})),
        op("pad (channel shortcut)", img, x -> new PadLayer("pad", Ports.of(x, "y", Shape.of(8, 7, 6)),
            new int[] {2, 1, 0}, new int[] {2, 0, 0}, 0.25f)),
        op("nearest resize 2 x 3", img, x -> new ResizeLayer("up", Ports.of(x, "y", Shape.of(4, 12, 18)), 2, 3)),
        op("flatten", img, x -> new ReshapeLayer("flat", Ports.of(x, "y", Shape.of(144)))),
        op("transpose", img, x -> new TransposeLayer("t", Ports.of(x, "y", Shape.of(6, 4, 6)), new int[] {2, 0, 1})),
        op("softmax", new TensorInfo("x", Shape.of(3, 4)), x -> new SoftmaxLayer("sm", Ports.of(x, "y", x.shape()),
            1, false)),
        op("softmax to the end", new TensorInfo("x", Shape.of(3, 4)), x -> new SoftmaxLayer("sm",
            Ports.of(x, "y", x.shape()), 0, true)),
        op("lstm", seq, x -> new LstmLayer("lstm", Ports.of(x, "y", Shape.of(5, 4)), 3, 4, rand(16 * 3, 17),
            rand(16 * 4, 18), rand(16, 19))),
        op("gru", seq, x -> new GruLayer("gru", Ports.of(x, "y", Shape.of(5, 4)), 3, 4, rand(12 * 3, 20),
            rand(12 * 4, 21), rand(12, 22), rand(12, 23), false)),
        op("gru linear before reset", seq, x -> new GruLayer("gru", Ports.of(x, "y", Shape.of(5, 4)), 3, 4,
            rand(12 * 3, 24), rand(12 * 4, 25), rand(12, 26), rand(12, 27), true)),
        op("sigmoid", img, x -> UnaryLayer.of("s", Ports.of(x, "y", x.shape()), UnaryFunction.SIGMOID, 0, 0)),
        op("tanh", img, x -> UnaryLayer.of("t", Ports.of(x, "y", x.shape()), UnaryFunction.TANH, 0, 0)),
        op("hard sigmoid", img, x -> UnaryLayer.of("h", Ports.of(x, "y", x.shape()), UnaryFunction.HARD_SIGMOID,
            1.5f, 0.5f)),
        op("hard swish", img, x -> UnaryLayer.of("h", Ports.of(x, "y", x.shape()), UnaryFunction.HARD_SWISH,
            0, 0)),
        op("leaky relu", img, x -> UnaryLayer.of("l", Ports.of(x, "y", x.shape()), UnaryFunction.LEAKY_RELU, 0.1f,
            0)),
        op("prelu per channel", img, x -> new UnaryLayer("p", Ports.of(x, "y", x.shape()), UnaryFunction.LEAKY_RELU,
            0, rand(4, 30), 0)),
        op("elu", img, x -> UnaryLayer.of("e", Ports.of(x, "y", x.shape()), UnaryFunction.ELU, 0.7f, 0)),
        op("erf", img, x -> UnaryLayer.of("erf", Ports.of(x, "y", x.shape()), UnaryFunction.ERF, 0, 0)),
        op("selu", img, x -> UnaryLayer.of("s", Ports.of(x, "y", x.shape()), UnaryFunction.SELU, 1.67f, 1.05f)),
        op("softplus", img, x -> UnaryLayer.of("s", Ports.of(x, "y", x.shape()), UnaryFunction.SOFTPLUS, 0, 0)),
        Arguments.of("squeeze-and-excitation mul and broadcast add", broadcasts(BinaryOp.MUL, BinaryOp.ADD, true)),
        Arguments.of("sub and div with a broadcast second operand", broadcasts(BinaryOp.SUB, BinaryOp.DIV, false)),
        Arguments.of("residual add and concat", twoInputs()));
  }

  /** conv -> relu -> (relu + x) -> concat(that, x): Add and Concat read two tensors. */
  private static Model twoInputs() {
    TensorInfo x = new TensorInfo("x", Shape.of(2, 4, 4));
    ConvLayer conv = new ConvLayer("conv", Ports.of(x, "c", Shape.of(2, 4, 4)), 2, 2, Window.square(3, 1, 1), 1,
        rand(36, 28), rand(2, 29));
    ClipLayer relu = ClipLayer.relu("relu", Ports.of(conv.output(), "r", conv.output().shape()));
    AddLayer add = new AddLayer("add", new Ports(List.of(relu.output(), x), new TensorInfo("a", x.shape())));
    ConcatLayer cat = new ConcatLayer("cat", new Ports(List.of(add.output(), x),
        new TensorInfo("y", Shape.of(4, 4, 4))), 0);
    return new Model("two", x, cat.output(), List.of(conv, relu, add, cat));
  }

  /**
   * gap = mean(x) over H, W and s = sigmoid(gap); y = (x first u) second v, where u, v are s, gap when
   * {@code gateFirst}, else gap, s: two binary layers whose second operand broadcasts. Squeeze-and-excitation is
   * (x * s) + gap; (x - gap) / s divides by a value in (0, 1).
   */
  private static Model broadcasts(BinaryOp first, BinaryOp second, boolean gateFirst) {
    TensorInfo x = new TensorInfo("x", Shape.of(3, 4, 4));
    PoolLayer gap = PoolLayer.globalAverage("gap", x, "g");
    UnaryLayer gate = UnaryLayer.of("gate", Ports.of(gap.output(), "s", gap.output().shape()), UnaryFunction.SIGMOID,
        0, 0);
    TensorInfo u = gateFirst ? gate.output() : gap.output();
    TensorInfo v = gateFirst ? gap.output() : gate.output();
    BroadcastLayer one = new BroadcastLayer("first", new Ports(List.of(x, u), new TensorInfo("m", x.shape())), first);
    BroadcastLayer two = new BroadcastLayer("second", new Ports(List.of(one.output(), v),
        new TensorInfo("y", x.shape())), second);
    return new Model("broadcasts", x, two.output(), List.of(gap, gate, one, two));
  }

  private static Arguments op(String name, TensorInfo x, Function<TensorInfo, Layer> layer) {
    Layer l = layer.apply(x);
    return Arguments.of(name, new Model(name, x, l.output(), List.of(l)));
  }

  static float[] rand(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return a;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void outputsMatchTheFloatExecutor(String name, Model model) {
    float[] x = rand(BATCH * model.input().shape().size(), 99);
    float[] expected = FloatExecutor.of(model).run(x, BATCH);
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32)) {
      float[] got = net.forward(m.create(x, net.inputShape(BATCH)), model.output().name(), Map.of()).toFloatArray();
      assertTrue(got.length == expected.length, name + ": " + got.length + " values, expected " + expected.length);
      for (int i = 0; i < got.length; i++) {
        assertTrue(Math.abs(got[i] - expected[i]) <= 1e-5, name + " [" + i + "]: " + got[i] + " vs " + expected[i]);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void gradientsMatchFiniteDifferences(String name, Model model) {
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT64)) {
      NDArray x = m.create(rand(BATCH * model.input().shape().size(), 99), net.inputShape(BATCH))
          .toType(DataType.FLOAT64, false);
      x.setRequiresGradient(true);
      int outSize = BATCH * model.output().shape().size();
      NDArray weights = m.create(rand(outSize, 98)).toType(DataType.FLOAT64, false);
      List<NDArray> arrays = new ArrayList<>(net.parameters().values());
      arrays.add(0, x);
      double[][] grads = new double[arrays.size()][];
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray y = net.forward(x, model.output().name(), Map.of());
        gc.backward(y.reshape(-1).mul(weights).sum());
        for (int k = 0; k < arrays.size(); k++) {
          grads[k] = arrays.get(k).getGradient().toDoubleArray();
        }
      }
      SplittableRandom pick = new SplittableRandom(7);
      double eps = 1e-6;
      for (int k = 0; k < arrays.size(); k++) {
        NDArray a = arrays.get(k);
        double[] values = a.toDoubleArray();
        for (int t = 0; t < 12; t++) {
          int i = pick.nextInt(values.length);
          double saved = values[i];
          values[i] = saved + eps;
          a.set(values);
          double plus = objective(net, x, weights, model);
          values[i] = saved - eps;
          a.set(values);
          double minus = objective(net, x, weights, model);
          values[i] = saved;
          a.set(values);
          double fd = (plus - minus) / (2 * eps);
          assertTrue(Math.abs(fd - grads[k][i]) <= 1e-6 + 1e-5 * Math.abs(fd),
              name + ": array " + k + " [" + i + "] autograd " + grads[k][i] + ", finite difference " + fd);
        }
      }
    }
  }

  private static double objective(GraphNet net, NDArray x, NDArray weights, Model model) {
    return net.forward(x, model.output().name(), Map.of()).reshape(-1).mul(weights).sum().getDouble();
  }
}
