package org.axdse.explorer.backend;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.share.ShareGranularity;

/**
 * Weight sharing as a search gene ({@code search --share G --share-k 2,4,8,16}): the granularity of the codebooks
 * and the k a layer may choose besides keeping its weights unshared. Its {@link #label()} ({@code channel:2,4,8,16})
 * is how run settings, checkpoints and the cluster record it.
 *
 * @param granularity one codebook per layer, output channel or 2-D kernel
 * @param ks the shared values per group a layer may choose, ascending, each >= 1
 */
public record ShareOptions(ShareGranularity granularity, List<Integer> ks) {
  public ShareOptions {
    if (granularity == null) {
      throw new IllegalArgumentException("weight sharing needs a granularity");
    }
    ks = List.copyOf(ks);
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("--share-k: give at least one k");
    }
    for (int i = 0; i < ks.size(); i++) {
      if (ks.get(i) < 1 || i > 0 && ks.get(i) <= ks.get(i - 1)) {
        throw new IllegalArgumentException("--share-k: " + ks + " must be ascending integers >= 1");
      }
    }
  }

  /**
   * The options of {@code --share G} and {@code --share-k K,K...}, or null when neither is given; one-line errors
   * name the flag and the value.
   */
  public static ShareOptions parse(String granularity, String ks) {
    if (granularity == null && ks == null) {
      return null;
    }
    if (ks == null) {
      throw new BadInputException("--share needs --share-k K[,K...] (the k a layer may choose)");
    }
    ShareGranularity g = granularity == null ? ShareGranularity.LAYER : ShareGranularity.parse(granularity);
    if (g == null) {
      throw new BadInputException("--share: '" + granularity + "' is not layer, channel or kernel");
    }
    List<Integer> list = new ArrayList<>();
    for (String part : ks.split(",")) {
      try {
        int k = Integer.parseInt(part.strip());
        if (k < 1) {
          throw new NumberFormatException();
        }
        list.add(k);
      } catch (NumberFormatException e) {
        throw new BadInputException("--share-k: '" + part.strip() + "' must be an integer >= 1");
      }
    }
    List<Integer> sorted = list.stream().distinct().sorted().toList();
    return new ShareOptions(g, sorted);
  }

  /** {@code granularity:k,k,...}; {@link #fromLabel} reads it back. */
  public String label() {
    return granularity.label() + ":" + String.join(",", ks.stream().map(String::valueOf).toList());
  }

  /** The options of {@link #label()}, or null for null or an empty text. */
  public static ShareOptions fromLabel(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    int colon = label.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("share: '" + label + "' is not granularity:k,k,...");
    }
    return parse(label.substring(0, colon), label.substring(colon + 1));
  }

  /** The k list as an array. */
  public int[] kArray() {
    return ks.stream().mapToInt(Integer::intValue).toArray();
  }
}
