package org.axdse.explorer.backend;

import java.util.List;
import org.axdse.simulator.precision.DataAwarePrecision;

/**
 * Checks of the {@code precision} run setting ({@link DataAwarePrecision#label()}): GPTQ rounds narrower widths, so
 * it needs several {@code --weight-bits} widths; refitted codebooks need {@code --share}; neither applies to the IMC
 * target.
 */
final class PrecisionSetting {
  static final String NEAREST = DataAwarePrecision.NEAREST;

  private PrecisionSetting() {}

  /** The canonical label of {@code label} (null: nearest); IllegalArgumentException naming the flag otherwise. */
  static String check(String label, List<Integer> widths, ShareOptions share, ImcOptions imc) {
    DataAwarePrecision p = DataAwarePrecision.parse(label);
    if (p.gptq() && widths.size() < 2) {
      throw new IllegalArgumentException("--weight-rounding gptq rounds the widths narrower than the widest; give "
          + "several --weight-bits widths, e.g. 4,8");
    }
    if (p.refitRounds() >= 0 && share == null) {
      throw new IllegalArgumentException("--share-codebook refit needs --share and --share-k");
    }
    if (!p.none() && imc != null) {
      throw new IllegalArgumentException("--target imc cannot be combined with --weight-rounding or --share-codebook");
    }
    return p.label();
  }
}
