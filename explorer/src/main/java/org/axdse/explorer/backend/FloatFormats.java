package org.axdse.explorer.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.format.NumberFormat;
import org.axdse.multipliers.library.BlockScaledDesigns;
import org.axdse.multipliers.util.BadInputException;

/**
 * The float formats of a search ({@code --number-formats e4m3,e3m4,mxfp8}): minifloats of at most 8 bits whose
 * designs (exact and approximate float multipliers) layers may use beside the integer ones, with per-tensor (or
 * per-channel) scales, or with OCP MX block scales ({@code mxfp8}, {@code mxfp6}, {@code mxfp4} or {@code
 * <minifloat>_mx32}: {@link BlockScaledDesigns}). Names are kept canonical ({@link Minifloat#name()}, {@code
 * e4m3_mx32} for {@code mxfp8}), without repeats, in the order given.
 */
public final class FloatFormats {
  private FloatFormats() {}

  /**
   * The formats of a comma-separated list ({@code ""}: none).
   *
   * @throws BadInputException one line naming {@code flag}, the entry and the problem
   */
  public static List<String> parse(String text, String flag) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String entry : Arrays.stream(text.split(",")).map(String::strip).toList()) {
      NumberFormat f;
      try {
        Minifloat mx = BlockScaledDesigns.element(entry).orElse(null);
        if (mx != null) {
          String name = BlockScaledDesigns.nameOf(mx.name());
          if (!out.contains(name)) {
            out.add(name);
          }
          continue;
        }
        f = NumberFormat.parse(entry);
      } catch (IllegalArgumentException | BadInputException e) {
        throw new BadInputException(flag + " " + text + ": " + e.getMessage());
      }
      if (!(f instanceof Minifloat m)) {
        throw new BadInputException(flag + " " + text + ": '" + entry + "' is an integer format; integer designs "
            + "are always candidates (their widths come from --weight-bits)");
      }
      if (!out.contains(m.name())) {
        out.add(m.name());
      }
    }
    return List.copyOf(out);
  }

  /** {@code names} checked and made canonical (null: none). */
  static List<String> canonical(List<String> names) {
    return names == null || names.isEmpty() ? List.of() : parse(String.join(",", names), "--number-formats");
  }
}
