package org.axdse.explorer.search;

import java.util.Arrays;

/** A canonical genome as a hash key (content equality; the array is copied). */
record GenomeKey(int[] genome) {
  GenomeKey {
    genome = genome.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenomeKey k && Arrays.equals(genome, k.genome);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(genome);
  }

  @Override
  public String toString() {
    return Arrays.toString(genome);
  }
}
