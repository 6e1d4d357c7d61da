package org.axdse.explorer.simulation;

/**
 * How the engine saves work in a search without changing any figure: {@code prefixCacheBytes} of activations
 * kept after prefixes of layers for screening evaluations (0: off; see {@code engine.PrefixCache}).
 *
 * @param prefixCacheBytes the bound of the prefix activation cache, in bytes (0: no cache)
 */
public record SpeedOptions(long prefixCacheBytes) {
  /** Default bound of the prefix cache: a quarter of the maximum heap, at most 1 GiB. */
  public static final long DEFAULT_PREFIX_CACHE_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);

  public SpeedOptions {
    if (prefixCacheBytes < 0) {
      throw new IllegalArgumentException("prefix cache size must be >= 0: " + prefixCacheBytes);
    }
  }

  /** The prefix cache at its default bound. */
  public static SpeedOptions defaults() {
    return new SpeedOptions(DEFAULT_PREFIX_CACHE_BYTES);
  }
}
