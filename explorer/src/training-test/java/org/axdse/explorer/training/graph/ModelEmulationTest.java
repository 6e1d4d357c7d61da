package org.axdse.explorer.training.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.errormodel.ChannelMoments;
import org.axdse.simulator.errormodel.EmulationCheck;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * {@code --emulation model} on the bundled LeNet-5: over many steps the noise the emulated forward pass adds to a
 * convolution's and a dense layer's output has, per channel, the error model's mean and variance dequantized with
 * {@code s_in * s_w[c]} (the moments computed here by a separate {@link ErrorModel}, the tolerance from the sample
 * size); the draws repeat for their key and change with it; with exact multipliers the fake-quantized forward pass
 * is at least twice as near the simulator's int8 logits as the float forward pass; and an approximate LSTM is refused.
 */
class ModelEmulationTest {
  static final String MULTIPLIER = "s8x8_trunc6";

  private static Model lenet() {
    return OnnxImporter.load(GraphFixtures.repo("models/lenet5.onnx"));
  }

  private static QuantizedModel calibrate(Model model, Path file, Dataset calibration) {
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      return Calibration.run(model, Preprocessing.requiredFor(file), calibration,
          QuantConfig.defaults(QuantMode.SYMMETRIC), k);
    }
  }

  @Test
  void drawsRepeatForTheirKeyAndChangeWithIt() {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(3, 2, 4, 4);
      float[] a = ChannelNoise.standardNormal(m, shape, 5, 10, 1).toFloatArray();
      assertArrayEquals(a, ChannelNoise.standardNormal(m, shape, 5, 10, 1).toFloatArray(), "the same key");
      assertFalse(java.util.Arrays.equals(a, ChannelNoise.standardNormal(m, shape, 5, 11, 1).toFloatArray()),
          "next step");
      assertFalse(java.util.Arrays.equals(a, ChannelNoise.standardNormal(m, shape, 5, 10, 2).toFloatArray()),
          "other layer");
      assertFalse(java.util.Arrays.equals(a, ChannelNoise.standardNormal(m, shape, 6, 10, 1).toFloatArray()),
          "other seed");
    }
  }

  @Test
  void exactMultipliersGiveNearlyTheSimulatorsLogits() {
    Path file = GraphFixtures.repo("models/lenet5.onnx");
    Model model = lenet();
    Preprocessing pre = Preprocessing.requiredFor(file);
    Dataset calibration = GraphRetrainingTest.images(100, 50);
    QuantizedModel q = calibrate(model, file, calibration);
    Assignment exact = Assignment.allExact();
    Dataset batch = GraphRetrainingTest.images(0, 64);
    try (NDManager m = NDManager.newBaseManager(); GraphNet net = GraphNet.build(model, m, DataType.FLOAT32);
        GraphRetraining ste = new GraphRetraining(net, q, exact, MultiplierCatalog.builtin(), pre, 1)) {
      ModelEmulation e = ModelEmulation.open(net, q, exact, MultiplierCatalog.builtin(), calibration, 1, 1);
      assertTrue(e.noisyLayers() == 0, "an exact multiplier has no error");
      float[] simulated = ste.simulate(batch).logits();
      float[] emulated;
      float[] plain;
      try (NDManager s = m.newSubManager()) {
        emulated = e.forward(s, ste.input(s, batch), 0).toType(DataType.FLOAT32, false).toFloatArray();
        plain = net.forward(ste.input(s, batch), net.logitsTensor(), java.util.Map.of())
            .toType(DataType.FLOAT32, false).toFloatArray();
      }
      double emu = 0;
      double flt = 0;
      for (int i = 0; i < simulated.length; i++) {
        emu += Math.abs(emulated[i] - simulated[i]);
        flt += Math.abs(plain[i] - simulated[i]);
      }
      assertTrue(flt > 0, "quantization moves the logits");
      assertTrue(emu < 0.5 * flt, "mean |emulated - int8| " + emu / simulated.length + " against mean |float - "
          + "int8| " + flt / simulated.length);
    }
  }

  @Test
  void anApproximateLstmIsRefusedAnExactOneIsNot() {
    Model model = OnnxImporter.load(GraphFixtures.repo("models/lstm.onnx"));
    QuantConfig config = QuantConfig.defaults(QuantMode.SYMMETRIC);
    List<String> names = model.approximableLayers().stream().map(l -> l.name()).toList();
    String lstm = model.approximableLayers().stream().filter(l -> !ErrorModel.describable(l)).findFirst()
        .orElseThrow().name();
    BadInputException error = assertThrows(BadInputException.class, () -> EmulationCheck.refuseUndescribable(
        RetrainSettings.Emulation.MODEL, model, Assignment.uniform(names, MULTIPLIER), MultiplierCatalog.builtin(),
        config));
    assertTrue(error.getMessage().contains("'" + lstm + "'") && !error.getMessage().contains("\n"),
        error.getMessage());
    List<String> others = names.stream().filter(n -> !n.equals(lstm)).toList();
    assertDoesNotThrow(() -> EmulationCheck.refuseUndescribable(RetrainSettings.Emulation.MODEL, model,
        Assignment.uniform(others, MULTIPLIER), MultiplierCatalog.builtin(), config));
    assertDoesNotThrow(() -> EmulationCheck.refuseUndescribable(RetrainSettings.Emulation.TABLE, model,
        Assignment.uniform(names, MULTIPLIER), MultiplierCatalog.builtin(), config));
  }
}
