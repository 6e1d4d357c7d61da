package org.axdse.multipliers.cgp;

import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * A candidate's error as the search will see it after compensation: the error model's predicted logit loss of one
 * layer (the accuracy predictor's figure, restricted to that layer). For a product table {@code T}, activation
 * codes {@code a} drawn from the layer's calibrated histogram {@code n(a)} and input zero point {@code za}:
 *
 * <ol>
 *   <li><b>Weight tuning</b> (ALWANN, as the search's {@code --compensate weights|both}): each weight code
 *       {@code w} is stored as the code {@code u} of {@code [qmin, qmax]} that minimises
 *       {@code sum_a n(a) (T(a, u) - a*w - za*(u - w))^2} (ties keep {@code w}, then the lower code). With
 *       the raw product error {@code D_u(a) = T(a, u) - a*u} and {@code t = u - w} that is {@code sum n D_u^2 +
 *       2t sum n D_u (a - za) + t^2 sum n (a - za)^2}: one pass over the table for each column's sums of
 *       {@code D}, then {@code codes^2} costs.</li>
 *   <li><b>Per weight code</b> the product error {@code e_w(a) = D_u(a) + (a - za)(u - w)} under the activation
 *       distribution: {@code E[e_w]}, {@code Var[e_w]} and {@code Cov(a, e_w)}, from the same column sums.</li>
 *   <li><b>Per output channel</b> {@code o}, one pass over its weight-code histogram {@code c_o(w)} (its positions
 *       taken as independent, each under the layer's activation histogram): {@code mean_o = sum c_o(w) E[e_w]},
 *       {@code var_o = sum c_o(w) Var[e_w]}, gain {@code g_o = sum c_o(w) w Cov(a, e_w) / sum c_o(w) w^2 Var(a)}
 *       (as {@code LayerErrorModel}). <b>Bias correction</b> leaves {@code mean_o - round(mean_o)}.</li>
 *   <li>Against each channel's exact accumulator variance {@code S_o} (the predictor's signal): lost signal
 *       {@code G = sqrt(avg g_o^2)}, the rest {@code R = avg max(0, var_o / S_o - g_o^2)}, the mean part
 *       {@code M = avg mean_o^2 / S_o}, and the score {@code noise(R) + loss(G) + offset(M)} of the layer's
 *       {@link LayerResponse} (as the predictor's {@code NoiseFigure}).</li>
 * </ol>
 *
 * The products needed are those of the activations of positive count times every weight code of the range
 * ({@link #stimulus()}). Immutable and thread-safe.
 */
public final class CompensatedLoss implements CandidateError {
  private final SupportStimulus stimulus;
  private final boolean tune;
  private final int za;
  private final int qmin;
  private final int codes;
  private final int[] activations;
  private final double[] counts;
  private final double[] probabilities;
  private final int[] slot;
  private final double[] exactProduct;
  /** Whether stimulus pair {@code i} is cell {@code i} of the activation-by-code table (unsigned formats). */
  private final boolean inOrder;
  private final int[] usedWeights;
  private final int[][] channelWeights;
  private final int[][] channelCounts;
  private final double[] signal;
  private final LayerResponse response;
  private final double meanA;
  private final double varA;
  private final double total;
  private final double centredMean;
  private final double centredSquare;
  private final double centredTimesA;
  private final double centredSquareCount;

  /**
   * @param format the layer's integer multiplier format
   * @param activationCounts 256 counts by activation code bit pattern, not all 0
   * @param zeroPoint the layer's input zero point {@code za}
   * @param qmin lowest weight code
   * @param qmax highest weight code
   * @param weightCounts {@code [channel][w - qmin]}: how many positions of each channel hold code {@code w}
   * @param signal each channel's exact accumulator variance, > 0
   * @param response the layer's logit responses
   * @param tuneWeights weight tuning before bias correction ({@code both}); else bias correction only
   */
  public CompensatedLoss(MultiplierFormat format, long[] activationCounts, int zeroPoint, int qmin, int qmax,
      int[][] weightCounts, double[] signal, LayerResponse response, boolean tuneWeights) {
    if (format.isFloat() || activationCounts.length != 1 << format.activationBits() || qmin > qmax
        || qmin < format.minWeight() || qmax > format.maxWeight()) {
      throw new IllegalArgumentException("need an integer format, " + (1 << format.activationBits())
          + " activation counts and a weight range inside " + format);
    }
    if (weightCounts.length == 0 || weightCounts.length != signal.length) {
      throw new IllegalArgumentException(weightCounts.length + " channels of weights, " + signal.length
          + " signals");
    }
    this.tune = tuneWeights;
    this.za = zeroPoint;
    this.qmin = qmin;
    this.codes = qmax - qmin + 1;
    this.response = response;
    this.signal = signal.clone();
    double[] pa = new double[activationCounts.length];
    int nonZero = 0;
    double total = 0;
    for (int c = 0; c < pa.length; c++) {
      if (activationCounts[c] < 0) {
        throw new IllegalArgumentException("negative activation count at code " + c);
      }
      pa[c] = activationCounts[c];
      nonZero += activationCounts[c] > 0 ? 1 : 0;
      total += activationCounts[c];
    }
    if (nonZero == 0) {
      throw new IllegalArgumentException("no activation counted");
    }
    activations = new int[nonZero];
    counts = new double[nonZero];
    probabilities = new double[nonZero];
    int[] position = new int[pa.length];
    int j = 0;
    for (int c = 0; c < pa.length; c++) {
      if (activationCounts[c] > 0) {
        position[c] = j;
        activations[j] = format.activationAt(c << format.weightBits());
        counts[j] = activationCounts[c];
        probabilities[j++] = activationCounts[c] / total;
      }
    }
    double[] pw = new double[1 << format.weightBits()];
    for (int w = qmin; w <= qmax; w++) {
      pw[format.index(0, w) & (pw.length - 1)] = 1;
    }
    stimulus = SupportStimulus.of(OperandDistribution.independent(format, pa, pw));
    slot = new int[stimulus.size()];
    exactProduct = new double[slot.length];
    for (int i = 0; i < slot.length; i++) {
      int idx = stimulus.index(i);
      slot[i] = position[idx >>> format.weightBits()] * codes + format.weightAt(idx) - qmin;
      exactProduct[i] = (double) format.activationAt(idx) * format.weightAt(idx);
    }
    inOrder = java.util.stream.IntStream.range(0, slot.length).allMatch(i -> slot[i] == i);
    double a1 = 0;
    double a2 = 0;
    for (int k = 0; k < activations.length; k++) {
      a1 += probabilities[k] * activations[k];
      a2 += probabilities[k] * activations[k] * (double) activations[k];
    }
    meanA = a1;
    varA = Math.max(0, a2 - a1 * a1);
    this.total = total;
    double c1 = 0;
    double c2 = 0;
    double ca = 0;
    double cn = 0;
    for (int k = 0; k < activations.length; k++) {
      double c = activations[k] - (double) zeroPoint;
      c1 += probabilities[k] * c;
      c2 += probabilities[k] * c * c;
      ca += probabilities[k] * c * activations[k];
      cn += counts[k] * c * c;
    }
    centredMean = c1;
    centredSquare = c2;
    centredTimesA = ca;
    centredSquareCount = cn;
    boolean[] used = new boolean[codes];
    channelWeights = new int[weightCounts.length][];
    channelCounts = new int[weightCounts.length][];
    for (int o = 0; o < weightCounts.length; o++) {
      if (weightCounts[o].length != codes || !(signal[o] > 0) || !Double.isFinite(signal[o])) {
        throw new IllegalArgumentException("channel " + o + ": " + weightCounts[o].length + " weight counts for "
            + codes + " codes, signal " + signal[o]);
      }
      int n = 0;
      for (int c : weightCounts[o]) {
        n += c != 0 ? 1 : 0;
      }
      channelWeights[o] = new int[n];
      channelCounts[o] = new int[n];
      n = 0;
      for (int w = 0; w < codes; w++) {
        if (weightCounts[o][w] < 0) {
          throw new IllegalArgumentException("channel " + o + ": negative weight count");
        }
        if (weightCounts[o][w] > 0) {
          used[w] = true;
          channelWeights[o][n] = w;
          channelCounts[o][n++] = weightCounts[o][w];
        }
      }
    }
    usedWeights = java.util.stream.IntStream.range(0, codes).filter(w -> used[w]).toArray();
  }

  @Override
  public SupportStimulus stimulus() {
    return stimulus;
  }

  @Override
  public String label() {
    return ErrorMeasure.LOSS.label();
  }

  @Override
  public double score(int[] products) {
    return figures(products).score();
  }

  /** The per-layer figures of a circuit whose product of stimulus pair {@code i} is {@code products[i]}. */
  public Figures figures(int[] products) {
    if (products.length != slot.length) {
      throw new IllegalArgumentException(products.length + " products for " + slot.length + " pairs");
    }
    int na = activations.length;
    double[] error = new double[na * codes];
    if (inOrder) {
      for (int i = 0; i < slot.length; i++) {
        error[i] = products[i] - exactProduct[i];
      }
    } else {
      for (int i = 0; i < slot.length; i++) {
        error[slot[i]] = products[i] - exactProduct[i];
      }
    }
    ColumnSums sums = columnSums(error);
    int[] remap = tune ? remap(sums) : null;
    double[] e1 = new double[codes];
    double[] var = new double[codes];
    double[] cov = new double[codes];
    for (int wi : usedWeights) {
      int ui = remap == null ? wi : remap[wi];
      double t = ui - wi;
      // e_w(a) = P_u(a) - (a - za) w = D_u(a) + (a - za)(u - w), D_u(a) = T(a, u) - a u the raw product error.
      double m = sums.d[ui] / total + t * centredMean;
      double m2 = sums.d2[ui] / total + 2 * t * sums.dc[ui] / total + t * t * centredSquare;
      double ae = sums.da[ui] / total + t * centredTimesA;
      e1[wi] = m;
      var[wi] = Math.max(0, m2 - m * m);
      cov[wi] = ae - meanA * m;
    }
    return channels(e1, var, cov);
  }

  /**
   * Every weight code column's count-weighted sums of the raw product error {@code D = T(a, u) - a u} over the
   * activations: {@code sum n D}, {@code sum n D^2}, {@code sum n D (a - za)} and {@code sum n D a}. Taken row by
   * row (one activation at a time, contiguous in {@code error}), so the inner loop runs over the columns. Sums of the
   * error rather than of the product keep the moments free of cancellation (an exact column sums to 0).
   */
  private ColumnSums columnSums(double[] error) {
    ColumnSums s = new ColumnSums(new double[codes], new double[codes], new double[codes], new double[codes]);
    for (int k = 0; k < activations.length; k++) {
      int row = k * codes;
      double n = counts[k];
      double centred = activations[k] - za;
      double a = activations[k];
      for (int u = 0; u < codes; u++) {
        double v = n * error[row + u];
        s.d[u] += v;
        s.d2[u] += v * error[row + u];
        s.dc[u] += v * centred;
        s.da[u] += v * a;
      }
    }
    return s;
  }

  private record ColumnSums(double[] d, double[] d2, double[] dc, double[] da) { }

  /**
   * The tuned code index of every used weight code index (ALWANN's choice, see the class comment). Storing
   * {@code w} as {@code u} costs {@code sum n e^2} with {@code e = D_u + (a - za) t}, {@code t = u - w}: {@code
   * sum n D_u^2 + 2t sum n D_u (a - za) + t^2 sum n (a - za)^2}.
   */
  private int[] remap(ColumnSums sums) {
    double[] cost = new double[codes];
    int[] best = new int[codes];
    for (int wi : usedWeights) {
      for (int c = 0; c < codes; c++) {
        double t = c - wi;
        cost[c] = sums.d2[c] + 2 * t * sums.dc[c] + t * t * centredSquareCount;
      }
      int chosen = wi;
      double bestCost = cost[wi];
      for (int c = 0; c < codes; c++) {
        if (c != wi && cost[c] < bestCost) {
          bestCost = cost[c];
          chosen = c;
        }
      }
      best[wi] = chosen;
    }
    return best;
  }

  private Figures channels(double[] e1, double[] var, double[] cov) {
    int channels = signal.length;
    double rest = 0;
    double gain2 = 0;
    double mean = 0;
    double nsr = 0;
    for (int o = 0; o < channels; o++) {
      double m = 0;
      double v = 0;
      double c = 0;
      double s = 0;
      for (int j = 0; j < channelWeights[o].length; j++) {
        int wi = channelWeights[o][j];
        int n = channelCounts[o][j];
        double w = wi + qmin;
        m += n * e1[wi];
        v += n * var[wi];
        c += n * w * cov[wi];
        s += n * w * w * varA;
      }
      double g = s > 0 ? c / s : 0;
      double residual = m - roundHalfAway(m);
      rest += Math.max(0, v / signal[o] - g * g);
      gain2 += g * g;
      mean += residual * residual / signal[o];
      nsr += (v + residual * residual) / signal[o];
    }
    Figures f = new Figures(Math.sqrt(gain2 / channels), rest / channels, mean / channels, nsr / channels, 0);
    return f.withScore(response.noise(f.rest()) + response.loss(f.lost()) + response.offset(f.mean()));
  }

  /** Bias correction's rounding ({@code -round(mean)} per channel, halves away from zero). */
  static double roundHalfAway(double x) {
    return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
  }

  /**
   * One layer's figures after compensation: the lost signal {@code G}, the rest of the variance {@code R}, the
   * mean part {@code M} (each against the channels' signal, averaged), the noise-to-signal ratio
   * {@code avg (var_o + mean_o^2) / S_o}, and the predicted logit loss.
   */
  public record Figures(double lost, double rest, double mean, double nsr, double score) {
    Figures withScore(double s) {
      if (!(s >= 0) || Double.isInfinite(s)) {
        throw new IllegalStateException("predicted loss " + s);
      }
      return new Figures(lost, rest, mean, nsr, s);
    }
  }

  @Override
  public String toString() {
    return "CompensatedLoss[" + signal.length + " channels, " + activations.length + " activations, "
        + codes + " weight codes" + (tune ? ", tuned" : "") + "]";
  }
}
