package org.axdse.explorer.encoding;

/**
 * How finely multipliers are assigned: one gene per approximable layer ({@code layer}), one per output channel
 * ({@code kernel}), or one per group of a layer's output channels ({@code group:G}: the channels, ranked from
 * least to most sensitive, are cut into G contiguous groups of near-equal size; a layer with fewer than G
 * channels gets one group per channel).
 *
 * @param groups G for {@link Kind#GROUP}, else 0
 */
public record Granularity(Kind kind, int groups) {
  public enum Kind {
    LAYER,
    KERNEL,
    GROUP
  }

  public Granularity {
    if ((kind == Kind.GROUP) != (groups > 0)) {
      throw new IllegalArgumentException("group granularity needs G >= 1; the others take no G");
    }
  }

  public static Granularity layer() {
    return new Granularity(Kind.LAYER, 0);
  }

  public static Granularity kernel() {
    return new Granularity(Kind.KERNEL, 0);
  }

  public static Granularity groups(int g) {
    return new Granularity(Kind.GROUP, g);
  }

  /** Parses {@code layer}, {@code kernel} or {@code group:G}; throws {@link IllegalArgumentException}. */
  public static Granularity parse(String text) {
    String t = text.strip();
    if (t.equals("layer")) {
      return layer();
    }
    if (t.equals("kernel")) {
      return kernel();
    }
    if (t.startsWith("group:")) {
      try {
        int g = Integer.parseInt(t.substring("group:".length()));
        if (g >= 1) {
          return groups(g);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("granularity must be layer, kernel or group:G with G >= 1, not '"
        + text + "'");
  }

  /** The text {@link #parse} reads back. */
  @Override
  public String toString() {
    return switch (kind) {
      case LAYER -> "layer";
      case KERNEL -> "kernel";
      case GROUP -> "group:" + groups;
    };
  }

  public boolean perChannel() {
    return kind != Kind.LAYER;
  }
}
