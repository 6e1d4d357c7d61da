package org.axdse.simulator.energy;

/**
 * The work of one layer for one inference, as the energy model needs it: multiply-accumulates per output
 * channel (one entry when the layer has a single multiplier), and the numbers of weights, input activations and
 * output activations (8-bit each).
 */
public record LayerWorkload(String name, long[] macsPerChannel, long weights, long inputActivations,
    long outputActivations) {
  public LayerWorkload {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("layer name must not be blank");
    }
    if (macsPerChannel == null || macsPerChannel.length == 0) {
      throw new IllegalArgumentException(name + ": at least one channel of MACs is needed");
    }
    macsPerChannel = macsPerChannel.clone();
    for (long m : macsPerChannel) {
      if (m < 0) {
        throw new IllegalArgumentException(name + ": negative MAC count " + m);
      }
    }
    if (weights < 0 || inputActivations < 0 || outputActivations < 0) {
      throw new IllegalArgumentException(name + ": negative weight or activation count");
    }
  }

  /** A layer whose MACs are not split by channel. */
  public static LayerWorkload ofTotal(String name, long macs, long weights, long inputActivations,
      long outputActivations) {
    return new LayerWorkload(name, new long[] {macs}, weights, inputActivations, outputActivations);
  }

  /** A layer of {@code channels} output channels with {@code macs / channels} MACs each. */
  public static LayerWorkload ofUniformChannels(String name, int channels, long macs, long weights,
      long inputActivations, long outputActivations) {
    if (channels < 1 || macs % channels != 0) {
      throw new IllegalArgumentException(name + ": " + macs + " MACs do not split into " + channels + " channels");
    }
    long[] per = new long[channels];
    java.util.Arrays.fill(per, macs / channels);
    return new LayerWorkload(name, per, weights, inputActivations, outputActivations);
  }

  @Override
  public long[] macsPerChannel() {
    return macsPerChannel.clone();
  }

  public int channels() {
    return macsPerChannel.length;
  }

  public long macs(int channel) {
    return macsPerChannel[channel];
  }

  public long totalMacs() {
    long s = 0;
    for (long m : macsPerChannel) {
      s += m;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LayerWorkload w && w.name.equals(name) && java.util.Arrays.equals(w.macsPerChannel,
        macsPerChannel) && w.weights == weights && w.inputActivations == inputActivations
        && w.outputActivations == outputActivations;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + java.util.Arrays.hashCode(macsPerChannel);
  }

  @Override
  public String toString() {
    return "LayerWorkload[" + name + ", " + totalMacs() + " MACs in " + channels() + " channel(s), " + weights
        + " weights, " + inputActivations + " in, " + outputActivations + " out]";
  }
}
