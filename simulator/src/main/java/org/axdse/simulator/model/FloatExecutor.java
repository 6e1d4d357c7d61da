package org.axdse.simulator.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Runs a {@link Model} in float32: the reference the quantized engine is compared with. Samples of a batch run in
 * parallel (each sample's arithmetic is sequential, so results do not depend on the thread count); layers run in
 * order, and a tensor is dropped after its last reader. Thread-safe: one executor may serve several callers.
 */
public final class FloatExecutor {
  private final Model model;
  private final Map<String, Integer> lastUse;

  private FloatExecutor(Model model) {
    this.model = model;
    this.lastUse = new HashMap<>();
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      for (TensorInfo t : layers.get(i).inputs()) {
        lastUse.put(t.name(), i);
      }
    }
    lastUse.put(model.output().name(), Integer.MAX_VALUE);
  }

  public static FloatExecutor of(Model model) {
    return new FloatExecutor(Objects.requireNonNull(model, "model"));
  }

  public Model model() {
    return model;
  }

  /** The model output for {@code batch} samples of batch-first {@code input}. */
  public float[] run(float[] input, int batch) {
    return run(input, batch, ActivationTap.NONE);
  }

  /** As {@link #run(float[], int)}, showing every layer's operands and result to {@code tap}. */
  public float[] run(float[] input, int batch, ActivationTap tap) {
    return run(input, batch, tap, LayerOverride.NONE);
  }

  /** As {@link #run(float[], int, ActivationTap)}, with the layers {@code override} computes taken from it. */
  public float[] run(float[] input, int batch, ActivationTap tap, LayerOverride override) {
    int per = model.input().shape().size();
    if (batch < 0 || input.length != (long) batch * per) {
      throw new IllegalArgumentException("input has " + input.length + " values, expected " + batch + " x " + per);
    }
    Map<String, float[]> env = new HashMap<>();
    env.put(model.input().name(), input);
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      List<float[]> ins = new ArrayList<>();
      for (TensorInfo t : layer.inputs()) {
        ins.add(env.get(t.name()));
      }
      float[] computed = override.compute(layer, ins, batch);
      float[] out = computed != null ? computed : execute(layer, ins, batch);
      tap.observe(layer, ins, out, batch);
      env.put(layer.output().name(), out);
      for (TensorInfo t : layer.inputs()) {
        if (lastUse.getOrDefault(t.name(), -1) == i && !t.name().equals(model.input().name())) {
          env.remove(t.name());
        }
      }
    }
    return env.get(model.output().name());
  }

  private static float[] execute(Layer layer, List<float[]> ins, int batch) {
    if (layer instanceof ReshapeLayer) {
      return ins.get(0);
    }
    int inSize = layer.input().shape().size();
    int outSize = layer.output().shape().size();
    float[] in = ins.get(0);
    float[] out = new float[Math.multiplyExact(batch, outSize)];
    IntStream.range(0, batch).parallel().forEach(n -> {
      int i = n * inSize;
      int o = n * outSize;
      switch (layer) {
        case ConvLayer l -> FloatConv.conv(l, in, i, out, o);
        case DenseLayer l -> FloatConv.dense(l, in, i, out, o);
        case LstmLayer l -> FloatRecurrent.lstm(l, in, i, out, o);
        case GruLayer l -> FloatRecurrent.gru(l, in, i, out, o);
        case ClipLayer l -> FloatOps.clip(l, in, i, out, o, outSize);
        case AffineLayer l -> FloatOps.affine(l, in, i, out, o, outSize);
        case AddLayer l -> FloatOps.add(in, ins.get(1), o, out, outSize);
        case PoolLayer l -> FloatOps.pool(l, in, i, out, o);
        case TransposeLayer l -> FloatOps.transpose(l, in, i, out, o);
        case PadLayer l -> FloatOps.pad(l, in, i, out, o, outSize);
        case SliceLayer l -> FloatOps.slice(l, in, i, out, o);
        case ResizeLayer l -> FloatOps.resize(l, in, i, out, o);
        case ConcatLayer l -> FloatOps.concat(l, ins, n, out, o);
        case SoftmaxLayer l -> FloatOps.softmax(l, in, i, out, o);
        case UnaryLayer l -> FloatElementwise.unary(l, in, i, out, o, outSize);
        case BroadcastLayer l -> FloatElementwise.broadcast(l, in, ins.get(1), n, out, o, outSize);
        case ReshapeLayer l -> System.arraycopy(in, i, out, o, outSize);
      }
    });
    return out;
  }
}
