package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.engine.Evaluation;
import org.axdse.simulator.engine.LayerResult;
import org.axdse.simulator.errormodel.ErrorModel;
import org.axdse.simulator.errormodel.LayerPrediction;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * {@code axdse evaluate --layer-stats}: every layer's accumulator error mean and std as the statistical error
 * model predicts them (activation distributions from an exact run over the calibration images), for the table
 * and JSON reports to show beside the simulated ones.
 */
final class LayerStatsPrediction {
  private LayerStatsPrediction() {}

  /** Refuses, before any long work, a model with a layer the error model cannot describe (LSTM, GRU). */
  static void check(Path file, Model m) {
    for (ApproximableLayer l : m.approximableLayers()) {
      if (!ErrorModel.describable(l)) {
        throw BadInputException.in(file, "layer '" + l.name() + "' (" + l.kind() + "): --layer-stats predicts "
            + "convolution and dense layers only");
      }
    }
  }

  static List<LayerPrediction> predict(Model m, QuantizedModel q, MultiplierCatalog catalog, Dataset calibration,
      Assignment a, int threads) {
    try (Kernels k = Kernels.create(threads, KernelMode.fromSystemProperty())) {
      return ErrorModel.open(m, q, catalog, calibration, k).predict(a);
    }
  }

  /** {@code predictedLayerStats}: per layer the predicted and the measured mean and std. */
  static void addJson(ObjectNode root, Evaluation e, List<LayerPrediction> predicted) {
    ArrayNode rows = root.putArray("predictedLayerStats");
    for (LayerResult l : e.layers()) {
      LayerPrediction p = predicted.get(l.index());
      ObjectNode r = rows.addObject().put("index", l.index()).put("name", l.name())
          .put("predictedMean", p.mean()).put("predictedStd", p.std());
      r.put("measuredMean", l.errorMean()).put("measuredStd", l.errorStd());
    }
  }
}
