package org.axdse.multipliers.cgp;

import org.axdse.multipliers.netlist.CellType;

/**
 * Incremental bit-parallel simulation of CGP genomes over a {@link SupportStimulus}: it keeps the parent's node
 * words (every output of every node, one {@code long} per 64 stimulus pairs) and simulates a mutant by
 * re-evaluating only the <b>changed cone</b>: the mutant's active nodes whose genes differ from the parent's, whose
 * parent words are not current, or that read a re-evaluated node; every other input is read from the parent's
 * words. The result is the same bit for bit as decoding the mutant and simulating it whole ({@code
 * ConeSimulatorTest}). {@link #accept} makes a mutant the parent by writing its cone's words in place. {@link
 * #simulate} only reads the parent's words, so mutants of one generation may be simulated on several threads;
 * {@link #accept} must not run beside it.
 */
public final class ConeSimulator {
  private static final int OPERAND_A = 0;
  private static final int OPERAND_W = 1;
  private static final int PARENT = 2;
  private static final int CONE = 3;
  private static final int KIND_SHIFT = 28;
  private static final int INDEX_MASK = (1 << KIND_SHIFT) - 1;

  private final SupportStimulus stimulus;
  private final int words;
  private final int nodes;
  private final int stride;
  private final long[] values;
  private final boolean[] valid;
  private CgpGenome parent;

  /** Simulates {@code parent}'s active nodes whole over {@code stimulus}. */
  public ConeSimulator(SupportStimulus stimulus, CgpGenome parent) {
    if (!parent.format().equals(stimulus.format())) {
      throw new IllegalArgumentException("genome format " + parent.format() + " differs from " + stimulus.format());
    }
    this.stimulus = stimulus;
    this.words = stimulus.words();
    this.nodes = parent.nodes();
    this.stride = 2 * nodes;
    this.values = new long[Math.multiplyExact(words, stride)];
    this.valid = new boolean[nodes];
    this.parent = parent;
    accept(parent, simulate(parent, false));
  }

  public CgpGenome parent() {
    return parent;
  }

  /** A mutant's simulation: its cone (node indices in order), the cone's words, and its products (or null). */
  public static final class Cone {
    private final CgpGenome genome;
    private final boolean[] recomputed;
    private final int[] nodes;
    private final long[] values;
    private final int[] products;

    private Cone(CgpGenome genome, boolean[] recomputed, int[] nodes, long[] values, int[] products) {
      this.genome = genome;
      this.recomputed = recomputed;
      this.nodes = nodes;
      this.values = values;
      this.products = products;
    }

    /** Nodes re-evaluated. */
    public int size() {
      return nodes.length;
    }

    /** The product of every stimulus pair (as {@link SupportStimulus#products}); do not modify. */
    public int[] products() {
      return products;
    }
  }

  /** The products of {@code mutant} (same node count as the parent) by re-evaluating its changed cone only. */
  public Cone simulate(CgpGenome mutant) {
    return simulate(mutant, true);
  }

  private Cone simulate(CgpGenome g, boolean withProducts) {
    if (g.nodes() != nodes || !g.format().equals(parent.format())) {
      throw new IllegalArgumentException("a mutant must have the parent's " + nodes + " nodes and format");
    }
    boolean[] active = g.activeNodes();
    boolean[] cone = new boolean[nodes];
    int[] slot = new int[nodes];
    int count = 0;
    for (int k = 0; k < nodes; k++) {
      slot[k] = -1;
      if (!active[k]) {
        continue;
      }
      boolean dirty = !valid[k] || genesDiffer(g, k);
      for (int j = 0; j < g.function(k).inputCount() && !dirty; j++) {
        int n = g.nodeOf(g.connection(k, j));
        dirty = n >= 0 && cone[n];
      }
      if (dirty) {
        cone[k] = true;
        slot[k] = count++;
      }
    }
    int[] list = new int[count];
    int[] types = new int[count];
    int[] refs = new int[3 * count];
    for (int k = 0; k < nodes; k++) {
      if (slot[k] >= 0) {
        int i = slot[k];
        list[i] = k;
        types[i] = g.function(k).ordinal();
        for (int j = 0; j < g.function(k).inputCount(); j++) {
          refs[3 * i + j] = ref(g, g.connection(k, j), slot);
        }
      }
    }
    int pbits = g.productBits();
    int[] outRefs = new int[pbits];
    for (int b = 0; b < pbits; b++) {
      outRefs[b] = ref(g, g.output(b), slot);
    }
    long[] own = new long[Math.multiplyExact(words, 2 * count)];
    int[] products = withProducts ? new int[stimulus.size()] : null;
    long[] bits = new long[pbits];
    for (int w = 0; w < words; w++) {
      long[] a = stimulus.activationWord(w);
      long[] wt = stimulus.weightWord(w);
      int base = w * 2 * count;
      int parentBase = w * stride;
      for (int i = 0; i < count; i++) {
        long x = word(refs[3 * i], a, wt, parentBase, own, base);
        long y = word(refs[3 * i + 1], a, wt, parentBase, own, base);
        long z = word(refs[3 * i + 2], a, wt, parentBase, own, base);
        long first;
        long second;
        switch (types[i]) {
          case 0 -> first = second = 0L; // CONST0
          case 1 -> first = second = -1L; // CONST1
          case 2 -> first = second = x; // BUF
          case 3 -> first = second = ~x; // NOT
          case 4 -> first = second = x & y; // AND
          case 5 -> first = second = x | y; // OR
          case 6 -> first = second = x ^ y; // XOR
          case 7 -> first = second = ~(x & y); // NAND
          case 8 -> first = second = ~(x | y); // NOR
          case 9 -> first = second = ~(x ^ y); // XNOR
          case 10 -> first = second = (x & z) | (~x & y); // MUX2 (s, d0, d1)
          case 11 -> { // HA
            first = x ^ y;
            second = x & y;
          }
          case 12 -> { // FA
            first = x ^ y ^ z;
            second = (x & y) | (z & (x ^ y));
          }
          default -> throw new IllegalStateException("unknown cell type " + types[i]);
        }
        own[base + 2 * i] = first;
        own[base + 2 * i + 1] = second;
      }
      if (products != null) {
        for (int b = 0; b < pbits; b++) {
          bits[b] = word(outRefs[b], a, wt, parentBase, own, base);
        }
        stimulus.unpack(bits, w, products);
      }
    }
    return new Cone(g, cone, list, own, products);
  }

  /** True when node {@code k} of {@code g} computes another function of its inputs than the parent's node. */
  private boolean genesDiffer(CgpGenome g, int k) {
    if (g.function(k) != parent.function(k)) {
      return true;
    }
    for (int j = 0; j < g.function(k).inputCount(); j++) {
      if (g.connection(k, j) != parent.connection(k, j)) {
        return true;
      }
    }
    return false;
  }

  private static int ref(CgpGenome g, int address, int[] slot) {
    int abits = g.format().activationBits();
    if (address < abits) {
      return (OPERAND_A << KIND_SHIFT) | address;
    }
    if (address < g.inputs()) {
      return (OPERAND_W << KIND_SHIFT) | (address - abits);
    }
    int k = g.nodeOf(address);
    int output = (address - g.inputs()) & 1;
    return slot[k] >= 0 ? (CONE << KIND_SHIFT) | (2 * slot[k] + output)
        : (PARENT << KIND_SHIFT) | (address - g.inputs());
  }

  private long word(int ref, long[] a, long[] w, int parentBase, long[] own, int base) {
    int index = ref & INDEX_MASK;
    return switch (ref >>> KIND_SHIFT) {
      case OPERAND_A -> a[index];
      case OPERAND_W -> w[index];
      case PARENT -> values[parentBase + index];
      default -> own[base + index];
    };
  }

  /**
   * Makes {@code cone}'s genome the parent: its cone's words are written in place; nodes outside the genome's
   * active set whose words are no longer current (changed genes, or reading a node that changed) are marked so,
   * and a later mutant that activates them re-evaluates them.
   */
  public void accept(Cone cone) {
    accept(cone.genome, cone);
  }

  /** As {@link #accept(Cone)} for a mutant that was not simulated (its cone is simulated here). */
  public void accept(CgpGenome mutant) {
    accept(mutant, simulate(mutant, false));
  }

  private void accept(CgpGenome g, Cone cone) {
    int count = cone.nodes.length;
    for (int w = 0; w < words; w++) {
      int base = w * 2 * count;
      int parentBase = w * stride;
      for (int i = 0; i < count; i++) {
        int k = cone.nodes[i];
        values[parentBase + 2 * k] = cone.values[base + 2 * i];
        values[parentBase + 2 * k + 1] = cone.values[base + 2 * i + 1];
      }
    }
    boolean[] stale = new boolean[nodes];
    for (int k = 0; k < nodes; k++) {
      if (cone.recomputed[k]) {
        valid[k] = true;
        continue;
      }
      boolean current = valid[k] && !genesDiffer(g, k);
      for (int j = 0; j < g.function(k).inputCount() && current; j++) {
        int n = g.nodeOf(g.connection(k, j));
        current = n < 0 || (!cone.recomputed[n] && !stale[n]);
      }
      stale[k] = !current;
      valid[k] = current;
    }
    parent = g;
  }
}
