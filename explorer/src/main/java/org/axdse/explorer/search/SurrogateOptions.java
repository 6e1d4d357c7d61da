package org.axdse.explorer.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --surrogate [--surrogate-factor F]}: each generation breeds F times as many offspring as it simulates,
 * ranks them with the engine's accuracy predictor and exact costs, and simulates only the most promising
 * ({@link SurrogateBreeding}). {@link #OFF} (factor 0) is the plain search.
 */
public record SurrogateOptions(int factor) {
  public static final SurrogateOptions OFF = new SurrogateOptions(0);
  public static final int DEFAULT_FACTOR = 10;
  public static final int MAX_FACTOR = 1000;

  public SurrogateOptions {
    if (factor != 0 && (factor < 2 || factor > MAX_FACTOR)) {
      throw new IllegalArgumentException("--surrogate-factor must be in [2, " + MAX_FACTOR + "]: " + factor);
    }
  }

  public boolean enabled() {
    return factor > 0;
  }

  /** The settings' keys when enabled; a plain run adds none, so its files are those of earlier versions. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (enabled()) {
      m.put("surrogate", true);
      m.put("surrogate_factor", factor);
    }
    return m;
  }

  /** Reads {@link #toMap()}; settings without the keys (plain runs, older runs) are {@link #OFF}. */
  static SurrogateOptions fromMap(Map<String, Object> m) {
    if (!Boolean.TRUE.equals(m.get("surrogate"))) {
      return OFF;
    }
    Object f = m.get("surrogate_factor");
    if (!(f instanceof Number n)) {
      throw new IllegalArgumentException("settings: surrogate_factor missing or not a number");
    }
    return new SurrogateOptions(n.intValue());
  }
}
