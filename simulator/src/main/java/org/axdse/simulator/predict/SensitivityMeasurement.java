package org.axdse.simulator.predict;

import java.util.List;
import java.util.function.Consumer;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.cache.CacheKey;
import org.axdse.simulator.cache.ResultCache;
import org.axdse.simulator.engine.CachedPhase;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.model.ApproximableLayer;

/**
 * Measures a model's {@link Sensitivity} with the exact engine: one pass for every channel's accumulator variance,
 * then, for each convolution and dense layer and each of {@link #LEVELS}, one pass with zero-mean Gaussian noise
 * of variance {@code level * variance[o]} added to the layer's accumulators (the other layers exact), and one
 * with a constant offset of the same power per channel (random sign), and for each of {@link #LOSSES} one with
 * that share of every channel's signal taken away ({@link SignalLoss}). Each records
 * {@code MSE(noisy logit codes - exact logit codes)}, taken around each class's mean change. Cost:
 * {@code 2 + 19 * layers} exact passes over the session's images. Through the result cache: the key hashes the
 * model file, the quantization (configuration, weight codes, biases), the images, the seed, the levels and the
 * losses.
 */
public final class SensitivityMeasurement {
  /**
   * Injected noise-to-signal ratios. Up to 100: the error model's mean and noise ratios of random assignments
   * reach 10 and more, where a power law extrapolated from 0.1 and 1 overstated the harm of an offset (a fitted
   * mean-error balance of 0.2-0.5 made up for it; measured up to 100, it came out 1 on five of six draw sets
   * and is gone). Down to 0.0001: the approximate multipliers a search or {@code evolve} weighs leave one layer
   * noise-to-signal ratios of 0.00001 to 0.002, and in layers whose response bends between 0.01 and 0.1 (it is
   * already large there) a power law extrapolated from those two overstated the harm of such small noise up to 64
   * times (ResNet-20, layer A1).
   */
  static final double[] LEVELS = {0.0001, 0.001, 0.01, 0.1, 1, 10, 100};
  /** Shares of a channel's signal taken away ({@link SignalLoss}); from 0.001, as small as designs' gains. */
  static final double[] LOSSES = {0.001, 0.01, 0.1, 0.5, 1};

  private SensitivityMeasurement() {}

  /** Measures on every image of {@code session} (an exact-engine session over calibration images). */
  public static Sensitivity measure(SimulationSession session, String modelSha256, long seed,
      ProgressListener progress) {
    List<ApproximableLayer> layers = session.model().approximableLayers();
    int[] images = new int[session.size()];
    java.util.Arrays.setAll(images, i -> i);
    Assignment exact = Assignment.allExact();
    byte[] reference = session.logits(exact, images);
    ChannelSpread spread = new ChannelSpread(layers.size());
    session.logits(exact, images, spread);
    boolean signed = session.logitsSigned();
    int classes = reference.length / images.length;
    double[][] signal = new double[layers.size()][];
    double[][] noise = new double[layers.size()][LEVELS.length];
    double[][] offset = new double[layers.size()][LEVELS.length];
    double[][] loss = new double[layers.size()][LOSSES.length];
    try (ProgressListener.Task t = progress.start("sensitivity", layers.size(), "layers")) {
      for (int l = 0; l < layers.size(); l++) {
        double[] v = spread.variance(l);
        if (!ErrorModel.describable(layers.get(l)) || v == null) {
          signal[l] = new double[0];
          t.advance(1);
          continue;
        }
        signal[l] = v;
        for (int k = 0; k < LEVELS.length; k++) {
          long stream = streamSeed(seed, l * LEVELS.length + k);
          byte[] noisy = session.logits(exact, images, noise(layers.size(), l, v, LEVELS[k], false, stream));
          noise[l][k] = meanSquaredChange(reference, noisy, signed, classes);
          byte[] shifted = session.logits(exact, images, noise(layers.size(), l, v, LEVELS[k], true, stream));
          offset[l][k] = meanSquaredChange(reference, shifted, signed, classes);
        }
        for (int k = 0; k < LOSSES.length; k++) {
          byte[] shrunk = session.logits(exact, images, new SignalLoss(l, spread.mean(l), 1 - LOSSES[k]));
          loss[l][k] = meanSquaredChange(reference, shrunk, signed, classes);
        }
        t.advance(1);
      }
    }
    return new Sensitivity(modelSha256, LEVELS, signal, noise, offset, LOSSES, loss, images.length);
  }

  /**
   * The measurement from {@code cache} when a valid entry for this model, quantization, images and seed exists
   * (an entry measured on another model is recomputed), else measured and stored; the phase goes to
   * {@code phases}.
   */
  public static Sensitivity cached(ResultCache cache, SimulationSession session, String modelSha256, long seed,
      ProgressListener progress, Consumer<SetupPhase> phases) {
    int layers = session.model().approximableLayers().size();
    return CachedPhase.get("sensitivity", cache, () -> key(session, modelSha256, seed),
        body -> Sensitivity.decode(body, modelSha256, layers),
        () -> measure(session, modelSha256, seed, progress), Sensitivity::encode, phases);
  }

  static CacheKey key(SimulationSession session, String modelSha256, long seed) {
    CacheKey.Builder b = SessionKey.of("sensitivity", session, modelSha256);
    b.add(seed);
    for (double level : LEVELS) {
      b.add(Double.doubleToLongBits(level));
    }
    for (double l : LOSSES) {
      b.add(Double.doubleToLongBits(l));
    }
    return b.build();
  }

  /**
   * Noise of power {@code level * variance[o]} on every channel of {@code layer}: zero-mean Gaussian, or with
   * {@code offset} a constant of that size per channel with a random sign.
   */
  private static GaussianNoise noise(int layers, int layer, double[] variance, double level, boolean offset,
      long seed) {
    double[][] mean = new double[layers][];
    double[][] std = new double[layers][];
    mean[layer] = new double[variance.length];
    std[layer] = new double[variance.length];
    java.util.SplittableRandom signs = new java.util.SplittableRandom(seed);
    for (int o = 0; o < variance.length; o++) {
      double size = Math.sqrt(level * variance[o]);
      if (offset) {
        mean[layer][o] = signs.nextBoolean() ? size : -size;
      } else {
        std[layer][o] = size;
      }
    }
    return new GaussianNoise(mean, std, seed);
  }

  /** The seed of noise stream {@code stream} of a run seeded {@code seed}. */
  static long streamSeed(long seed, long stream) {
    return new java.util.SplittableRandom(seed + stream).nextLong();
  }

  /**
   * The mean squared change of the logit codes from {@code a} to {@code b} ({@code classes} per sample), each
   * class's mean change over the samples removed first: a shift common to all images moves few decisions, so it
   * is not counted as noise.
   */
  public static double meanSquaredChange(byte[] a, byte[] b, boolean signed, int classes) {
    int samples = a.length / classes;
    double[] mean = new double[classes];
    double[] square = new double[classes];
    for (int i = 0; i < a.length; i++) {
      double d = signed ? a[i] - b[i] : (a[i] & 0xff) - (b[i] & 0xff);
      mean[i % classes] += d / samples;
      square[i % classes] += d * d / samples;
    }
    double s = 0;
    for (int c = 0; c < classes; c++) {
      s += Math.max(0, square[c] - mean[c] * mean[c]) / classes;
    }
    return s;
  }
}
