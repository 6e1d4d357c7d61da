package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axdse.simulator.predict.LayerRatios;
import org.axdse.simulator.predict.Sensitivity;

/**
 * The raw figures {@code axdse bench predict --format json} adds so that a prediction can be recomputed outside
 * axdse: each assignment's per-layer error ratios and the model's measured sensitivity.
 */
final class PredictBenchDump {
  private PredictBenchDump() {}

  /** {@code lost}, {@code rest}, {@code mean} and {@code nsr}, one entry per approximable layer. */
  static void ratios(ObjectNode n, LayerRatios r) {
    array(n.putArray("lost"), r.lost());
    array(n.putArray("rest"), r.rest());
    array(n.putArray("mean"), r.mean());
    array(n.putArray("nsr"), r.nsr());
  }

  /** The levels, losses and each layer's noise, offset and signal-loss responses (empty for an undescribed one). */
  static void sensitivity(ObjectNode n, Sensitivity s) {
    array(n.putArray("levels"), s.levels());
    array(n.putArray("losses"), s.losses());
    ArrayNode layers = n.putArray("layers");
    for (int l = 0; l < s.layers(); l++) {
      ObjectNode o = layers.addObject().put("describes", s.describes(l));
      array(o.putArray("noise"), s.noise()[l]);
      array(o.putArray("offset"), s.offset()[l]);
      array(o.putArray("loss"), s.loss()[l]);
    }
  }

  private static void array(ArrayNode a, double[] v) {
    for (double d : v) {
      a.add(d);
    }
  }
}
