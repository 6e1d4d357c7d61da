package org.axdse.simulator.imc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.model.Model;

/**
 * Per-layer IMC configurations in the assignment file format ({@code {"layers": {"conv1": "p6-s3-a7"}}}): a
 * layer key is a name or an index as {@code axdse model show} lists them, a value a configuration name of {@link
 * ImcKnobs}; layers left out run at full precision. So the search's "one named choice per layer" and the existing
 * reader ({@code AssignmentJson}) serve the IMC target unchanged.
 */
public final class ImcConfig {
  private ImcConfig() {}

  /** The knobs of every approximable layer (null for unmapped layers) from {@code a}; errors name {@code source}. */
  public static List<ImcKnobs> knobs(Assignment a, Model model, ImcNetwork net, String source) {
    List<ImcKnobs> out = new ArrayList<>(net.allFull());
    var layers = model.approximableLayers();
    for (var e : a.layers().entrySet()) {
      int i = model.approximableIndex(e.getKey());
      if (i < 0 && e.getKey().matches("\\d{1,9}") && Integer.parseInt(e.getKey()) < layers.size()) {
        i = Integer.parseInt(e.getKey());
      }
      if (i < 0) {
        throw new BadInputException(source + ": unknown layer '" + e.getKey() + "' (layers: " + IntStream
            .range(0, layers.size()).mapToObj(j -> j + " " + layers.get(j).name()).collect(Collectors.joining(", "))
            + ")");
      }
      String where = source + ": layer '" + layers.get(i).name() + "'";
      if (!(e.getValue() instanceof LayerAssignment.Uniform u)) {
        throw new BadInputException(where + ": IMC configurations are per layer, not per channel");
      }
      if (net.workloads().get(i) == null) {
        throw new BadInputException(where + ": " + layers.get(i).kind() + " layers are not mapped to IMC arrays");
      }
      out.set(i, ImcKnobs.parse(u.multiplier(), where).checkFor(net.architecture(), net.weightBits(), where));
    }
    return out;
  }

  /** The same configuration for every mapped layer. */
  public static List<ImcKnobs> uniform(ImcNetwork net, ImcKnobs knobs, String where) {
    knobs.checkFor(net.architecture(), net.weightBits(), where);
    return net.workloads().stream().map(w -> w == null ? null : knobs).toList();
  }

  /** {@code knobs} as an assignment naming every mapped layer below full precision. */
  public static Assignment toAssignment(List<ImcKnobs> knobs, Model model, ImcNetwork net) {
    Map<String, LayerAssignment> m = new LinkedHashMap<>();
    for (int i = 0; i < knobs.size(); i++) {
      if (knobs.get(i) != null && !knobs.get(i).equals(net.full())) {
        m.put(model.approximableLayers().get(i).name(), new LayerAssignment.Uniform(knobs.get(i).name()));
      }
    }
    return new Assignment(m);
  }
}
