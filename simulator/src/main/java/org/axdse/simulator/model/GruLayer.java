package org.axdse.simulator.model;

/**
 * A forward GRU over a {@code [T, inputSize]} sequence, starting from zero state, writing every hidden state
 * ({@code [T, hidden]}). Gate order is ONNX's z, r, h: {@code w} is {@code [3H][inputSize]}, {@code r} is
 * {@code [3H][H]}, {@code wBias} and {@code rBias} are {@code [3H]}. With {@code linearBeforeReset} the candidate
 * is {@code tanh(Wh x + bWh + rt * (Rh h + bRh))}, else {@code tanh(Wh x + bWh + Rh (rt * h) + bRh)}; then
 * {@code h = (1 - z) * candidate + z * h} (Cho et al. 2014; ONNX GRU operator).
 */
public record GruLayer(
    String name, Ports ports, int inputSize, int hidden, float[] w, float[] r, float[] wBias, float[] rBias,
    boolean linearBeforeReset)
    implements ApproximableLayer {
  public GruLayer {
    Checks.recurrent(name, ports, inputSize, hidden, 3, w, r);
    Checks.length(wBias, 3L * hidden, name, "W bias");
    Checks.length(rBias, 3L * hidden, name, "R bias");
  }

  @Override
  public String kind() {
    return "GRU";
  }

  public int steps() {
    return input().shape().dim(0);
  }

  @Override
  public long macsPerSample() {
    return (long) steps() * 3 * hidden * (inputSize + hidden);
  }

  @Override
  public long parameterCount() {
    return (long) w.length + r.length + wBias.length + rBias.length;
  }
}
