package org.axdse.simulator.model;

/**
 * A forward LSTM over a {@code [T, inputSize]} sequence, starting from zero state, writing every hidden state
 * ({@code [T, hidden]}). Gate order is ONNX's i, o, f, c: {@code w} is {@code [4H][inputSize]}, {@code r} is
 * {@code [4H][H]}, {@code bias} is {@code [4H]} (ONNX's Wb + Rb). Per step: {@code i = s(Wi x + Ri h + bi)},
 * {@code o}, {@code f} alike, {@code g = tanh(Wc x + Rc h + bc)}, {@code c = f*c + i*g}, {@code h = o*tanh(c)}
 * (Hochreiter and Schmidhuber 1997; ONNX LSTM operator).
 */
public record LstmLayer(String name, Ports ports, int inputSize, int hidden, float[] w, float[] r, float[] bias)
    implements ApproximableLayer {
  public LstmLayer {
    Checks.recurrent(name, ports, inputSize, hidden, 4, w, r);
    Checks.length(bias, 4L * hidden, name, "bias");
  }

  @Override
  public String kind() {
    return "LSTM";
  }

  public int steps() {
    return input().shape().dim(0);
  }

  @Override
  public long macsPerSample() {
    return (long) steps() * 4 * hidden * (inputSize + hidden);
  }

  @Override
  public long parameterCount() {
    return (long) w.length + r.length + bias.length;
  }
}
