package org.axdse.explorer.evolve;

import java.util.List;
import org.axdse.multipliers.Multiplier;

/**
 * Where the runs of an evolution start: one given circuit for every run ({@code --seed-design NAME|FILE.v}), or,
 * when {@code fixed} is null, each run's cheapest circuit within its bound in its layer among the built-in designs
 * and {@code library}: the circuits of the {@code --library} directories in the model's format
 * ({@code --seed-design best}). A library of an earlier evolution thus lets a new one start where it ended.
 *
 * @param fixed the circuit every run starts from, or null
 * @param library circuits (with a netlist) besides the built-in designs that {@code best} may choose
 */
public record SeedDesigns(Multiplier fixed, List<Multiplier> library) {
  public SeedDesigns {
    library = List.copyOf(library);
    for (Multiplier m : library) {
      if (m.netlist() == null) {
        throw new IllegalArgumentException(m.name() + " has no circuit to evolve");
      }
    }
  }

  /** Every run starts from {@code m}. */
  public static SeedDesigns of(Multiplier m) {
    return new SeedDesigns(m, List.of());
  }

  /** Each run starts from its cheapest design within its bound: built-in, or one of {@code library}. */
  public static SeedDesigns best(List<Multiplier> library) {
    return new SeedDesigns(null, library);
  }
}
