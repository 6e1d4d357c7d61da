package org.axdse.simulator.engine;

/**
 * Observes the codes of every tensor as the engine runs (the model input and each layer's output), for operand
 * histograms and tests. {@code codes} holds {@code batch * perSample} codes in the tensor's layout: sample-major
 * {@code [batch][d0][rest]}, or channel-major {@code [d0][batch][rest]} when {@code channelMajor}. Called on the
 * engine's thread; must not modify or keep the array.
 */
@FunctionalInterface
public interface TensorTap {
  TensorTap NONE = (tensor, codes, batch, perSample, channelMajor) -> {};

  void observe(String tensor, byte[] codes, int batch, int perSample, boolean channelMajor);
}
