package org.axdse.multipliers.table;

import java.util.SplittableRandom;

/**
 * A reproducible stream of product-table indices drawn from an {@link OperandDistribution}: the same
 * distribution and seed give the same indices on every run ({@link SplittableRandom} implements SplitMix64,
 * unchanged since JDK 8). Not thread-safe; make one per thread.
 */
public final class IndexSampler {
  private final AliasTable table;
  private final SplittableRandom random;

  IndexSampler(AliasTable table, long seed) {
    this.table = table;
    this.random = new SplittableRandom(seed);
  }

  /** The next table index. */
  public int next() {
    return table.draw(random.nextLong());
  }

  /** Fills {@code out} with the next {@code out.length} indices. */
  public void fill(int[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = table.draw(random.nextLong());
    }
  }
}
