package org.axdse.simulator.model;

/** The operation of a {@link BroadcastLayer}. */
public enum BinaryOp {
  ADD("Add"),
  MUL("Mul");

  private final String onnx;

  BinaryOp(String onnx) {
    this.onnx = onnx;
  }

  public String onnx() {
    return onnx;
  }

  public double apply(double a, double b) {
    return this == ADD ? a + b : a * b;
  }

  public float applyFloat(float a, float b) {
    return this == ADD ? a + b : a * b;
  }
}
