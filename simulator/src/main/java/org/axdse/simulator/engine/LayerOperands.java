package org.axdse.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.LayerQuantization;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * One approximable layer's measured operand codes: the activation and weight code histograms of its calibration
 * and the joint distribution the cost model and the error metrics weight pairs by (independent operands, as
 * {@link PowerTable} takes them; an empty histogram counts every code once).
 *
 * @param name the layer's name
 * @param activationCounts 256 counts by activation code (bit pattern)
 * @param weightCounts {@code 2^N} counts by weight code (bit pattern)
 * @param distribution {@code P(a, w) = Pa(a) Pw(w)}
 */
public record LayerOperands(String name, long[] activationCounts, long[] weightCounts,
    OperandDistribution distribution) {

  /** Every approximable layer of {@code model} under its quantization {@code q}, in model order. */
  public static List<LayerOperands> of(Model model, QuantizedModel q) {
    MultiplierFormat format = q.config().mode().format(q.config().weightBits());
    List<ApproximableLayer> layers = model.approximableLayers();
    List<LayerOperands> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      LayerQuantization l = q.layer(i);
      out.add(new LayerOperands(layers.get(i).name(), l.activationCounts().clone(), l.weightCounts().clone(),
          OperandDistribution.independent(format, PowerTable.toDouble(l.activationCounts()),
              PowerTable.toDouble(l.weightCounts()))));
    }
    return out;
  }
}
