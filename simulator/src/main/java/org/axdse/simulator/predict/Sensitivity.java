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
 * accumulators ({@code signal[l][o]}; an empty row for a layer the error model does not describe) and, at each
 * injected noise-to-signal ratio {@code levels[k]}, the mean squared change of the logit codes with zero-mean
 * noise ({@code noise[l][k]}) and with a constant offset of that power per channel ({@code offset[l][k]}), and at
 * each share {@code losses[k]} of every channel's signal taken away, the same change ({@code loss[l][k]}).
 * Between and beyond the levels a layer's response is the power law through its two nearest measurements.
 * Carries the SHA-256 of the model file it was measured on; {@link #decode} refuses a body measured on another
 * model, so a stale cache entry is recomputed, never used.
 */
public record Sensitivity(String modelSha256, double[] levels, double[][] signal, double[][] noise,
    double[][] offset, double[] losses, double[][] loss, int images) {
  private static final String MAGIC = "axdse-sensitivity-5";

  public Sensitivity {
    Objects.requireNonNull(modelSha256, "modelSha256");
    if (signal.length != noise.length || offset.length != noise.length || loss.length != noise.length
        || images < 1 || levels.length < 2 || losses.length < 2) {
      throw new IllegalArgumentException(signal.length + " signal rows, " + noise.length + " noise rows, "
          + offset.length + " offset rows, " + loss.length + " loss rows, " + levels.length + " levels, "
          + losses.length + " losses, " + images + " images");
    }
    levels = levels.clone();
    losses = losses.clone();
    signal = deep(signal);
    noise = deep(noise);
    offset = deep(offset);
    loss = deep(loss);
    for (int l = 0; l < noise.length; l++) {
      if (noise[l].length != levels.length || offset[l].length != levels.length || loss[l].length != losses.length) {
        throw new IllegalArgumentException("layer " + l + ": responses for " + noise[l].length + ", "
            + offset[l].length + " and " + loss[l].length + " of " + levels.length + " levels and "
            + losses.length + " losses");
      }
      for (double v : loss[l]) {
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException("layer " + l + ": loss response " + v);
        }
      }
      for (int k = 0; k < levels.length; k++) {
        if (!(noise[l][k] >= 0) || !(offset[l][k] >= 0) || Double.isInfinite(noise[l][k] + offset[l][k])) {
          throw new IllegalArgumentException("layer " + l + ": responses " + noise[l][k] + ", " + offset[l][k]);
        }
      }
    }
  }

  private static double[][] deep(double[][] a) {
    double[][] c = a.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] = c[i].clone();
    }
    return c;
  }

  public int layers() {
    return noise.length;
  }

  /** Mean logit response per unit of zero-mean noise-to-signal over the levels (for display). */
  public double weight(int layer) {
    return slope(noise[layer]);
  }

  /** Mean logit response per unit of offset-to-signal over the levels (for display). */
  public double meanWeight(int layer) {
    return slope(offset[layer]);
  }

  private double slope(double[] response) {
    double s = 0;
    for (int k = 0; k < levels.length; k++) {
      s += response[k] / levels[k] / levels.length;
    }
    return s;
  }

  /** The logit response of {@code layer} to zero-mean noise of noise-to-signal ratio {@code ratio}. */
  public double noiseResponse(int layer, double ratio) {
    return response(noise[layer], ratio);
  }

  /** The logit response of {@code layer} to constant offsets of offset-to-signal ratio {@code ratio}. */
  public double offsetResponse(int layer, double ratio) {
    return response(offset[layer], ratio);
  }

  /** The logit response of {@code layer} to the share {@code share} of its channels' signal taken away. */
  public double lossResponse(int layer, double share) {
    return response(losses, loss[layer], share);
  }

  private double response(double[] y, double ratio) {
    return response(levels, y, ratio);
  }

  /** The power law {@code y_k * (ratio / level_k)^alpha} through the two measured levels nearest to it. */
  private static double response(double[] levels, double[] y, double ratio) {
    if (ratio <= 0) {
      return 0;
    }
    int k = 0;
    while (k + 2 < levels.length && ratio > levels[k + 1]) {
      k++;
    }
    if (!(y[k] > 0) || !(y[k + 1] > 0)) {
      double s = 0;
      for (int i = 0; i < levels.length; i++) {
        s += y[i] / levels[i] / levels.length;
      }
      return ratio * s;
    }
    double alpha = Math.log(y[k + 1] / y[k]) / Math.log(levels[k + 1] / levels[k]);
    alpha = Math.max(0.25, Math.min(3, alpha));
    return y[k] * Math.pow(ratio / levels[k], alpha);
  }

  /** Exact accumulator variance of channel {@code o} of {@code layer}. */
  public double signal(int layer, int o) {
    return signal[layer][o];
  }

  public int channels(int layer) {
    return signal[layer].length;
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
      write(out, levels);
      write(out, losses);
      out.writeInt(noise.length);
      for (int l = 0; l < noise.length; l++) {
        write(out, noise[l]);
        write(out, offset[l]);
        write(out, loss[l]);
        write(out, signal[l]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(DataOutputStream out, double[] v) throws IOException {
    out.writeInt(v.length);
    for (double d : v) {
      out.writeDouble(d);
    }
  }

  private static double[] read(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available() / 8) {
      throw new IllegalArgumentException("bad array length " + n);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readDouble();
    }
    return v;
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
      double[] levels = read(in);
      double[] losses = read(in);
      int n = in.readInt();
      if (n != layers) {
        throw new IllegalArgumentException(n + " layers, the model has " + layers);
      }
      double[][] noise = new double[n][];
      double[][] offset = new double[n][];
      double[][] signal = new double[n][];
      double[][] loss = new double[n][];
      for (int l = 0; l < n; l++) {
        noise[l] = read(in);
        offset[l] = read(in);
        loss[l] = read(in);
        signal[l] = read(in);
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("trailing bytes");
      }
      return new Sensitivity(sha, levels, signal, noise, offset, losses, loss, images);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated sensitivity measurement");
    }
  }
}
