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
 * {@link #accept} must not run beside it. The parent's product bits and products are kept too: only the pairs whose
 * product bits differ from the parent's are unpacked again.
 */
public final class ConeSimulator {
  /** Up to this many changed lanes of a word are unpacked one by one, more with the whole word's transposition. */
  private static final int FEW_LANES = 12;

  private final SupportStimulus stimulus;
  private final int words;
  private final int nodes;
  private final int inputs;
  private final int stride;
  private final long[] values;
  private final boolean[] valid;
  private CgpGenome parent;
  private long[] parentBits;
  private int[] parentProducts;

  /** Simulates {@code parent}'s active nodes whole over {@code stimulus}. */
  public ConeSimulator(SupportStimulus stimulus, CgpGenome parent) {
    if (!parent.format().equals(stimulus.format())) {
      throw new IllegalArgumentException("genome format " + parent.format() + " differs from " + stimulus.format());
    }
    this.stimulus = stimulus;
    this.words = stimulus.words();
    this.nodes = parent.nodes();
    this.inputs = parent.inputs();
    this.stride = inputs + 2 * nodes;
    this.values = new long[Math.multiplyExact(words, stride)];
    int abits = parent.format().activationBits();
    for (int w = 0; w < words; w++) {
      System.arraycopy(stimulus.activationWord(w), 0, values, w * stride, abits);
      System.arraycopy(stimulus.weightWord(w), 0, values, w * stride + abits, inputs - abits);
    }
    this.valid = new boolean[nodes];
    this.parent = parent;
    accept(parent, simulate(parent, true));
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
    private final long[] bits;

    private Cone(CgpGenome genome, boolean[] recomputed, int[] nodes, long[] values, int[] products, long[] bits) {
      this.genome = genome;
      this.recomputed = recomputed;
      this.nodes = nodes;
      this.values = values;
      this.products = products;
      this.bits = bits;
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
    boolean reuse = parentProducts != null && parentBits.length == words * pbits;
    int[] products = !withProducts ? null : reuse ? parentProducts.clone() : new int[stimulus.size()];
    long[] allBits = withProducts ? new long[words * pbits] : null;
    long[] bits = new long[pbits];
    for (int w = 0; w < words; w++) {
      int base = w * 2 * count;
      int parentBase = w * stride;
      for (int i = 0; i < count; i++) {
        int rx = refs[3 * i];
        int ry = refs[3 * i + 1];
        int rz = refs[3 * i + 2];
        long x = rx >= 0 ? values[parentBase + rx] : own[base - rx - 1];
        long y = ry >= 0 ? values[parentBase + ry] : own[base - ry - 1];
        long z = rz >= 0 ? values[parentBase + rz] : own[base - rz - 1];
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
        long changed = 0;
        for (int b = 0; b < pbits; b++) {
          int r = outRefs[b];
          bits[b] = r >= 0 ? values[parentBase + r] : own[base - r - 1];
          allBits[w * pbits + b] = bits[b];
          changed |= reuse ? bits[b] ^ parentBits[w * pbits + b] : -1L;
        }
        if (Long.bitCount(changed) > FEW_LANES) {
          stimulus.unpack(bits, w, products);
        } else if (changed != 0) {
          stimulus.unpackLanes(bits, w, changed, products);
        }
      }
    }
    return new Cone(g, cone, list, own, products, allBits);
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

  /** Where a mutant reads {@code address}: its row address in the parent's words, or {@code -1 - own slot}. */
  private static int ref(CgpGenome g, int address, int[] slot) {
    int k = g.nodeOf(address);
    if (k < 0 || slot[k] < 0) {
      return address;
    }
    return -1 - (2 * slot[k] + ((address - g.inputs()) & 1));
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
    accept(mutant, simulate(mutant, true));
  }

  private void accept(CgpGenome g, Cone cone) {
    parentBits = cone.bits;
    parentProducts = cone.products;
    int count = cone.nodes.length;
    for (int w = 0; w < words; w++) {
      int base = w * 2 * count;
      int parentBase = w * stride;
      for (int i = 0; i < count; i++) {
        int k = cone.nodes[i];
        values[parentBase + inputs + 2 * k] = cone.values[base + 2 * i];
        values[parentBase + inputs + 2 * k + 1] = cone.values[base + 2 * i + 1];
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
