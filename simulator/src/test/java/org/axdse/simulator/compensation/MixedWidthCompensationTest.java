package org.axdse.simulator.compensation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.SessionOptions;
import org.axdse.simulator.engine.SimulationSession;
import org.axdse.simulator.engine.TinyNets;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compensation with several weight widths: each layer is compensated in its own multiplier's width. Where the
 * widths agree with a single-width run (the 8-bit layers of a 4,8 session; the weight tuning of the first layer,
 * whose inputs are the images in every run) the compensation equals the single-width one bit for bit, and the
 * compensated quantization evaluates like one assembled by hand from the single-width compensations. Bias
 * correction leaves a mean accumulator error of at most half a unit per channel on the calibration images against
 * the exact network at the widest width (a narrower layer's mean weight shift included), measured through the
 * engine's accumulators.
 */
class MixedWidthCompensationTest {
  private static final MultiplierCatalog LIBRARY = MultiplierCatalog.builtin();
  private static final WidthSet FOUR_EIGHT = new WidthSet(List.of(4, 8));
  private static final String NARROW = "s8x4_bam_h1v4";
  private static final String WIDE = "s8x8_bam_h2v5";

  @TempDir Path dir;

  private record Setup(Model model, Dataset data, QuantizedModel q8, QuantizedModel q4) {}

  private Setup setup(boolean perChannel) {
    TinyNets t = new TinyNets(11);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 24, 5);
    return new Setup(m, data, TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, perChannel, 8), 5),
        TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, perChannel, 4), 5));
  }

  private static SimulationSession mixed(Setup s, boolean stats) {
    return SimulationSession.open(s.model, s.q8, s.data, LIBRARY, SessionOptions.defaults().withThreads(2)
        .withBatchSize(16).withFloatReference(false).withLayerStatistics(stats).withWidths(FOUR_EIGHT));
  }

  private static List<String> names(Model m) {
    return m.approximableLayers().stream().map(ApproximableLayer::name).toList();
  }

  private static CompensationCache cache(Setup s, QuantizedModel q, CompensationMethod method, WidthSet widths) {
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      return CompensationCache.open(s.model, q, LIBRARY, s.data, method, k, widths);
    }
  }

  private static void assertSameLayer(LayerCompensation expected, LayerCompensation actual) {
    assertEquals(expected.name(), actual.name());
    assertEquals(expected.remaps(), actual.remaps(), expected.name());
    assertArrayEquals(expected.biasDelta(), actual.biasDelta(), expected.name());
  }

  private static LayerCompensation layer(Compensation c, int index) {
    return c.layers().stream().filter(l -> l.index() == index).findFirst().orElseThrow();
  }

  private void agreesWithTheSingleWidthRuns(boolean perChannel) {
    Setup s = setup(perChannel);
    List<String> names = names(s.model);
    Map<String, LayerAssignment> layers = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      layers.put(names.get(i), new LayerAssignment.Uniform(i == 0 ? NARROW : WIDE));
    }
    Assignment mix = new Assignment(layers);
    CompensationMethod weights = CompensationMethod.WEIGHTS;
    Compensation cMix = cache(s, s.q8, weights, FOUR_EIGHT).compute(mix);
    Compensation c8 = cache(s, s.q8, weights, null).compute(Assignment.uniform(names, WIDE));
    Compensation c4 = cache(s, s.q4, weights, null).compute(Assignment.uniform(names, NARROW));
    assertEquals(names.size(), cMix.layers().size(), "every layer is approximate and compensated");
    // layer 0 reads the images in every run, so its 4-bit weight tuning is the 4-bit run's
    assertSameLayer(layer(c4, 0), layer(cMix, 0));
    assertTrue(layer(cMix, 0).remappedCodes() > 0, "the 4-bit design's codes are tuned (the test can fail)");
    layer(cMix, 0).remaps().get(NARROW).forEach((from, to) -> assertTrue(Math.abs(from) <= 7
        && Math.abs(to) <= 7, "4-bit codes: " + from + " -> " + to));
    for (int i = 1; i < names.size(); i++) {
      assertSameLayer(layer(c8, i), layer(cMix, i));
    }
    CompensationMethod both = CompensationMethod.WEIGHTS_AND_BIAS;
    Compensation bMix = cache(s, s.q8, both, FOUR_EIGHT).compute(mix);
    Compensation b8 = cache(s, s.q8, both, null).compute(Assignment.uniform(names, WIDE));
    assertEquals(layer(c4, 0).remaps(), layer(bMix, 0).remaps());
    for (int i = 1; i < names.size(); i++) {
      assertSameLayer(layer(b8, i), layer(bMix, i));
    }
    try (SimulationSession session = mixed(s, true)) {
      QuantizedModel atWidths = session.atWidths(mix);
      assertNotSame(s.q8, atWidths, "layer 0 is quantized at 4 bits");
      QuantizedModel compensated = cMix.applyTo(atWidths);
      // by hand: layer 0 from the compensated 4-bit run, every other layer from the compensated 8-bit run
      List<LayerQuantization> byHand = new ArrayList<>(c8.applyTo(s.q8).layers());
      byHand.set(0, c4.applyTo(s.q4).layer(0));
      QuantizedModel expected = s.q8.withLayers(byHand);
      for (int i = 0; i < names.size(); i++) {
        assertArrayEquals(expected.layer(i).weights().codes(), compensated.layer(i).weights().codes(), "codes " + i);
        assertArrayEquals(expected.layer(i).bias(), compensated.layer(i).bias(), "bias " + i);
      }
      int[] all = new int[s.data.size()];
      java.util.Arrays.setAll(all, i -> i);
      Evaluation viaSession = session.evaluate(mix, compensated);
      Evaluation viaHand = session.evaluateAtWidths(mix, all, expected);
      assertEquals(viaHand.assignment().top1(), viaSession.assignment().top1(), 0.0);
      assertEquals(viaHand.agreement(), viaSession.agreement(), 0.0);
      for (int i = 0; i < names.size(); i++) {
        assertEquals(viaHand.layers().get(i).toString(), viaSession.layers().get(i).toString(), "layer " + i);
      }
      BadInputException e = assertThrows(BadInputException.class,
          () -> session.evaluate(mix, cMix.applyTo(s.q8)), "a compensation applied at the base width is refused");
      assertTrue(e.getMessage().contains("'" + names.get(0) + "'") && !e.getMessage().contains("\n"),
          e.getMessage());
    }
  }

  @Test
  void perTensorWeightsAgreeWithTheSingleWidthRunsBitForBit() {
    agreesWithTheSingleWidthRuns(false);
  }

  @Test
  void perChannelWeightsAgreeWithTheSingleWidthRunsBitForBit() {
    agreesWithTheSingleWidthRuns(true);
  }

  @Test
  void aSessionOfEightBitDesignsIsTheEightBitCompensationAndRun() {
    Setup s = setup(true);
    Assignment a = Assignment.uniform(names(s.model), WIDE);
    Compensation mixed = cache(s, s.q8, CompensationMethod.WEIGHTS_AND_BIAS, FOUR_EIGHT).compute(a);
    Compensation single = cache(s, s.q8, CompensationMethod.WEIGHTS_AND_BIAS, null).compute(a);
    try (SimulationSession mix = mixed(s, false);
        SimulationSession eight = TinyNets.session(s.model, s.q8, s.data, LIBRARY, 2)) {
      assertTrue(mix.atWidths(a) == s.q8, "every layer at the base width: the base quantization itself");
      Evaluation m = mix.evaluate(a, mixed.applyTo(mix.atWidths(a)));
      Evaluation e = eight.evaluate(a, single.applyTo(s.q8));
      assertEquals(e.assignment().top1(), m.assignment().top1(), 0.0);
      assertEquals(e.agreement(), m.agreement(), 0.0);
    }
    for (int i = 0; i < single.layers().size(); i++) {
      assertSameLayer(single.layers().get(i), mixed.layers().get(i));
    }
  }

  /**
   * Mean accumulator error per channel of {@code layer}, measured by the engine: the assignment's accumulators plus
   * the compensation's bias delta, minus the exact 8-bit network's accumulators in the channel's own units (times
   * {@code S_n / s_n}, the 8-bit over the channel's weight scale; symmetric, so no zero points).
   */
  private static double[] meanErrors(SimulationSession session, Assignment approx, int layer, int[] delta,
      double[] ratio, int[] images) {
    double[][] sums = new double[2][delta.length];
    long[] columns = new long[1];
    for (int run = 0; run < 2; run++) {
      int r = run;
      session.logits(run == 0 ? approx : new Assignment(Map.of()), images, (index, acc, rows, cols) -> {
        if (index != layer) {
          return;
        }
        for (int o = 0; o < rows; o++) {
          for (int j = 0; j < cols; j++) {
            sums[r][o] += acc[o * cols + j];
          }
        }
        if (r == 0) {
          columns[0] += cols;
        }
      });
    }
    double[] mean = new double[delta.length];
    for (int o = 0; o < mean.length; o++) {
      mean[o] = (sums[0][o] - sums[1][o] * ratio[o]) / columns[0] + delta[o];
    }
    return mean;
  }

  /** The corrected mean errors are within rounding; returns the largest uncorrected one. */
  private static double zeroMeanAfterBiasCorrection(Setup s, int layer, List<String> approx) {
    List<String> names = names(s.model);
    Assignment a = new Assignment(Map.of(names.get(layer), approx.size() == 1
        ? new LayerAssignment.Uniform(approx.get(0)) : new LayerAssignment.PerChannel(approx)));
    Compensation c = cache(s, s.q8, CompensationMethod.BIAS, FOUR_EIGHT).compute(a);
    assertEquals(1, c.layers().size(), "the one narrower or approximate layer is compensated");
    int[] images = new int[s.data.size()];
    java.util.Arrays.setAll(images, i -> i);
    try (SimulationSession session = mixed(s, false)) {
      QuantizedModel before = session.atWidths(a);
      QuantizedModel after = c.applyTo(before);
      int channels = before.layer(layer).bias().length;
      int per = before.layer(layer).weights().codes().length / channels;
      int[] delta = new int[channels];
      double[] ratio = new double[channels];
      for (int o = 0; o < channels; o++) {
        delta[o] = after.layer(layer).bias()[o] - before.layer(layer).bias()[o];
        ratio[o] = s.q8.layer(layer).weights().paramsOf(o * per).scale()
            / before.layer(layer).weights().paramsOf(o * per).scale();
      }
      double[] uncorrected = meanErrors(session, a, layer, new int[channels], ratio, images);
      double[] corrected = meanErrors(session, a, layer, delta, ratio, images);
      double worst = 0;
      for (int o = 0; o < channels; o++) {
        assertTrue(Math.abs(corrected[o]) <= 0.5 + 1e-6, "layer " + layer + " channel " + o + ": "
            + corrected[o]);
        worst = Math.max(worst, Math.abs(uncorrected[o]));
      }
      return worst;
    }
  }

  @Test
  void biasCorrectionLeavesNoMeanErrorPerChannelOnTheCalibrationImages() {
    Setup s = setup(false);
    int channels0 = AssignmentResolver.channels(s.model.approximableLayers().get(0));
    List<String> approx = new ArrayList<>();
    for (int c = 0; c < channels0; c++) {
      approx.add(c % 2 == 0 ? NARROW : WIDE);
    }
    double worst = zeroMeanAfterBiasCorrection(s, 0, approx);
    assertTrue(worst > 1, "the multipliers' mean error is larger than the rounding (the test can fail): " + worst);
    // a deeper layer at 4 bits, its inputs those of the exact 8-bit network (the compensation's inputs)
    zeroMeanAfterBiasCorrection(s, 2, List.of("s8x4_trunc4"));
    zeroMeanAfterBiasCorrection(s, names(s.model).size() - 1, List.of(NARROW));
    // an exact 4-bit design: only the mean shift of the 4-bit weights against the 8-bit ones is corrected
    double shift = zeroMeanAfterBiasCorrection(s, 2, List.of("s8x4_exact_bw"));
    assertTrue(shift > 0.5, "4-bit weights shift the mean (the test can fail): " + shift);
  }
}
