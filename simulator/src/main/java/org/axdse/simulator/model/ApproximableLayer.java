package org.axdse.simulator.model;

/**
 * A layer whose multiplications are weight-times-activation products that an approximate multiplier may compute:
 * convolution, dense (Gemm/MatMul), and the gate matrix products of LSTM and GRU. Elementwise products inside
 * recurrent cells are not counted here and stay exact.
 */
public sealed interface ApproximableLayer extends Layer permits ConvLayer, DenseLayer, LstmLayer, GruLayer {
  @Override
  default boolean approximable() {
    return true;
  }
}
