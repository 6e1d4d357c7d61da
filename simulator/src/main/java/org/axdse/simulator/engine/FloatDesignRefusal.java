package org.axdse.simulator.engine;

import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.model.ApproximableLayer;
import org.axdse.simulator.model.Model;

/**
 * The one-line refusal of commands that run the engine, the error model or the product tables their own way and
 * do not simulate float designs (issue 14): {@code predict} (the error model describes integer products), {@code
 * compensate} (bias correction and weight tuning measure integer tables; retraining substitutes integer tables)
 * and {@code pick --retrain}. Checked on the assignment alone, before calibration or any other long work.
 */
public final class FloatDesignRefusal {
  /** Why {@code predict} refuses a float layer. */
  public static final String PREDICTION = "predict does not model float layers (the error model describes integer "
      + "products); axdse evaluate simulates them";
  /** Why bias correction and weight tuning refuse a float layer. */
  public static final String COMPENSATION = "compensation measures and tunes integer product tables and does not "
      + "apply to float layers; evaluate the assignment uncompensated";
  /** Why retraining ({@code compensate --method retrain}, {@code pick --retrain}) refuses a float layer. */
  public static final String RETRAINING = "retraining substitutes integer product tables and does not train float "
      + "layers; keep them out of the retrained assignment";

  private FloatDesignRefusal() {}

  /** As {@link #refuse(Model, Assignment, MultiplierCatalog, String)}, naming {@code config} when it is not null. */
  public static void refuse(Model model, Assignment assignment, MultiplierCatalog catalog, String why,
      java.nio.file.Path config) {
    try {
      refuse(model, assignment, catalog, why);
    } catch (BadInputException e) {
      throw config != null ? BadInputException.in(config, e.getMessage()) : e;
    }
  }

  /**
   * Nothing when no layer of {@code assignment} names a float design of {@code catalog}; else a {@link
   * BadInputException} naming the first such layer (model order) and its design, followed by {@code why}.
   * Unknown names are left to the assignment's own check.
   */
  public static void refuse(Model model, Assignment assignment, MultiplierCatalog catalog, String why) {
    List<ApproximableLayer> layers = model.approximableLayers();
    for (int i = 0; i < layers.size(); i++) {
      LayerAssignment a = assignment.layers().get(layers.get(i).name());
      if (a == null) {
        a = assignment.layers().get(Integer.toString(i));
      }
      List<String> names = a == null ? List.of() : switch (a) {
        case LayerAssignment.Uniform u -> List.of(u.multiplier());
        case LayerAssignment.PerChannel p -> p.multipliers();
      };
      for (String name : names) {
        if (FloatLayers.isFloat(catalog, name)) {
          throw new BadInputException("layer '" + layers.get(i).name() + "': float multiplier '" + name + "': "
              + why);
        }
      }
    }
  }
}
