package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.ConvLayer;
import org.axdse.simulator.model.DenseLayer;
import org.axdse.simulator.model.GruLayer;
import org.axdse.simulator.model.LstmLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.axdse.simulator.quant.WidthQuantizations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mixed weight widths: a session calibrated at 8 bits that lets layers take 4-bit designs gives, where every
 * layer is at 4 bits, the logits of an ordinary 4-bit session bit for bit (its own 8x4 tables and weights;
 * the mixed session lays them out as 8x8); the memory objective equals a hand count; energy is relative to the
 * exact 8x8 design.
 */
class MixedWidthTest {
  private static final MultiplierCatalog LIBRARY = MultiplierCatalog.builtin();
  private static final WidthSet FOUR_EIGHT = new WidthSet(List.of(4, 8));

  @TempDir Path dir;

  private record Setup(Model model, Dataset data, QuantizedModel q8, QuantizedModel q4) {}

  private Setup setup(String net, QuantMode mode, boolean perChannel) {
    TinyNets t = new TinyNets(7);
    Model m = net.equals("lstm") ? t.lstm(dir) : t.cnn(dir);
    int classes = net.equals("lstm") ? 3 : 5;
    Dataset data = t.images(m, 24, classes);
    return new Setup(m, data, TinyNets.quantize(m, data, TinyNets.config(mode, perChannel, 8), classes),
        TinyNets.quantize(m, data, TinyNets.config(mode, perChannel, 4), classes));
  }

  private static SimulationSession mixed(Setup s, int threads) {
    return SimulationSession.open(s.model, s.q8, s.data, LIBRARY, SessionOptions.defaults().withThreads(threads)
        .withBatchSize(16).withFloatReference(false).withWidths(FOUR_EIGHT));
  }

  private static int[] all(Dataset d) {
    int[] a = new int[d.size()];
    java.util.Arrays.setAll(a, i -> i);
    return a;
  }

  private static List<String> names(Model m) {
    return m.approximableLayers().stream().map(ApproximableLayer::name).toList();
  }

  private void everyLayerAtFourBitsIsTheFourBitRun(String net, QuantMode mode, boolean perChannel, String design) {
    Setup s = setup(net, mode, perChannel);
    Assignment a = Assignment.uniform(names(s.model), design);
    try (SimulationSession mix = mixed(s, 2);
        SimulationSession four = TinyNets.session(s.model, s.q4, s.data, LIBRARY, 2)) {
      byte[] expected = four.logits(a, all(s.data));
      assertArrayEquals(expected, mix.logits(a, all(s.data)), net + " " + mode + " " + design);
      assertFalse(java.util.Arrays.equals(expected, mix.logits(Assignment.uniform(names(s.model), "exact"),
          all(s.data))), "4-bit weights change the logits of the 8-bit run (the test can fail)");
      assertEquals(four.evaluate(a).assignment().top1(), mix.evaluate(a).assignment().top1());
    }
  }

  @Test
  void approximateFourBitDesignsOnEveryLayerGiveTheFourBitRun() {
    everyLayerAtFourBitsIsTheFourBitRun("cnn", QuantMode.SYMMETRIC, false, "s8x4_trunc4");
    everyLayerAtFourBitsIsTheFourBitRun("cnn", QuantMode.ASYMMETRIC, true, "u8x4_bam_h1v4");
    everyLayerAtFourBitsIsTheFourBitRun("lstm", QuantMode.SYMMETRIC, true, "s8x4_trunc4");
  }

  @Test
  void exactFourBitDesignsOnEveryLayerGiveTheFourBitRun() {
    everyLayerAtFourBitsIsTheFourBitRun("cnn", QuantMode.SYMMETRIC, true, "s8x4_exact_bw");
    everyLayerAtFourBitsIsTheFourBitRun("lstm", QuantMode.ASYMMETRIC, false, "u8x4_exact");
  }

  @Test
  void perChannelFourBitDesignsGiveTheFourBitRunAndThreadsDoNotMatter() {
    Setup s = setup("cnn", QuantMode.SYMMETRIC, false);
    Map<String, LayerAssignment> layers = new LinkedHashMap<>();
    for (ApproximableLayer l : s.model.approximableLayers()) {
      List<String> ch = new ArrayList<>();
      for (int c = 0; c < AssignmentResolver.channels(l); c++) {
        ch.add(c % 2 == 0 ? "s8x4_trunc6" : "s8x4_exact_bw");
      }
      layers.put(l.name(), new LayerAssignment.PerChannel(ch));
    }
    Assignment a = new Assignment(layers);
    try (SimulationSession mix1 = mixed(s, 1); SimulationSession mix2 = mixed(s, 2);
        SimulationSession four = TinyNets.session(s.model, s.q4, s.data, LIBRARY, 2)) {
      byte[] expected = four.logits(a, all(s.data));
      assertArrayEquals(expected, mix1.logits(a, all(s.data)));
      assertArrayEquals(expected, mix2.logits(a, all(s.data)));
    }
  }

  @Test
  void composedChannelsComeFromTheirWidths() {
    Setup s = setup("cnn", QuantMode.SYMMETRIC, false);
    WidthQuantizations w = new WidthQuantizations(s.model, s.q8);
    int layer = 0;
    LayerQuantization at4 = w.layer(layer, 4);
    LayerQuantization at8 = w.layer(layer, 8);
    int channels = AssignmentResolver.channels(s.model.approximableLayers().get(layer));
    int[] widths = new int[channels];
    for (int c = 0; c < channels; c++) {
      widths[c] = c % 3 == 0 ? 4 : 8;
    }
    LayerQuantization mixed = w.compose(layer, widths);
    int per = mixed.weights().perChannel();
    for (int c = 0; c < channels; c++) {
      LayerQuantization from = widths[c] == 4 ? at4 : at8;
      for (int i = c * per; i < (c + 1) * per; i++) {
        assertEquals(from.weights().code(i), mixed.weights().code(i), "code " + i);
      }
      assertEquals(from.weights().paramsOf(c * per), mixed.weights().paramsOf(c * per), "params of " + c);
      assertEquals(from.bias()[c], mixed.bias()[c], "bias of " + c);
      assertEquals(from.requant().get(c), mixed.requant().get(c), "requant of " + c);
    }
    assertTrue(at8 == s.q8.layer(layer), "the base width is the base layer itself");
    // the 4-bit layer of the mixed session is the 4-bit calibration's layer (codes and scales)
    for (int i = 0; i < at4.weights().channels() * at4.weights().perChannel(); i++) {
      assertEquals(s.q4.layer(layer).weights().code(i), at4.weights().code(i));
    }
  }

  @Test
  void memoryIsAHandCountOfWeightBits() {
    Setup s = setup("cnn", QuantMode.SYMMETRIC, false);
    List<ApproximableLayer> ls = s.model.approximableLayers();
    Map<String, LayerAssignment> layers = new LinkedHashMap<>();
    layers.put(ls.get(0).name(), new LayerAssignment.Uniform("s8x4_trunc2"));
    List<String> ch = new ArrayList<>();
    int channels1 = AssignmentResolver.channels(ls.get(1));
    for (int c = 0; c < channels1; c++) {
      ch.add(c < 3 ? "s8x4_exact_bw" : "exact");
    }
    layers.put(ls.get(1).name(), new LayerAssignment.PerChannel(ch));
    long total = 0;
    long bits = 0;
    for (int i = 0; i < ls.size(); i++) {
      long n = weightCount(ls.get(i));
      total += n;
      bits += i == 0 ? 4 * n : i == 1 ? 3 * (n / channels1) * 4 + (channels1 - 3) * (n / channels1) * 8 : 8 * n;
    }
    try (SimulationSession mix = mixed(s, 1)) {
      assertEquals((double) bits / (8 * total), mix.weightMemory(new Assignment(layers)), 1e-15);
      assertEquals(1.0, mix.weightMemory(Assignment.uniform(names(s.model), "exact")), 0);
      assertEquals(0.5, mix.weightMemory(Assignment.uniform(names(s.model), "s8x4_exact_bw")), 0);
    }
  }

  private static long weightCount(ApproximableLayer l) {
    return switch (l) {
      case ConvLayer c -> c.weights().length;
      case DenseLayer d -> d.weights().length;
      case LstmLayer r -> r.w().length + r.r().length;
      case GruLayer r -> r.w().length + r.r().length;
    };
  }

  @Test
  void energyIsRelativeToTheExactEightByEight() {
    Setup s = setup("cnn", QuantMode.SYMMETRIC, true);
    try (SimulationSession mix = mixed(s, 1);
        SimulationSession eight = TinyNets.session(s.model, s.q8, s.data, LIBRARY, 1)) {
      double exact4 = mix.evaluate(Assignment.uniform(names(s.model), "s8x4_exact_bw")).multiplierEnergy();
      assertTrue(exact4 < 0.8 && exact4 > 0.2, "an exact 8x4 array saves energy against 8x8: " + exact4);
      assertEquals(1.0, mix.evaluate(Assignment.uniform(names(s.model), "exact")).multiplierEnergy(), 0);
      Assignment approx8 = Assignment.uniform(names(s.model), "s8x8_trunc6");
      assertEquals(eight.evaluate(approx8).multiplierEnergy(), mix.evaluate(approx8).multiplierEnergy(), 1e-12,
          "an 8x8 design costs the same as in an 8-bit run");
    }
  }

  @Test
  void oneListedWidthIsTheOrdinarySession() {
    Setup s = setup("cnn", QuantMode.SYMMETRIC, true);
    Assignment a = Assignment.uniform(names(s.model), "s8x8_trunc6");
    try (SimulationSession plain = TinyNets.session(s.model, s.q8, s.data, LIBRARY, 2);
        SimulationSession listed = SimulationSession.open(s.model, s.q8, s.data, LIBRARY, SessionOptions.defaults()
            .withThreads(2).withBatchSize(16).withFloatReference(false).withWidths(WidthSet.of(8)))) {
      assertArrayEquals(plain.logits(a, all(s.data)), listed.logits(a, all(s.data)));
      assertEquals(plain.evaluate(a).multiplierEnergy(), listed.evaluate(a).multiplierEnergy(), 0.0);
      assertEquals(1.0, listed.weightMemory(a), 0.0);
      assertThrows(BadInputException.class, () -> listed.evaluate(Assignment.uniform(names(s.model),
          "s8x4_trunc2")), "a single width admits only its own format, as before");
    }
  }

  @Test
  void aWidthOutsideTheSetIsOneLineNamingTheLayer() {
    Setup s = setup("cnn", QuantMode.SYMMETRIC, false);
    try (SimulationSession mix = mixed(s, 1)) {
      String first = s.model.approximableLayers().get(0).name();
      BadInputException e = assertThrows(BadInputException.class,
          () -> mix.evaluate(new Assignment(Map.of(first, new LayerAssignment.Uniform("s8x6_trunc2")))));
      assertTrue(e.getMessage().contains("'" + first + "'") && e.getMessage().contains("s8x6_trunc2")
          && e.getMessage().contains("s8x4 or s8x8"), e.getMessage());
    }
  }
}
