package org.axdse.simulator.errormodel;

import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.compensation.RetrainSettings;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.quant.QuantConfig;

/**
 * What retraining with {@code --emulation model} refuses before any long work: an assignment that makes a layer
 * approximate which the {@link ErrorModel} cannot describe (an LSTM or GRU layer, whose gate products run through
 * the recurrent state). Exact recurrent layers are fine; so is every multiplier with a product table, since the
 * model needs nothing else.
 */
public final class EmulationCheck {
  private EmulationCheck() {}

  /**
   * With {@code emulation} {@code MODEL}, a one-line {@link BadInputException} naming the first approximate layer
   * the error model cannot describe; nothing with {@code TABLE}.
   */
  public static void refuseUndescribable(RetrainSettings.Emulation emulation, Model model, Assignment assignment,
      MultiplierCatalog catalog, QuantConfig quant) {
    if (emulation != RetrainSettings.Emulation.MODEL) {
      return;
    }
    List<ResolvedLayer> resolved = new AssignmentResolver(model, catalog, quant.mode().format(quant.weightBits()),
        quant.mode().label() + " quantization with " + quant.weightBits() + "-bit weights", false)
        .resolve(assignment);
    for (ResolvedLayer r : resolved) {
      ApproximableLayer l = model.approximableLayers().get(r.index());
      if (!r.exact() && !ErrorModel.describable(l)) {
        throw refused(l);
      }
    }
  }

  /** The one-line error for approximate layer {@code l}, which the error model cannot describe. */
  public static BadInputException refused(ApproximableLayer l) {
    return new BadInputException("--emulation model: layer '" + l.name() + "' (" + l.kind() + ") is "
        + "approximate, and the error model describes convolution and dense layers only; use --emulation "
        + "table for this assignment");
  }
}
