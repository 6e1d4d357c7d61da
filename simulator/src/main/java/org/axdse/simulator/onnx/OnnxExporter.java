package org.axdse.simulator.onnx;

import static org.axdse.simulator.onnx.OnnxGraphBuilder.attr;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;
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
import org.axdse.simulator.model.PoolKind;
import org.axdse.simulator.model.PoolLayer;
import org.axdse.simulator.model.ReshapeLayer;
import org.axdse.simulator.model.ResizeLayer;
import org.axdse.simulator.model.Shape;
import org.axdse.simulator.model.SliceLayer;
import org.axdse.simulator.model.SoftmaxLayer;
import org.axdse.simulator.model.TransposeLayer;
import org.axdse.simulator.model.UnaryLayer;
import org.axdse.simulator.model.Window;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;

/**
 * Writes a {@link Model} as ONNX (opset 13) through {@link OnnxGraphBuilder}, so that any ONNX runtime computes
 * what {@link org.axdse.simulator.model.FloatExecutor} computes. Each layer's main node keeps the layer's name,
 * so importing the file again gives the same approximable layer names; tensors are named after their layers.
 */
public final class OnnxExporter {
  private final OnnxGraphBuilder b;
  private final Map<String, String> names = new HashMap<>();

  private OnnxExporter(Model model) {
    b = OnnxGraphBuilder.create(model.name());
    names.put(model.input().name(), b.input(model.input().name(), model.input().shape().dims()));
  }

  /** The ONNX model computing {@code model}. */
  public static ModelProto export(Model model) {
    OnnxExporter e = new OnnxExporter(model);
    for (Layer layer : model.layers()) {
      e.names.put(layer.output().name(), e.layer(layer));
    }
    e.b.output(e.names.get(model.output().name()));
    return e.b.build();
  }

  /** Writes {@code model} to {@code file} atomically. */
  public static void write(Model model, Path file) {
    AtomicFiles.write(file, export(model).toByteArray());
  }

  private String in(Layer layer, int k) {
    return names.get(layer.inputs().get(k).name());
  }

  private String layer(Layer layer) {
    String n = layer.name();
    String x = in(layer, 0);
    return switch (layer) {
      case ConvLayer l -> {
        Window w = l.window();
        yield b.conv(n, x, l.weights(), new int[] {l.outC(), l.inC() / l.groups(), w.kH(), w.kW()}, l.bias(),
            new int[] {w.strideH(), w.strideW()}, pads(w), new int[] {w.dilationH(), w.dilationW()}, l.groups());
      }
      case DenseLayer l -> {
        if (l.input().shape().rank() == 1) {
          yield b.gemm(n, x, l.weights(), new int[] {l.outFeatures(), l.inFeatures()}, l.bias(), 1f, 1f, true);
        }
        float[] t = new float[l.weights().length];
        for (int o = 0; o < l.outFeatures(); o++) {
          for (int i = 0; i < l.inFeatures(); i++) {
            t[i * l.outFeatures() + o] = l.weights()[o * l.inFeatures() + i];
          }
        }
        String mm = b.matMul(n, x, t, l.inFeatures(), l.outFeatures());
        yield b.add(n + "/bias", mm, b.constant(n + ".bias", l.bias(), l.outFeatures()));
      }
      case LstmLayer l -> {
        float[] bias = new float[8 * l.hidden()];
        System.arraycopy(l.bias(), 0, bias, 0, 4 * l.hidden());
        yield sequenceOut(n, b.lstm(n, timeMajor(n, x), l.w(), l.r(), bias, l.hidden())[0]);
      }
      case GruLayer l -> {
        float[] bias = new float[6 * l.hidden()];
        System.arraycopy(l.wBias(), 0, bias, 0, 3 * l.hidden());
        System.arraycopy(l.rBias(), 0, bias, 3 * l.hidden(), 3 * l.hidden());
        yield sequenceOut(n, b.gru(n, timeMajor(n, x), l.w(), l.r(), bias, l.hidden(), l.linearBeforeReset())[0]);
      }
      case ClipLayer l -> l.isRelu() ? b.relu(n, x) : b.clip(n, x, l.min(), l.max());
      case AffineLayer l -> {
        long[] dims = broadcastDims(l.input().shape(), l.axis(), l.scale().length);
        String scaled = b.mul(n + "/scale", x, b.constant(n + ".scale", l.scale(), dims));
        yield b.add(n, scaled, b.constant(n + ".shift", l.shift(), dims));
      }
      case AddLayer l -> b.add(n, x, in(l, 1));
      case PoolLayer l -> {
        Window w = l.window();
        int[] k = {w.kH(), w.kW()};
        int[] s = {w.strideH(), w.strideW()};
        if (l.isGlobal()) {
          yield b.globalAveragePool(n, x);
        }
        yield l.pool() == PoolKind.MAX ? b.maxPool(n, x, k, s, pads(w))
            : b.averagePool(n, x, k, s, pads(w), l.countIncludePad());
      }
      case ReshapeLayer l -> l.output().shape().rank() == 1 ? b.flatten(n, x, 1) : b.reshape(n, x, batchDims(l.output().shape()));
      case TransposeLayer l -> {
        int[] p = l.perm();
        int[] full = new int[p.length + 1];
        for (int i = 0; i < p.length; i++) {
          full[i + 1] = p[i] + 1;
        }
        yield b.transpose(n, x, full);
      }
      case PadLayer l -> {
        int r = l.begin().length;
        long[] pads = new long[2 * (r + 1)];
        for (int i = 0; i < r; i++) {
          pads[i + 1] = l.begin()[i];
          pads[r + 2 + i] = l.end()[i];
        }
        yield b.pad(n, x, pads, l.value());
      }
      case SliceLayer l -> slice(l, x);
      case ConcatLayer l -> {
        String[] ins = new String[l.inputs().size()];
        for (int k = 0; k < ins.length; k++) {
          ins[k] = in(l, k);
        }
        yield b.concat(n, l.axis() + 1, ins);
      }
      case SoftmaxLayer l -> softmax(l, x);
      case UnaryLayer l -> ElementwiseExport.unary(b, l, x, broadcastDims(l.input().shape(), l.axis(),
          l.alpha().length));
      case ResizeLayer l -> b.op("Resize", n, List.of(x, "", b.constant(n + ".scales",
          new float[] {1, 1, l.scaleH(), l.scaleW()}, 4)), attr("mode", "nearest"),
          attr("coordinate_transformation_mode", "asymmetric"), attr("nearest_mode", "floor"));
      case BroadcastLayer l -> b.op(l.op().onnx(), n, List.of(x, in(l, 1)));
    };
  }

  /** Batch-first [N, T, I] to ONNX's time-major [T, N, I]. */
  private String timeMajor(String n, String x) {
    return b.transpose(n + "/time_major", x, 1, 0, 2);
  }

  /** Y [T, 1, N, H] back to batch-first [N, T, H]. */
  private String sequenceOut(String n, String y) {
    return b.transpose(n + "/batch_first", b.squeeze(n + "/squeeze", y, 1), 1, 0, 2);
  }

  private String slice(SliceLayer l, String x) {
    int r = l.starts().length;
    long[] starts = new long[r];
    long[] ends = new long[r];
    long[] axes = new long[r];
    long[] steps = new long[r];
    for (int i = 0; i < r; i++) {
      starts[i] = l.starts()[i];
      steps[i] = l.steps()[i];
      long end = starts[i] + (long) l.output().shape().dim(i) * steps[i];
      // a negative end would count from the back in ONNX; the lowest long clamps to "before index 0"
      ends[i] = end < 0 ? Long.MIN_VALUE : end;
      axes[i] = i + 1;
    }
    return b.slice(l.name(), x, starts, ends, axes, steps);
  }

  private String softmax(SoftmaxLayer l, String x) {
    Shape s = l.input().shape();
    if (!l.toEnd() || l.axis() == s.rank() - 1) {
      return b.softmax(l.name(), x, l.axis() + 1);
    }
    String flat = b.reshape(l.name() + "/flat", x, 0, s.size(0, l.axis()), s.size(l.axis(), s.rank()));
    return b.reshape(l.name(), b.softmax(l.name() + "/softmax", flat, 2), batchDims(s));
  }

  private static int[] pads(Window w) {
    return new int[] {w.padTop(), w.padLeft(), w.padBottom(), w.padRight()};
  }

  /** ONNX Reshape target keeping the batch: {@code [0, dims...]}. */
  private static long[] batchDims(Shape s) {
    long[] t = new long[s.rank() + 1];
    for (int i = 0; i < s.rank(); i++) {
      t[i + 1] = s.dim(i);
    }
    return t;
  }

  /** Dimensions of a per-channel constant along IR {@code axis} that broadcast against [N, shape...]. */
  private static long[] broadcastDims(Shape s, int axis, int channels) {
    if (channels == 1) {
      return new long[] {1};
    }
    long[] d = new long[s.rank() - axis];
    java.util.Arrays.fill(d, 1);
    d[0] = channels;
    return d;
  }
}
