package org.axdse.explorer.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --surrogate [--surrogate-factor F] [--surrogate-rounds R]}: each generation breeds F times as many
 * offspring as it simulates, in R rounds of breeding on the predictor, ranks them with the engine's accuracy
 * predictor and exact costs, and simulates only the most promising ({@link SurrogateBreeding}). {@link #OFF}
 * (factor 0, rounds 0) is the plain search.
 */
public record SurrogateOptions(int factor, int rounds) {
  public static final SurrogateOptions OFF = new SurrogateOptions(0, 0);
  public static final int DEFAULT_FACTOR = 10;
  public static final int MAX_FACTOR = 1000;
  public static final int DEFAULT_ROUNDS = 1;
  public static final int MAX_ROUNDS = 50;

  public SurrogateOptions {
    if (factor != 0 && (factor < 2 || factor > MAX_FACTOR)) {
      throw new IllegalArgumentException("--surrogate-factor must be in [2, " + MAX_FACTOR + "]: " + factor);
    }
    if (factor == 0 ? rounds != 0 : rounds < 1 || rounds > MAX_ROUNDS) {
      throw new IllegalArgumentException("--surrogate-rounds must be in [1, " + MAX_ROUNDS + "]: " + rounds);
    }
  }

  /** Factor {@code factor} with the default rounds ({@link #OFF} for factor 0). */
  public SurrogateOptions(int factor) {
    this(factor, factor == 0 ? 0 : DEFAULT_ROUNDS);
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
      m.put("surrogate_rounds", rounds);
    }
    return m;
  }

  /**
   * Reads {@link #toMap()}; settings without the keys (plain runs, older runs) are {@link #OFF}; surrogate settings
   * without {@code surrogate_rounds} (runs of the version that bred one round) have one round, so they resume as
   * they were bred.
   */
  static SurrogateOptions fromMap(Map<String, Object> m) {
    if (!Boolean.TRUE.equals(m.get("surrogate"))) {
      return OFF;
    }
    Object f = m.get("surrogate_factor");
    if (!(f instanceof Number n)) {
      throw new IllegalArgumentException("settings: surrogate_factor missing or not a number");
    }
    Object r = m.get("surrogate_rounds");
    if (r != null && !(r instanceof Number)) {
      throw new IllegalArgumentException("settings: surrogate_rounds not a number");
    }
    return new SurrogateOptions(n.intValue(), r == null ? 1 : ((Number) r).intValue());
  }
}
