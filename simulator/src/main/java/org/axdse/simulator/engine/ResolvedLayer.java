package org.axdse.simulator.engine;

import java.util.List;
import org.axdse.simulator.kernels.RowTables;

/**
 * The multipliers of one approximable layer after name resolution: one name per output channel (a single name
 * when the layer is uniform), and the compiled tables the kernels use, or null when every channel is exact.
 */
public record ResolvedLayer(int index, String name, List<String> multipliers, RowTables tables) {
  public ResolvedLayer {
    multipliers = List.copyOf(multipliers);
  }

  /** True when every channel computes exact products (no table lookups, no error). */
  public boolean exact() {
    return tables == null;
  }

  /** The multiplier of output channel {@code c}. */
  public String multiplierOf(int c) {
    return multipliers.size() == 1 ? multipliers.get(0) : multipliers.get(c);
  }
}
