package org.axdse.simulator.model;

import org.apache.commons.math3.special.Erf;

/**
 * The elementwise functions of a {@link UnaryLayer}, with the ONNX operator each one comes from. {@code alpha} and
 * {@code beta} are the ONNX attributes (the slope of LeakyRelu, one per channel for PRelu; the line of
 * HardSigmoid; Elu's and Selu's alpha, Selu's gamma as beta); functions without parameters ignore them. Definitions follow the ONNX operator pages.
 */
public enum UnaryFunction {
  /** {@code 1 / (1 + e^-x)}. */
  SIGMOID("Sigmoid"),
  /** {@code tanh(x)}. */
  TANH("Tanh"),
  /** {@code max(0, min(1, alpha * x + beta))}; PyTorch's hardsigmoid is alpha 1/6, beta 1/2. */
  HARD_SIGMOID("HardSigmoid"),
  /** {@code x * max(0, min(1, x / 6 + 1/2))} (opset 14; older exports spell it HardSigmoid then Mul). */
  HARD_SWISH("HardSwish"),
  /** {@code x} for {@code x >= 0}, else {@code alpha * x}: LeakyRelu, or PRelu with a slope per channel. */
  LEAKY_RELU("LeakyRelu"),
  /** {@code x} for {@code x >= 0}, else {@code alpha (e^x - 1)}. */
  ELU("Elu"),
  /** {@code beta * x} for {@code x > 0}, else {@code beta * alpha (e^x - 1)}: ONNX's gamma is {@code beta}. */
  SELU("Selu"),
  /** {@code ln(1 + e^x)}; Mish is {@code x * tanh(softplus(x))}. */
  SOFTPLUS("Softplus"),
  /**
   * The error function {@code 2/sqrt(pi) * integral_0^x e^(-t^2) dt}; PyTorch exports GELU as
   * {@code x * 0.5 * (1 + erf(x / sqrt 2))}. StrictMath has none: Commons Math's {@link Erf}, pure Java on
   * {@code FastMath}, so as deterministic as StrictMath.
   */
  ERF("Erf");

  private final String onnx;

  UnaryFunction(String onnx) {
    this.onnx = onnx;
  }

  /** The ONNX operator name. */
  public String onnx() {
    return onnx;
  }

  /**
   * The function at {@code x}, in double precision with {@link StrictMath} (the integer engine's code maps are built
   * from it, so they are the same on every JVM and platform, not only on this one).
   */
  public double apply(double x, double alpha, double beta) {
    return switch (this) {
      case SIGMOID -> 1 / (1 + StrictMath.exp(-x));
      case TANH -> StrictMath.tanh(x);
      case HARD_SIGMOID -> Math.max(0, Math.min(1, alpha * x + beta));
      case HARD_SWISH -> x * Math.max(0, Math.min(1, x / 6 + 0.5));
      case LEAKY_RELU -> x >= 0 ? x : alpha * x;
      case ELU -> x >= 0 ? x : alpha * StrictMath.expm1(x);
      case SELU -> beta * (x > 0 ? x : alpha * StrictMath.expm1(x));
      case SOFTPLUS -> Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
      case ERF -> Erf.erf(x);
    };
  }

  /** The function at {@code x} in float32 arithmetic, the way PyTorch's CPU kernels round it. */
  public float applyFloat(float x, float alpha, float beta) {
    return switch (this) {
      case SIGMOID, TANH, ELU, SELU, SOFTPLUS, ERF -> (float) apply(x, alpha, beta);
      case HARD_SIGMOID -> Math.max(0f, Math.min(1f, alpha * x + beta));
      case HARD_SWISH -> x * Math.max(0f, Math.min(6f, x + 3f)) / 6f;
      case LEAKY_RELU -> x >= 0 ? x : alpha * x;
    };
  }
}
