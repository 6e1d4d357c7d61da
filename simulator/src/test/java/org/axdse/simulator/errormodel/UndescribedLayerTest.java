package org.axdse.simulator.errormodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.CalibrationMethod;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantizedModel;
import org.junit.jupiter.api.Test;

/**
 * A recurrent layer (the bundled LSTM) is not described: making it approximate is a one-line error naming the
 * layer and its kind; the all-exact assignment still predicts zero error.
 */
class UndescribedLayerTest {
  @Test
  void approximateLstmLayerIsAOneLineError() {
    var file = TestData.repoFile("models/lstm.onnx");
    Model m = OnnxImporter.load(file);
    Dataset set = DatasetSpec.parse("fashion-mnist:" + TestData.repoFile(
        "data/fashion-mnist-test-2000")).load(Split.TEST).limit(20);
    QuantizedModel q;
    try (Kernels k = Kernels.create(2, KernelMode.fromSystemProperty())) {
      q = Calibration.run(m, Preprocessing.forModel(file).orElseThrow(), set, QuantConfig.defaults(
          QuantMode.SYMMETRIC).withCalibration(set.size(), CalibrationMethod.MINMAX), k);
    }
    ErrorModel em = ErrorModel.of(m, q, MultiplierCatalog.builtin(), Map.of());
    String lstm = m.approximableLayers().stream().filter(l -> !ErrorModel.describable(l)).findFirst()
        .orElseThrow().name();
    BadInputException e = assertThrows(BadInputException.class,
        () -> em.predict(Assignment.uniform(m.approximableLayers().stream().map(l -> l.name()).toList(),
            "s8x8_drum4")));
    assertEquals("layer '" + lstm + "' (LSTM): the error model describes convolution and dense layers only",
        e.getMessage());
    em.predict(Assignment.allExact()).forEach(p -> assertEquals(0, p.std()));
  }
}
