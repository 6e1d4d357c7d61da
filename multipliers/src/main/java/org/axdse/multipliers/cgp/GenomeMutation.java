package org.axdse.multipliers.cgp;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.axdse.multipliers.netlist.CellType;

/**
 * Point mutation of a {@link CgpGenome}: between 1 and {@code maxGenes} genes, each chosen uniformly among all
 * function, connection and output genes, get a new value drawn uniformly among the legal ones (another cell type
 * of {@code functions}, any address below the node, any address for an output). Inactive genes mutate too; that
 * is CGP's neutral drift (Miller and Smith, IEEE TEVC 10(2), 2006).
 *
 * @param maxGenes most genes changed per offspring, at least 1
 * @param functions the cell types a function gene may take, at least two
 */
public record GenomeMutation(int maxGenes, List<CellType> functions) {
  /** The default cell set: every cell type of the cost model except the buffer (a wire does the same for free). */
  public static final List<CellType> DEFAULT_FUNCTIONS =
      List.copyOf(EnumSet.complementOf(EnumSet.of(CellType.BUF)));

  public GenomeMutation {
    if (maxGenes < 1) {
      throw new IllegalArgumentException("maxGenes must be >= 1, got " + maxGenes);
    }
    Set<CellType> distinct = EnumSet.noneOf(CellType.class);
    distinct.addAll(functions);
    if (distinct.size() < 2 || distinct.size() != functions.size()) {
      throw new IllegalArgumentException("need at least two distinct cell types, got " + functions);
    }
    functions = List.copyOf(functions);
  }

  /** Up to {@code maxGenes} genes, the default cell set. */
  public static GenomeMutation of(int maxGenes) {
    return new GenomeMutation(maxGenes, DEFAULT_FUNCTIONS);
  }

  /** A mutated copy of {@code parent}; {@code rng} is advanced. */
  public CgpGenome apply(CgpGenome parent, SplittableRandom rng) {
    int[] fn = parent.functionGenes();
    int[] con = parent.connectionGenes();
    int[] out = parent.outputGenes();
    int nodes = parent.nodes();
    int inputs = parent.inputs();
    int genes = (1 + CgpGenome.ARITY) * nodes + out.length;
    int count = 1 + rng.nextInt(maxGenes);
    for (int m = 0; m < count; m++) {
      int g = rng.nextInt(genes);
      if (g >= (1 + CgpGenome.ARITY) * nodes) {
        int b = g - (1 + CgpGenome.ARITY) * nodes;
        out[b] = other(rng, out[b], inputs + 2 * nodes);
        continue;
      }
      int k = g / (1 + CgpGenome.ARITY);
      int field = g % (1 + CgpGenome.ARITY);
      if (field == 0) {
        int current = functions.indexOf(CellType.values()[fn[k]]);
        int pick = current < 0 ? rng.nextInt(functions.size()) : other(rng, current, functions.size());
        fn[k] = functions.get(pick).ordinal();
      } else {
        int idx = CgpGenome.ARITY * k + field - 1;
        con[idx] = other(rng, con[idx], inputs + 2 * k);
      }
    }
    return new CgpGenome(parent.format(), fn, con, out);
  }

  /** A value in {@code 0..range-1} other than {@code current} (or {@code current} itself when it is alone). */
  private static int other(SplittableRandom rng, int current, int range) {
    if (range <= 1) {
      return current;
    }
    int v = rng.nextInt(range - 1);
    return v >= current ? v + 1 : v;
  }
}
