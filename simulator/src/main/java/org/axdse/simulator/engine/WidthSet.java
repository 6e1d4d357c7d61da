package org.axdse.simulator.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.quant.QuantMode;

/**
 * The weight widths a run may use ({@code --weight-bits 4,6,8}), ascending, each in 2..8. One width keeps the
 * single-width meaning (every multiplier of that width, energy relative to its exact design); several widths
 * let every layer (or channel) take the width of its multiplier's {@code 8xN} format, the model being
 * calibrated at the widest, with energy relative to the exact 8x8 multiplier.
 */
public record WidthSet(List<Integer> widths) {
  public WidthSet {
    widths = List.copyOf(new TreeSet<>(widths));
    if (widths.isEmpty()) {
      throw new IllegalArgumentException("at least one weight width is required");
    }
    for (int w : widths) {
      if (w < 2 || w > 8) {
        throw new IllegalArgumentException("weight width must be 2..8, got " + w);
      }
    }
  }

  public static WidthSet of(int width) {
    return new WidthSet(List.of(width));
  }

  /**
   * Parses {@code 4,6,8} as given to {@code flag}; a bad value is a one-line {@link BadInputException} naming the
   * flag and the value.
   */
  public static WidthSet parse(String text, String flag) {
    Set<Integer> out = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      String s = part.strip();
      int w;
      try {
        w = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new BadInputException(flag + ": '" + s + "' is not a width (give N or N,N,... with N in 2..8)");
      }
      if (w < 2 || w > 8) {
        throw new BadInputException(flag + ": width " + w + " is outside 2..8");
      }
      if (!out.add(w)) {
        throw new BadInputException(flag + ": width " + w + " is listed twice");
      }
    }
    return new WidthSet(List.copyOf(out));
  }

  public boolean single() {
    return widths.size() == 1;
  }

  /** The widest width: the one the model is calibrated and the engine runs at. */
  public int max() {
    return widths.get(widths.size() - 1);
  }

  public boolean contains(int width) {
    return widths.contains(width);
  }

  /** The multiplier formats of {@code mode} at these widths. */
  public Set<MultiplierFormat> formats(QuantMode mode) {
    return widths.stream().map(mode::format).collect(Collectors.toSet());
  }

  /** The text {@link #parse} reads back, e.g. {@code 4,6,8}. */
  public String label() {
    return widths.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
