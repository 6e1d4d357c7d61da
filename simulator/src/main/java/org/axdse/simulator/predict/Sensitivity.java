package org.axdse.simulator.predict;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What one model's noise measurement found, by approximable-layer index: the variance of every channel's exact
 * accumulators ({@code signal[l][o]}; an empty row for a layer the error model does not describe) and the layer's
 * sensitivities: {@code weight[l]}, the mean squared change of the logit codes per unit of injected zero-mean
 * noise-to-signal ratio, and {@code meanWeight[l]}, the same per unit of a constant per-channel offset's power
 * (networks tolerate a bias far better than noise of the same power). Carries the SHA-256 of the model file it was measured on; {@link #decode} refuses a body measured on
 * another model, so a stale cache entry is recomputed, never used.
 */
public record Sensitivity(String modelSha256, double[][] signal, double[] weight, double[] meanWeight,
    int images) {
  private static final String MAGIC = "axdse-sensitivity-3";

  public Sensitivity {
    Objects.requireNonNull(modelSha256, "modelSha256");
    if (signal.length != weight.length || meanWeight.length != weight.length || images < 1) {
      throw new IllegalArgumentException(signal.length + " signal rows, " + weight.length + " weights, "
          + images + " images");
    }
    signal = signal.clone();
    for (int l = 0; l < signal.length; l++) {
      signal[l] = signal[l].clone();
      if (!(weight[l] >= 0) || Double.isInfinite(weight[l]) || !(meanWeight[l] >= 0)
          || Double.isInfinite(meanWeight[l])) {
        throw new IllegalArgumentException("layer " + l + ": weights " + weight[l] + ", " + meanWeight[l]);
      }
    }
    weight = weight.clone();
    meanWeight = meanWeight.clone();
  }

  public int layers() {
    return weight.length;
  }

  /** Sensitivity of {@code layer} to zero-mean noise (the error's variance). */
  public double weight(int layer) {
    return weight[layer];
  }

  /** Sensitivity of {@code layer} to a constant offset per channel (the error's mean). */
  public double meanWeight(int layer) {
    return meanWeight[layer];
  }

  /** Exact accumulator variance of channel {@code o} of {@code layer}. */
  public double signal(int layer, int o) {
    return signal[layer][o];
  }

  public boolean describes(int layer) {
    return signal[layer].length > 0;
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeUTF(modelSha256);
      out.writeInt(images);
      out.writeInt(weight.length);
      for (int l = 0; l < weight.length; l++) {
        out.writeDouble(weight[l]);
        out.writeDouble(meanWeight[l]);
        out.writeInt(signal[l].length);
        for (double v : signal[l]) {
          out.writeDouble(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The measurement in {@code body}; IllegalArgumentException when it is not one, or was measured on a model
   * whose hash is not {@code modelSha256}, or has not {@code layers} layers.
   */
  static Sensitivity decode(byte[] body, String modelSha256, int layers) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
      if (!in.readUTF().equals(MAGIC)) {
        throw new IllegalArgumentException("not a sensitivity measurement");
      }
      String sha = in.readUTF();
      if (!sha.equals(modelSha256)) {
        throw new IllegalArgumentException("measured on model " + sha + ", not " + modelSha256);
      }
      int images = in.readInt();
      int n = in.readInt();
      if (n != layers) {
        throw new IllegalArgumentException(n + " layers, the model has " + layers);
      }
      double[] weight = new double[n];
      double[] meanWeight = new double[n];
      double[][] signal = new double[n][];
      for (int l = 0; l < n; l++) {
        weight[l] = in.readDouble();
        meanWeight[l] = in.readDouble();
        signal[l] = new double[in.readInt()];
        for (int o = 0; o < signal[l].length; o++) {
          signal[l][o] = in.readDouble();
        }
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes");
      }
      return new Sensitivity(sha, signal, weight, meanWeight, images);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated sensitivity measurement");
    }
  }
}
