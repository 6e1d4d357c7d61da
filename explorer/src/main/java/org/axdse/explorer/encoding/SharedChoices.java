package org.axdse.explorer.encoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.axdse.simulator.share.ShareGranularity;
import org.axdse.simulator.share.SharingPlan;

/**
 * Weight sharing as part of a layer's choice: with {@code --share-k}, a layer chooses a multiplier and a k in one
 * gene, from the flattened list of pairs. A pair is named {@code MULTIPLIER@K} ({@code s8x5_exact_bw@16}); the plain
 * multiplier name keeps the layer's weights unshared. The names travel wherever multiplier names do (genomes,
 * checkpoints, the cluster, run files, {@code pick}), so nothing else in the search changes; {@link #split} turns an
 * assignment of such names back into the multipliers and the sharing plan.
 */
public final class SharedChoices {
  /** Separates the multiplier from k in a choice name. */
  public static final char SEPARATOR = '@';

  private SharedChoices() {}

  /** The choice of {@code multiplier} with {@code k} shared values per group (k = 0: unshared). */
  public static String name(String multiplier, int k) {
    return k == 0 ? multiplier : multiplier + SEPARATOR + k;
  }

  /** The multiplier of a choice name. */
  public static String multiplier(String choice) {
    int at = choice.indexOf(SEPARATOR);
    return at < 0 ? choice : choice.substring(0, at);
  }

  /** The k of a choice name, 0 when unshared; a one-line error for a malformed k. */
  public static int k(String choice) {
    int at = choice.indexOf(SEPARATOR);
    if (at < 0) {
      return 0;
    }
    try {
      int k = Integer.parseInt(choice.substring(at + 1));
      if (k >= 1) {
        return k;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException("'" + choice + "': the k after '" + SEPARATOR + "' must be an integer >= 1");
  }

  /** True when some layer of {@code assignment} names a shared choice. */
  public static boolean anyShared(Assignment assignment) {
    return assignment.multipliersUsed().stream().anyMatch(m -> m.indexOf(SEPARATOR) >= 0);
  }

  /**
   * The space whose layers choose among every allowed multiplier unshared or at each k of {@code ks}, with
   * library entries for the pairs that copy their multiplier's figures. Library order (the search seeds its first
   * generation with uniform assignments in this order): the first {@code exactDesigns} entries (the exact design
   * of each width) unshared, then those at each k from the largest down, then the other multipliers unshared,
   * then at each k from the largest down. A layer's list follows the library order, so the exact multiplier
   * unshared stays first. Layer l offers only the k of at most {@code maxK[l]} (the weights in its smallest group).
   */
  public static SearchSpace expand(SearchSpace space, int[] ks, int exactDesigns, int[] maxK) {
    List<MultiplierInfo> plain = space.library();
    int head = Math.min(Math.max(exactDesigns, 0), plain.size());
    List<MultiplierInfo> library = new ArrayList<>(plain.subList(0, head));
    library.addAll(shared(plain.subList(0, head), ks));
    library.addAll(plain.subList(head, plain.size()));
    library.addAll(shared(plain.subList(head, plain.size()), ks));
    List<ApproximableLayer> layers = new ArrayList<>();
    for (int i = 0; i < space.layers().size(); i++) {
      ApproximableLayer l = space.layers().get(i);
      int limit = maxK[i];
      List<String> allowed = library.stream().map(MultiplierInfo::name)
          .filter(m -> l.allowed().contains(multiplier(m)) && k(m) <= limit).toList();
      layers.add(new ApproximableLayer(l.name(), l.outputChannels(), allowed, l.channelOrder()));
    }
    return new SearchSpace(space.model(), space.dataset(), space.exactMultiplier(), library, layers);
  }

  private static List<MultiplierInfo> shared(List<MultiplierInfo> multipliers, int[] ks) {
    List<MultiplierInfo> out = new ArrayList<>();
    for (int j = ks.length - 1; j >= 0; j--) {
      for (MultiplierInfo m : multipliers) {
        out.add(new MultiplierInfo(name(m.name(), ks[j]), m.relativePower(), m.relativeArea()));
      }
    }
    return out;
  }

  /**
   * The multipliers and the sharing plan of {@code assignment}; a layer with per-channel choices must not share
   * (a one-line error: sharing is searched per layer).
   */
  public static Split split(Assignment assignment, ShareGranularity granularity) {
    Map<String, LayerAssignment> layers = new LinkedHashMap<>();
    Map<String, Integer> k = new LinkedHashMap<>();
    assignment.layers().forEach((layer, a) -> {
      switch (a) {
        case LayerAssignment.Uniform u -> {
          layers.put(layer, LayerAssignment.uniform(multiplier(u.multiplier())));
          if (k(u.multiplier()) > 0) {
            k.put(layer, k(u.multiplier()));
          }
        }
        case LayerAssignment.PerChannel p -> {
          if (p.multipliers().stream().anyMatch(m -> k(m) > 0)) {
            throw new BadInputException("layer '" + layer + "': weight sharing is chosen per layer, not per "
                + "channel (use --granularity layer with --share)");
          }
          layers.put(layer, p);
        }
      }
    });
    return new Split(new Assignment(layers), new SharingPlan(granularity, k));
  }

  /**
   * An assignment of plain multipliers and its sharing plan.
   *
   * @param assignment the multipliers
   * @param plan k per shared layer (empty: nothing shared)
   */
  public record Split(Assignment assignment, SharingPlan plan) {}
}
