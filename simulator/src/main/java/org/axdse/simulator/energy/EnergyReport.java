package org.axdse.simulator.energy;

import java.util.List;

/** The per-layer energies of one network and assignment, with totals relative to the all-exact network. */
public record EnergyReport(ArchitectureEnergy architecture, List<LayerEnergy> layers) {
  public EnergyReport {
    layers = List.copyOf(layers);
  }

  public double multiplierPj() {
    return layers.stream().mapToDouble(LayerEnergy::multiplierPj).sum();
  }

  public double exactMultiplierPj() {
    return layers.stream().mapToDouble(LayerEnergy::exactMultiplierPj).sum();
  }

  public double systemPj() {
    return layers.stream().mapToDouble(LayerEnergy::systemPj).sum();
  }

  public double exactSystemPj() {
    return layers.stream().mapToDouble(LayerEnergy::exactSystemPj).sum();
  }

  /** Total multiplier energy over that of the all-exact network: the multiplier-only objective. */
  public double multiplierRelative() {
    return LayerEnergy.ratio(multiplierPj(), exactMultiplierPj());
  }

  /** Total system energy over that of the all-exact network. */
  public double systemRelative() {
    return LayerEnergy.ratio(systemPj(), exactSystemPj());
  }
}
