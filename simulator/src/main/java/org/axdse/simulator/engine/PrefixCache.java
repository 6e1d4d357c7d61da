package org.axdse.simulator.engine;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axdse.simulator.cache.CacheKey;

/**
 * Activations after a prefix of layers, kept between evaluations of one {@link SimulationSession} so that an
 * assignment sharing its first layers' multipliers with an evaluated one starts from the first layer that
 * differs (issue 17, "no work twice"). An entry is the state at one cut (see {@link PrefixCuts}) for one image
 * list, keyed by everything those layers' outputs depend on (see {@link PrefixKeys}). Bounded: least recently
 * used entries are dropped once the entries hold more than {@code maxBytes}. Resuming from an entry gives the
 * bit-identical result of a full run. Thread-safe.
 */
public final class PrefixCache {
  private final long maxBytes;
  private final LinkedHashMap<CacheKey, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;
  private long evaluations;
  private long hits;
  private long images;
  private long macsTotal;
  private long macsSaved;
  private long evictions;

  private PrefixCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("prefix cache size must be >= 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** A cache holding at most {@code maxBytes} of activations (0: stores nothing). */
  public static PrefixCache ofBytes(long maxBytes) {
    return new PrefixCache(maxBytes);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The state stored under {@code key} (now the most recently used), or null. */
  synchronized byte[] get(CacheKey key) {
    return entries.get(key);
  }

  /** Whether a state of {@code size} bytes may be stored at all. */
  boolean fits(long size) {
    return size <= maxBytes;
  }

  /** Stores {@code state} under {@code key}, dropping least recently used entries to stay within the bound. */
  synchronized void put(CacheKey key, byte[] state) {
    if (!fits(state.length)) {
      return;
    }
    byte[] old = entries.put(key, state);
    bytes += state.length - (old == null ? 0 : old.length);
    Iterator<Map.Entry<CacheKey, byte[]>> it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<CacheKey, byte[]> e = it.next();
      if (e.getKey().equals(key)) {
        continue;
      }
      bytes -= e.getValue().length;
      it.remove();
      evictions++;
    }
  }

  /** Records one evaluation of {@code n} images that resumed after {@code saved} of {@code total} MACs per image. */
  synchronized void record(int n, long saved, long total) {
    evaluations++;
    hits += saved > 0 ? 1 : 0;
    images += n;
    macsSaved += n * saved;
    macsTotal += n * total;
  }

  /** What the cache has done so far. */
  public synchronized Stats stats() {
    return new Stats(evaluations, hits, images, macsTotal, macsSaved, entries.size(), bytes, evictions);
  }

  /**
   * Counts: evaluations that went through the cache, those that resumed from a stored prefix (hits), images
   * evaluated, MACs those images would have cost from the input and MACs skipped, entries and bytes held, entries
   * dropped to stay within the bound.
   */
  public record Stats(long evaluations, long hits, long images, long macsTotal, long macsSaved, long entries,
      long bytes, long evictions) {
    public double hitRate() {
      return evaluations == 0 ? 0 : (double) hits / evaluations;
    }

    public double savedFraction() {
      return macsTotal == 0 ? 0 : (double) macsSaved / macsTotal;
    }
  }
}
