package org.axdse.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link QuantizedModel#fromJson}: QuantizedModel -> JSON text -> QuantizedModel gives equal parameters, weight
 * codes, biases and histograms, and bit-identical logits; a JSON that does not fit the model is refused.
 */
class QuantizedModelJsonTest {
  @TempDir Path dir;

  @Test
  void cnnRoundTripsInBothModes() throws Exception {
    TinyNets t = new TinyNets(21);
    Model m = t.cnn(dir);
    Dataset data = t.images(m, 40, 5);
    roundTrip(m, data, TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5), "s8x8_trunc6");
    roundTrip(m, data, TinyNets.quantize(m, data, TinyNets.config(QuantMode.ASYMMETRIC, true, 6), 5), "u8x6_trunc4");
  }

  @Test
  void recurrentLayersRoundTrip() throws Exception {
    TinyNets t = new TinyNets(22);
    for (Model m : List.of(t.lstm(dir), t.gru(dir, false))) {
      Dataset data = t.images(m, 32, 3);
      roundTrip(m, data, TinyNets.quantize(m, data, TinyNets.config(QuantMode.SYMMETRIC, true, 8), 3),
          "s8x8_trunc6");
      roundTrip(m, data, TinyNets.quantize(m, data, TinyNets.config(QuantMode.ASYMMETRIC, false, 8), 3),
          "u8x8_trunc6");
    }
  }

  @Test
  void jsonOfAnotherModelIsRefused() throws Exception {
    Model a = new TinyNets(23).cnn(dir);
    Dataset data = new TinyNets(23).images(a, 40, 5);
    QuantizedModel q = TinyNets.quantize(a, data, TinyNets.config(QuantMode.SYMMETRIC, false, 8), 5);
    Model other = new TinyNets(24).cnn(dir);
    JsonNode json = q.toJson();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QuantizedModel.fromJson(json, other, q.preprocessing()));
    assertTrue(e.getMessage().startsWith("quantization.layers["), e.getMessage());
    ObjectNode broken = json.deepCopy();
    ((ObjectNode) broken.get("layers").get(0).get("weights")).remove("scale");
    e = assertThrows(IllegalArgumentException.class, () -> QuantizedModel.fromJson(broken, a, q.preprocessing()));
    assertEquals("quantization.layers[0].weights.scale: missing", e.getMessage());
  }

  private static void roundTrip(Model m, Dataset data, QuantizedModel q, String multiplier) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode parsed = json.readTree(json.writeValueAsString(q.toJson()));
    QuantizedModel back = QuantizedModel.fromJson(parsed, m, q.preprocessing());
    assertEquals(q.config(), back.config());
    assertEquals(q.tensors(), back.tensors());
    assertEquals(q.toJson(), back.toJson());
    assertEquals(q.layers().size(), back.layers().size());
    for (int i = 0; i < q.layers().size(); i++) {
      LayerQuantization x = q.layer(i);
      LayerQuantization y = back.layer(i);
      assertEquals(x.name(), y.name());
      assertEquals(x.input(), y.input());
      assertEquals(x.output(), y.output());
      assertArrayEquals(x.weights().codes(), y.weights().codes(), x.name());
      assertEquals(x.weights().params(), y.weights().params());
      if (x.isRecurrent()) {
        assertArrayEquals(x.recurrent().codes(), y.recurrent().codes());
        assertEquals(x.recurrent().params(), y.recurrent().params());
      }
      assertArrayEquals(x.bias(), y.bias());
      assertEquals(x.requant(), y.requant());
      assertArrayEquals(x.activationCounts(), y.activationCounts());
      assertArrayEquals(x.weightCounts(), y.weightCounts());
    }
    List<String> names = m.approximableLayers().stream().map(l -> l.name()).toList();
    Assignment a = Assignment.uniform(names, multiplier);
    int[] all = IntStream.range(0, data.size()).toArray();
    try (SimulationSession s1 = TinyNets.session(m, q, data, MultiplierCatalog.builtin(), 2);
        SimulationSession s2 = TinyNets.session(m, back, data, MultiplierCatalog.builtin(), 2)) {
      assertArrayEquals(s1.logits(a, all), s2.logits(a, all), "bit-identical logits");
      assertEquals(s1.evaluate(a), s2.evaluate(a));
    }
    int affine = IntStream.range(0, q.layers().size()).filter(i -> !q.layer(i).isRecurrent()).findFirst()
        .orElseThrow();
    ObjectNode layer = (ObjectNode) parsed.get("layers").get(affine);
    ArrayNode shift = (ArrayNode) layer.get("requantShift");
    shift.set(0, json.getNodeFactory().numberNode(shift.get(0).asInt() + 1));
    QuantizedModel changed = QuantizedModel.fromJson(parsed, m, q.preprocessing());
    assertEquals(q.layer(affine).requant().get(0).shift() + 1, changed.layer(affine).requant().get(0).shift(),
        "the recorded requantization is used as written, not re-derived");
  }
}
