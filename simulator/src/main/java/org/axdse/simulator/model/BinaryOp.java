package org.axdse.simulator.model;

/** The operation of a {@link BroadcastLayer}: {@code a op b}, the second operand broadcast to the first. */
public enum BinaryOp {
  ADD("Add"),
  SUB("Sub"),
  MUL("Mul"),
  /** Real division; a divisor of 0 gives what IEEE 754 gives in float (the integer engine saturates instead). */
  DIV("Div");

  private final String onnx;

  BinaryOp(String onnx) {
    this.onnx = onnx;
  }

  public String onnx() {
    return onnx;
  }

  public double apply(double a, double b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
    };
  }

  public float applyFloat(float a, float b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
    };
  }
}
