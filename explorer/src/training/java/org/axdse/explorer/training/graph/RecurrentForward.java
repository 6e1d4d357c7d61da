package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.LstmLayer;

/**
 * Differentiable LSTM and GRU over batch-first sequences {@code [N, T, inputSize]}, from zero state, with the
 * equations and gate order of {@link LstmLayer} and {@link GruLayer} (ONNX); output every hidden state
 * {@code [N, T, hidden]}.
 */
final class RecurrentForward {
  private RecurrentForward() {}

  static NDArray lstm(LstmLayer l, NDArray x, NDArray w, NDArray r, NDArray bias) {
    int hid = l.hidden();
    long n = x.getShape().get(0);
    NDArray wx = x.matMul(LayerForward.local(w.transpose(), x)).add(bias);
    NDArray rt = LayerForward.local(r.transpose(), x);
    NDArray h = x.getManager().zeros(new ai.djl.ndarray.types.Shape(n, hid), x.getDataType());
    NDArray c = h;
    List<NDArray> outs = new ArrayList<>();
    for (int t = 0; t < l.steps(); t++) {
      NDArray g = wx.get(new NDIndex(":, {}, :", t)).add(h.matMul(rt));
      NDArray i = Activation.sigmoid(gate(g, 0, hid));
      NDArray o = Activation.sigmoid(gate(g, 1, hid));
      NDArray f = Activation.sigmoid(gate(g, 2, hid));
      NDArray cand = gate(g, 3, hid).tanh();
      c = f.mul(c).add(i.mul(cand));
      h = o.mul(c.tanh());
      outs.add(h);
    }
    return NDArrays.stack(new NDList(outs), 1);
  }

  static NDArray gru(GruLayer l, NDArray x, NDArray w, NDArray r, NDArray wBias, NDArray rBias) {
    int hid = l.hidden();
    long n = x.getShape().get(0);
    NDArray wx = x.matMul(LayerForward.local(w.transpose(), x)).add(wBias);
    NDArray h = x.getManager().zeros(new ai.djl.ndarray.types.Shape(n, hid), x.getDataType());
    NDArray rzr = LayerForward.local(LayerForward.local(r.get(new NDIndex("0:{}, :", 2 * hid)), x).transpose(), x);
    NDArray rh = LayerForward.local(LayerForward.local(r.get(new NDIndex("{}:, :", 2 * hid)), x).transpose(), x);
    NDArray bzr = LayerForward.local(gate(rBias, 0, 2 * hid), x);
    NDArray bh = LayerForward.local(gate(rBias, 2, hid), x);
    List<NDArray> outs = new ArrayList<>();
    for (int t = 0; t < l.steps(); t++) {
      NDArray gx = wx.get(new NDIndex(":, {}, :", t));
      NDArray zr = gate(gx, 0, 2 * hid).add(h.matMul(rzr)).add(bzr);
      NDArray z = Activation.sigmoid(gate(zr, 0, hid));
      NDArray reset = Activation.sigmoid(gate(zr, 1, hid));
      NDArray cand = l.linearBeforeReset()
          ? gate(gx, 2, hid).add(reset.mul(h.matMul(rh).add(bh)))
          : gate(gx, 2, hid).add(reset.mul(h).matMul(rh)).add(bh);
      h = Scalars.of(z, 1).sub(z).mul(cand.tanh()).add(z.mul(h));
      outs.add(h);
    }
    return NDArrays.stack(new NDList(outs), 1);
  }

  /** Block {@code k} of width {@code width} along the last axis (a gate's rows or columns). */
  private static NDArray gate(NDArray a, int k, int width) {
    return a.get(new NDIndex("..., {}:{}", k * width, (k + 1) * width));
  }
}
