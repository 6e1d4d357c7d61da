package org.axdse.simulator.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.LayerPrediction;
import org.junit.jupiter.api.Test;

/**
 * The noise figure of one layer worked out by hand: the part of a channel's error that is a multiple of its
 * exact accumulator (its gain) goes to the measured signal-loss response, the rest to the noise response.
 */
class NoiseFigureTest {
  private static final String SHA = "a".repeat(64);

  // one layer, two channels with exact-accumulator variance 4 and 1; every response is linear (exponent 1):
  // noise 10 * ratio, offset 10 * ratio, signal loss 10 * share
  private static final Sensitivity S = new Sensitivity(SHA, new double[] {0.1, 1}, new double[][] {{4, 1}},
      new double[][] {{1, 10}}, new double[][] {{1, 10}}, new double[] {0.5, 1}, new double[][] {{5, 10}}, 1);

  // error variance 2 and 0.25, no mean: noise-to-signal 2 / 4 = 0.5 and 0.25 / 1 = 0.25
  private static final List<LayerPrediction> ERRORS = List.of(prediction(new double[] {0, 0},
      new double[] {2, 0.25}));

  private static LayerPrediction prediction(double[] mean, double[] variance) {
    ChannelMoments m = new ChannelMoments(mean, variance);
    return new LayerPrediction(0, "conv", List.of("m"), m, m.pooled());
  }

  @Test
  void aGainMovesItsPowerFromNoiseToSignalLoss() {
    // channel 0 has gain -0.5: 0.25 of its 0.5 is lost signal, 0.25 noise; channel 1 is all noise (0.25).
    // noise 10 * avg(0.25, 0.25) = 2.5; loss 10 * sqrt(avg(0.25, 0)) = 10 * sqrt(0.125) = 3.5355...
    NoiseFigure f = NoiseFigure.of(ERRORS, new double[][] {{-0.5, 0}}, S);
    assertEquals(2.5 + 10 * Math.sqrt(0.125), f.total(), 1e-12);
    assertEquals(0, f.meanPart(), 0.0);
    assertEquals((0.5 + 0.25) / 2, f.nsr()[0], 1e-12, "the noise-to-signal ratio counts all the error power");
  }

  @Test
  void withoutGainsAllTheVarianceIsNoise() {
    NoiseFigure f = NoiseFigure.of(ERRORS, new double[][] {null}, S);
    assertEquals(10 * (0.5 + 0.25) / 2, f.total(), 1e-12);
  }

  @Test
  void theMeanGoesToTheOffsetResponse() {
    // means 2 and 0: offset-to-signal avg(4 / 4, 0) = 0.5 -> 5; no variance, no gain
    NoiseFigure f = NoiseFigure.of(List.of(prediction(new double[] {2, 0}, new double[] {0, 0})),
        new double[][] {{0, 0}}, S);
    assertEquals(5, f.meanPart(), 1e-12);
    assertEquals(5, f.total(), 1e-12);
  }
}
