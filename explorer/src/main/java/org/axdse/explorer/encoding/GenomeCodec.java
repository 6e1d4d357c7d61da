package org.axdse.explorer.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;

/**
 * The encoding of an assignment as one integer chromosome. Genes come layer by layer in network order: one gene
 * per layer ({@code layer}), one per output channel in channel order ({@code kernel}), or one per channel group,
 * least sensitive group first ({@code group:G}). Gene {@code i} picks a multiplier from the allowed list of its
 * layer (the exact multiplier first when allowed).
 *
 * <p>Every gene of the chromosome has the same range {@code [0, R)} (Jenetics builds random chromosomes from one
 * range), while layers allow different numbers of multipliers; a raw gene value {@code v} therefore means entry
 * {@code v mod n_i} of its layer's list of {@code n_i}. R is the least common multiple of the list sizes when
 * that is at most {@value #MAX_LCM_RANGE}, so each entry is equally likely under random initialisation and
 * mutation; otherwise R is the largest list size and the first entries of shorter lists are slightly favoured.
 * The <em>canonical</em> genome ({@link #canonical}) holds the list indices; it is the cache key and the genome
 * written to the run directory.
 */
public final class GenomeCodec {
  static final int MAX_LCM_RANGE = 1 << 12;

  private final SearchSpace space;
  private final Granularity granularity;
  private final int[] geneLayer;
  private final int[][] geneChannels;
  private final int[] firstGene;
  private final int range;

  private GenomeCodec(SearchSpace space, Granularity granularity) {
    this.space = space;
    this.granularity = granularity;
    List<Integer> layerOf = new ArrayList<>();
    List<int[]> channels = new ArrayList<>();
    firstGene = new int[space.layers().size() + 1];
    for (int l = 0; l < space.layers().size(); l++) {
      firstGene[l] = layerOf.size();
      ApproximableLayer layer = space.layers().get(l);
      int c = layer.outputChannels();
      switch (granularity.kind()) {
        case LAYER -> {
          int[] all = new int[c];
          Arrays.setAll(all, i -> i);
          layerOf.add(l);
          channels.add(all);
        }
        case KERNEL -> {
          for (int ch = 0; ch < c; ch++) {
            layerOf.add(l);
            channels.add(new int[] {ch});
          }
        }
        case GROUP -> {
          int[] ranked = layer.rankedChannels();
          int g = Math.min(granularity.groups(), c);
          for (int k = 0; k < g; k++) {
            int[] group = Arrays.copyOfRange(ranked, (int) ((long) k * c / g), (int) ((long) (k + 1) * c / g));
            Arrays.sort(group);
            layerOf.add(l);
            channels.add(group);
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    firstGene[space.layers().size()] = layerOf.size();
    geneLayer = layerOf.stream().mapToInt(Integer::intValue).toArray();
    geneChannels = channels.toArray(new int[0][]);
    range = range(space);
  }

  /** The codec of {@code space} at {@code granularity}. */
  public static GenomeCodec of(SearchSpace space, Granularity granularity) {
    return new GenomeCodec(space, granularity);
  }

  private static int range(SearchSpace space) {
    long lcm = 1;
    int max = 1;
    for (ApproximableLayer l : space.layers()) {
      int n = l.allowed().size();
      max = Math.max(max, n);
      lcm = lcm / gcd(lcm, n) * n;
      if (lcm > MAX_LCM_RANGE) {
        lcm = Long.MAX_VALUE;
        break;
      }
    }
    return lcm <= MAX_LCM_RANGE ? (int) lcm : max;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  public SearchSpace space() {
    return space;
  }

  public Granularity granularity() {
    return granularity;
  }

  /** Number of genes. */
  public int length() {
    return geneLayer.length;
  }

  /** R: every raw gene value lies in {@code [0, R)}. */
  public int range() {
    return range;
  }

  /** The index of the layer gene {@code gene} belongs to. */
  public int layerOf(int gene) {
    return geneLayer[gene];
  }

  /** Number of multipliers gene {@code gene} chooses from. */
  public int options(int gene) {
    return space.layers().get(geneLayer[gene]).allowed().size();
  }

  /** The canonical genome (allowed-list indices) of a raw chromosome. */
  public int[] canonical(int[] raw) {
    check(raw.length);
    int[] g = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] < 0) {
        throw new IllegalArgumentException("negative gene value " + raw[i]);
      }
      g[i] = raw[i] % options(i);
    }
    return g;
  }

  /** True when {@code genome} is a canonical genome of this codec. */
  public boolean isCanonical(int[] genome) {
    if (genome.length != length()) {
      return false;
    }
    for (int i = 0; i < genome.length; i++) {
      if (genome[i] < 0 || genome[i] >= options(i)) {
        return false;
      }
    }
    return true;
  }

  /** The multiplier of each output channel of layer {@code l} under the canonical {@code genome}. */
  public List<String> channelMultipliers(int[] genome, int l) {
    check(genome.length);
    ApproximableLayer layer = space.layers().get(l);
    String[] names = new String[layer.outputChannels()];
    for (int i = firstGene[l]; i < firstGene[l + 1]; i++) {
      String m = layer.allowed().get(genome[i]);
      for (int c : geneChannels[i]) {
        names[c] = m;
      }
    }
    return List.of(names);
  }

  /** The assignment a canonical genome stands for; a layer whose channels all agree is uniform. */
  public Assignment assignment(int[] genome) {
    Map<String, LayerAssignment> m = new LinkedHashMap<>();
    for (int l = 0; l < space.layers().size(); l++) {
      List<String> ch = channelMultipliers(genome, l);
      boolean uniform = ch.stream().distinct().count() == 1;
      m.put(space.layers().get(l).name(),
          uniform ? LayerAssignment.uniform(ch.get(0)) : LayerAssignment.perChannel(ch));
    }
    return new Assignment(m);
  }

  /**
   * The multiplier of each layer, for the run directory: the layer's multiplier when it is uniform, else the
   * one used by most of its channels (ties: the earliest in the layer's allowed list).
   */
  public List<String> layerMultipliers(int[] genome) {
    List<String> out = new ArrayList<>();
    for (int l = 0; l < space.layers().size(); l++) {
      List<String> allowed = space.layers().get(l).allowed();
      int[] count = new int[allowed.size()];
      for (String m : channelMultipliers(genome, l)) {
        count[allowed.indexOf(m)]++;
      }
      int best = 0;
      for (int k = 1; k < count.length; k++) {
        best = count[k] > count[best] ? k : best;
      }
      out.add(allowed.get(best));
    }
    return out;
  }

  /** Per-channel multipliers of every layer, or an empty list at layer granularity. */
  public List<List<String>> allChannelMultipliers(int[] genome) {
    if (!granularity.perChannel()) {
      return List.of();
    }
    List<List<String>> out = new ArrayList<>();
    for (int l = 0; l < space.layers().size(); l++) {
      out.add(channelMultipliers(genome, l));
    }
    return out;
  }

  /** The distinct multipliers the genome uses, in layer order. */
  public Set<String> distinct(int[] genome) {
    check(genome.length);
    Set<String> s = new LinkedHashSet<>();
    for (int i = 0; i < genome.length; i++) {
      s.add(space.layers().get(geneLayer[i]).allowed().get(genome[i]));
    }
    return s;
  }

  /** Every layer on {@code multiplier} where it may use it, the others on their first allowed multiplier. */
  public int[] uniform(String multiplier) {
    int[] g = new int[length()];
    for (int i = 0; i < g.length; i++) {
      g[i] = Math.max(0, space.layers().get(geneLayer[i]).allowed().indexOf(multiplier));
    }
    return g;
  }

  /** The genome closest to all-exact: {@link #uniform} of the exact multiplier. */
  public int[] allExact() {
    return uniform(space.exactMultiplier());
  }

  /** {@code genome} with every gene of layer {@code l} set to {@code multiplier}, which the layer must allow. */
  public int[] withLayer(int[] genome, int l, String multiplier) {
    int k = space.layers().get(l).allowed().indexOf(multiplier);
    if (k < 0) {
      throw new IllegalArgumentException("layer " + space.layers().get(l).name() + " does not allow " + multiplier);
    }
    int[] g = genome.clone();
    Arrays.fill(g, firstGene[l], firstGene[l + 1], k);
    return g;
  }

  private void check(int n) {
    if (n != length()) {
      throw new IllegalArgumentException("genome has " + n + " genes, the codec " + length());
    }
  }
}
