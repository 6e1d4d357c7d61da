package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.model.AddLayer;
import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.BroadcastLayer;
import org.axdse.simulator.model.ClipLayer;
import org.axdse.simulator.model.ConcatLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.PadLayer;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.SoftmaxLayer;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.model.TransposeLayer;
import org.axdse.simulator.model.UnaryLayer;

/**
 * A trainable network built from an imported {@link Model}: one trainable array per weight array of the model
 * (convolution and dense weights and biases, affine scales and shifts, LSTM and GRU matrices and biases, PRelu
 * slopes), and a
 * forward pass that runs the model's layers in order with differentiable NDArray operations. Its float forward
 * equals the simulator's {@link org.axdse.simulator.model.FloatExecutor} on the same model (checked by
 * {@link FloatParity}). {@link #toModel()} gives the model with the current weights and the same layer and tensor
 * names. While a tensor has a substitute, the forward pass returns {@code y + stopGradient(substitute - y)} for it
 * (straight-through estimator, Bengio et al. 2013): the substitute's value, the exact layer's gradient.
 */
public final class GraphNet implements AutoCloseable {
  private final Model model;
  private final NDManager manager;
  private final DataType type;
  private final Map<String, NDArray> params = new LinkedHashMap<>();
  private final String logits;

  private GraphNet(Model model, NDManager manager, DataType type) {
    this.model = model;
    this.manager = manager;
    this.type = type;
    for (Layer layer : model.layers()) {
      switch (layer) {
        case ConvLayer l -> {
          add(l, "weight", l.weights(), new Shape(l.outC(), l.inC() / l.groups(), l.window().kH(), l.window().kW()));
          add(l, "bias", l.bias(), new Shape(l.outC()));
        }
        case DenseLayer l -> {
          add(l, "weight", l.weights(), new Shape(l.outFeatures(), l.inFeatures()));
          add(l, "bias", l.bias(), new Shape(l.outFeatures()));
        }
        case AffineLayer l -> {
          add(l, "scale", l.scale(), new Shape(l.scale().length));
          add(l, "shift", l.shift(), new Shape(l.shift().length));
        }
        case LstmLayer l -> {
          add(l, "w", l.w(), new Shape(4L * l.hidden(), l.inputSize()));
          add(l, "r", l.r(), new Shape(4L * l.hidden(), l.hidden()));
          add(l, "bias", l.bias(), new Shape(4L * l.hidden()));
        }
        case UnaryLayer l when l.alpha().length > 1 -> add(l, "alpha", l.alpha(), new Shape(l.alpha().length));
        case GruLayer l -> {
          add(l, "w", l.w(), new Shape(3L * l.hidden(), l.inputSize()));
          add(l, "r", l.r(), new Shape(3L * l.hidden(), l.hidden()));
          add(l, "wBias", l.wBias(), new Shape(3L * l.hidden()));
          add(l, "rBias", l.rBias(), new Shape(3L * l.hidden()));
        }
        default -> { }
      }
    }
    Layer last = model.layers().get(model.layers().size() - 1);
    this.logits = last instanceof SoftmaxLayer s && s.output().name().equals(model.output().name())
        ? s.input().name() : model.output().name();
  }

  /**
   * The trainable network of {@code model}, its arrays of {@code type} (float32 to train, float64 for gradient
   * checks) in a sub-manager of {@code parent}, closed with this network.
   */
  public static GraphNet build(Model model, NDManager parent, DataType type) {
    return new GraphNet(model, parent.newSubManager(), type);
  }

  private void add(Layer layer, String what, float[] values, Shape shape) {
    NDArray a = manager.create(values, shape);
    if (type != DataType.FLOAT32) {
      a = a.toType(type, false);
    }
    a.setRequiresGradient(true);
    params.put(layer.name() + "/" + what, a);
  }

  public Model model() {
    return model;
  }

  public DataType dataType() {
    return type;
  }

  /** The trainable arrays by name ({@code layer/weight}, ...), in model order. */
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(params);
  }

  /** The tensor the loss reads: the model output, or the input of a final softmax (the logits). */
  public String logitsTensor() {
    return logits;
  }

  /** Per-sample input shape with the batch dimension {@code n} in front. */
  public Shape inputShape(int n) {
    return batchShape(model.input(), n);
  }

  static Shape batchShape(TensorInfo t, long n) {
    int[] d = t.shape().dims();
    long[] dims = new long[d.length + 1];
    dims[0] = n;
    for (int i = 0; i < d.length; i++) {
      dims[i + 1] = d[i];
    }
    return new Shape(dims);
  }

  /**
   * Runs the layers on {@code input} ({@code [N, input shape]}) until {@code tensor} is written and returns it;
   * tensors in {@code substitutes} (batch-first values of the same size) take the substitute's value.
   */
  public NDArray forward(NDArray input, String tensor, Map<String, NDArray> substitutes) {
    return forward(input, tensor, ForwardHook.substituting(substitutes));
  }

  /** As {@link #forward(NDArray, String, Map)}, with {@code hook} applied to the weights and every layer output. */
  NDArray forward(NDArray input, String tensor, ForwardHook hook) {
    Map<String, NDArray> env = new HashMap<>();
    env.put(model.input().name(), input);
    if (tensor.equals(model.input().name())) {
      return input;
    }
    long n = input.getShape().get(0);
    for (Layer layer : model.layers()) {
      List<NDArray> ins = new ArrayList<>();
      for (TensorInfo t : layer.inputs()) {
        ins.add(env.get(t.name()));
      }
      NDArray y = hook.output(layer, ins, layer(layer, ins, n, hook));
      env.put(layer.output().name(), y);
      if (layer.output().name().equals(tensor)) {
        return y;
      }
    }
    throw new IllegalArgumentException("no tensor " + tensor + " in " + model.name());
  }

  private NDArray layer(Layer layer, List<NDArray> ins, long n, ForwardHook hook) {
    NDArray x = ins.get(0);
    return switch (layer) {
      case ConvLayer l -> LayerForward.conv(l, x, hook.weight(l, p(l, "weight")), p(l, "bias"));
      case DenseLayer l -> LayerForward.dense(x, hook.weight(l, p(l, "weight")), p(l, "bias"));
      case LstmLayer l -> RecurrentForward.lstm(l, x, p(l, "w"), p(l, "r"), p(l, "bias"));
      case GruLayer l -> RecurrentForward.gru(l, x, p(l, "w"), p(l, "r"), p(l, "wBias"), p(l, "rBias"));
      case ClipLayer l -> LayerForward.clip(l, x);
      case AffineLayer l -> LayerForward.affine(l, x, p(l, "scale"), p(l, "shift"));
      case AddLayer l -> x.add(ins.get(1));
      case PoolLayer l -> LayerForward.pool(l, x);
      case TransposeLayer l -> LayerForward.transpose(l, x);
      case PadLayer l -> LayerForward.pad(l, x);
      case SliceLayer l -> LayerForward.slice(l, x);
      case ResizeLayer l -> x.repeat(2, l.scaleH()).repeat(3, l.scaleW());
      case ConcatLayer l -> LayerForward.concat(l, ins);
      case SoftmaxLayer l -> LayerForward.softmax(l, x);
      case ReshapeLayer l -> x.reshape(batchShape(l.output(), n));
      case UnaryLayer l -> ElementwiseForward.unary(l, x, p(l, "alpha"));
      case BroadcastLayer l -> ElementwiseForward.broadcast(l, x, ins.get(1));
    };
  }

  private NDArray p(Layer layer, String what) {
    return params.get(layer.name() + "/" + what);
  }

  /** The model with the current weights: same layers, names, shapes and order. */
  public Model toModel() {
    List<Layer> layers = new ArrayList<>();
    for (Layer layer : model.layers()) {
      layers.add(switch (layer) {
        case ConvLayer l -> new ConvLayer(l.name(), l.ports(), l.inC(), l.outC(), l.window(), l.groups(),
            f(l, "weight"), f(l, "bias"));
        case DenseLayer l -> new DenseLayer(l.name(), l.ports(), l.inFeatures(), l.outFeatures(), f(l, "weight"),
            f(l, "bias"));
        case AffineLayer l -> new AffineLayer(l.name(), l.ports(), l.axis(), f(l, "scale"), f(l, "shift"));
        case LstmLayer l -> new LstmLayer(l.name(), l.ports(), l.inputSize(), l.hidden(), f(l, "w"), f(l, "r"),
            f(l, "bias"));
        case GruLayer l -> new GruLayer(l.name(), l.ports(), l.inputSize(), l.hidden(), f(l, "w"), f(l, "r"),
            f(l, "wBias"), f(l, "rBias"), l.linearBeforeReset());
        case UnaryLayer l when l.alpha().length > 1 -> new UnaryLayer(l.name(), l.ports(), l.function(), l.axis(),
            f(l, "alpha"), l.beta());
        default -> layer;
      });
    }
    return new Model(model.name(), model.input(), model.output(), layers);
  }

  private float[] f(Layer layer, String what) {
    NDArray a = p(layer, what);
    return (a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false)).toFloatArray();
  }

  @Override
  public void close() {
    manager.close();
  }
}
