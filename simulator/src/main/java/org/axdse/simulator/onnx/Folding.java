package org.axdse.simulator.onnx;

import org.axdse.simulator.model.AffineLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.Layer;
import org.axdse.simulator.model.Ports;
import org.axdse.simulator.model.TensorInfo;
import org.axdse.simulator.onnx.proto.OnnxSubset.NodeProto;

/**
 * Applies a per-channel affine map {@code y = x * scale[c] + shift[c]} (batch normalization, or multiplication or
 * addition by a constant) either by folding it into the convolution, dense or affine layer that just produced x,
 * when nothing else reads x and the channels are that layer's output channels (or either map is one scalar pair),
 * or as an {@link AffineLayer}.
 */
final class Folding {
  private Folding() {}

  /**
   * Emits the affine map of {@code node}'s input {@code x} (ONNX name {@code xName}) along IR axis {@code axis};
   * {@code scale} and {@code shift} have one value or one per channel.
   */
  static void affine(ImportContext ctx, NodeProto node, String xName, Value x, int axis, float[] scale,
      float[] shift) {
    String out = node.getOutput(0);
    Layer last = ctx.lastLayer();
    boolean soleReader = ctx.readers(xName) == 1 && last != null && last.output().name().equals(x.irName());
    if (soleReader && last instanceof ConvLayer c && axis == 0) {
      float[][] wb = fold(c.weights(), c.bias(), c.outC(), scale, shift);
      ctx.replaceLast(Convert.build(ctx, node, () -> new ConvLayer(c.name(), renamed(c.ports(), out), c.inC(),
          c.outC(), c.window(), c.groups(), wb[0], wb[1])));
    } else if (soleReader && last instanceof DenseLayer d && axis == x.shape().rank() - 1) {
      float[][] wb = fold(d.weights(), d.bias(), d.outFeatures(), scale, shift);
      ctx.replaceLast(Convert.build(ctx, node, () -> new DenseLayer(d.name(), renamed(d.ports(), out),
          d.inFeatures(), d.outFeatures(), wb[0], wb[1])));
    } else if (soleReader && last instanceof AffineLayer f
        && (f.scale().length == 1 || scale.length == 1 || f.axis() == axis)) {
      ctx.replaceLast(Convert.build(ctx, node, () -> compose(f, renamed(f.ports(), out), axis, scale, shift)));
    } else {
      ctx.emit(Convert.build(ctx, node, () -> new AffineLayer(ctx.layerName(node),
          Ports.of(x.info(), out, x.shape()), axis, scale, shift)));
    }
    ctx.putValue(out, new Value(out, x.onnxDims()));
  }

  /**
   * {@code (x * s1 + t1) * s2 + t2} as one affine map {@code x * (s1 s2) + (t1 s2 + t2)}: chains of constant
   * arithmetic (GELU's, or an exported affine layer's Mul and Add) stay one layer, so an exported model re-imports
   * with its layer count.
   */
  private static AffineLayer compose(AffineLayer f, Ports ports, int axis, float[] scale, float[] shift) {
    int n = Math.max(f.scale().length, scale.length);
    float[] s = new float[n];
    float[] t = new float[n];
    for (int c = 0; c < n; c++) {
      float s1 = f.scale()[f.scale().length == 1 ? 0 : c];
      float t1 = f.shift()[f.shift().length == 1 ? 0 : c];
      float s2 = scale[scale.length == 1 ? 0 : c];
      s[c] = s1 * s2;
      t[c] = t1 * s2 + shift[shift.length == 1 ? 0 : c];
    }
    return new AffineLayer(f.name(), ports, f.scale().length > 1 ? f.axis() : axis, s, t);
  }

  private static Ports renamed(Ports p, String output) {
    return new Ports(p.inputs(), new TensorInfo(output, p.output().shape()));
  }

  /** Weights and bias of {@code channels} output channels after scaling and shifting each channel. */
  private static float[][] fold(float[] w, float[] b, int channels, float[] scale, float[] shift) {
    float[] nw = w.clone();
    float[] nb = b.clone();
    int per = w.length / channels;
    for (int c = 0; c < channels; c++) {
      float s = scale.length == 1 ? scale[0] : scale[c];
      float t = shift.length == 1 ? shift[0] : shift[c];
      for (int i = c * per; i < (c + 1) * per; i++) {
        nw[i] *= s;
      }
      nb[c] = b[c] * s + t;
    }
    return new float[][] {nw, nb};
  }
}
