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
 * addition by a constant) either by folding it into the convolution or dense layer that just produced x, when
 * nothing else reads x and the channels are that layer's output channels, or as an {@link AffineLayer}.
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
    } else {
      ctx.emit(Convert.build(ctx, node, () -> new AffineLayer(ctx.layerName(node),
          Ports.of(x.info(), out, x.shape()), axis, scale, shift)));
    }
    ctx.putValue(out, new Value(out, x.onnxDims()));
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
