package org.axdse.explorer.simulation;

/**
 * How the engine saves work in a search: {@code prefixCacheBytes} of activations kept after prefixes of layers for
 * screening evaluations (changes no figure; see {@code engine.PrefixCache}), and early stopping of hopeless
 * screening evaluations (see {@link EarlyStopping}; changes the figures of stopped candidates only, which never
 * enter the archive, but through them the search's path).
 *
 * @param prefixCacheBytes the bound of the prefix activation cache, in bytes (0: no cache)
 * @param earlyStopping whether screening evaluations may stop early
 * @param alpha the early-stopping test's total level: the chance that a candidate able to enter the archive is
 *     stopped, at most
 */
public record SpeedOptions(long prefixCacheBytes, boolean earlyStopping, double alpha) {
  /** Default level of the early-stopping test. */
  public static final double DEFAULT_ALPHA = 1e-3;

  /** Default bound of the prefix cache: a quarter of the maximum heap, at most 1 GiB. */
  public static final long DEFAULT_PREFIX_CACHE_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);

  public SpeedOptions {
    if (prefixCacheBytes < 0) {
      throw new IllegalArgumentException("prefix cache size must be >= 0: " + prefixCacheBytes);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("the early-stopping level must be in (0, 1): " + alpha);
    }
  }

  /** A prefix cache of {@code prefixCacheBytes}, no early stopping. */
  public SpeedOptions(long prefixCacheBytes) {
    this(prefixCacheBytes, false, DEFAULT_ALPHA);
  }

  /** These options with early stopping on or off. */
  public SpeedOptions withEarlyStopping(boolean on) {
    return new SpeedOptions(prefixCacheBytes, on, alpha);
  }

  /** The prefix cache at its default bound, no early stopping. */
  public static SpeedOptions defaults() {
    return new SpeedOptions(DEFAULT_PREFIX_CACHE_BYTES);
  }
}
