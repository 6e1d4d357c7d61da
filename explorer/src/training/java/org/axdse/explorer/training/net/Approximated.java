package org.axdse.explorer.training.net;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The block of a layer an approximate multiplier may compute (a convolution with its BatchNorm and ReLU, or a
 * dense layer), with a straight-through estimator (Bengio et al. 2013): while a {@linkplain #substitute target} is
 * set, the forward pass returns {@code y + stopGradient(target - y)}, whose value is the target (the simulator's
 * approximate output) and whose gradient is the exact layer's. With no target it is the inner block unchanged.
 * Parameters are saved and loaded as the inner block's alone, so parameter files do not see the wrapper.
 */
public final class Approximated extends AbstractBlock {
  private final Block inner;
  private NDArray target;

  Approximated(Block inner) {
    this.inner = addChildBlock("layer", inner);
  }

  /** Makes the next forward passes return {@code target} (reshaped to the output's shape); null clears it. */
  public void substitute(NDArray target) {
    this.target = target;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDList y = inner.forward(ps, inputs, training, params);
    if (target == null) {
      return y;
    }
    NDArray exact = y.singletonOrThrow();
    return new NDList(exact.add(target.reshape(exact.getShape()).sub(exact).stopGradient()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inner.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    inner.initialize(manager, dataType, inputShapes);
  }

  @Override
  public void saveParameters(DataOutputStream os) throws IOException {
    inner.saveParameters(os);
  }

  @Override
  public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
    inner.loadParameters(manager, is);
  }
}
