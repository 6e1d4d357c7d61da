package org.axdse.explorer.imc;

import java.util.ArrayList;
import java.util.List;
import org.axdse.explorer.backend.ImcOptions;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcCost;
import org.axdse.simulator.imc.ImcKnobs;
import org.axdse.simulator.imc.ImcNetwork;

/**
 * The generated list of IMC configurations every mapped layer may take: full precision first, then every
 * {@code pP-sS-aA} with planes {@code 8..minPlanes}, slices {@code S..minSlices} and ADC bits {@code F..minAdcBits}
 * (most precise first). Each is described to the run as a "multiplier" whose relative power is the network's
 * energy with that configuration in every layer over full precision (what the baselines sort by); it has no area.
 */
final class ImcChoices {
  private ImcChoices() {}

  /** The configurations, full precision first; errors name the flag. */
  static List<ImcKnobs> of(ImcArchitecture arch, int weightBits, ImcOptions o) {
    int slices = arch.slices(weightBits);
    if (o.minSlices() > slices) {
      throw new BadInputException("--imc-min-slices " + o.minSlices() + ": " + weightBits + "-bit weights in "
          + arch.cellBits() + "-bit cells of " + arch.name() + " have only " + slices + " slices");
    }
    ImcKnobs full = ImcKnobs.full(arch, weightBits);
    List<ImcKnobs> out = new ArrayList<>(List.of(full));
    for (int p = ImcKnobs.ACTIVATION_BITS; p >= o.minPlanes(); p--) {
      for (int s = slices; s >= o.minSlices(); s--) {
        for (int a = arch.fullAdcBits(); a >= o.minAdcBits(); a--) {
          ImcKnobs k = new ImcKnobs(p, s, a);
          if (!k.equals(full)) {
            out.add(k);
          }
        }
      }
    }
    return out;
  }

  /** The run's library entries for {@code choices} on {@code net}. */
  static List<MultiplierInfo> describe(List<ImcKnobs> choices, ImcNetwork net) {
    double fullEnergy = net.cost(net.allFull()).energyPj();
    List<MultiplierInfo> out = new ArrayList<>();
    for (ImcKnobs k : choices) {
      ImcCost c = net.cost(net.workloads().stream().map(w -> w == null ? null : k).toList());
      out.add(new MultiplierInfo(k.name(), c.energyPj() / fullEnergy, Double.NaN));
    }
    return out;
  }
}
