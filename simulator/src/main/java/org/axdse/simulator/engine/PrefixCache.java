package org.axdse.simulator.engine;

import java.util.HashMap;
import java.util.Map;
import org.axdse.simulator.cache.CacheKey;

/**
 * Activations after a prefix of layers, kept between evaluations of one {@link SimulationSession} so that an
 * assignment sharing its first layers' multipliers with an evaluated one starts from the first layer that
 * differs (issue 17, "no work twice"). An entry is the state at one cut (see {@link PrefixCuts}) for one image
 * list, keyed by everything those layers' outputs depend on (see {@link PrefixKeys}). Bounded: once the entries
 * hold more than {@code maxBytes}, entries are dropped by GreedyDual-Size (Cao and Irani, USENIX Symposium on
 * Internet Technologies and Systems 1997): each entry's priority is the clock plus its value per byte (the MACs
 * per image it saves over its bytes per image), renewed when it is used; the lowest priority goes first and
 * becomes the clock. So deep cuts (many MACs saved, small tensors) outlive shallow ones, and unused entries age
 * out. Resuming from an entry gives the bit-identical result of a full run. Thread-safe.
 */
public final class PrefixCache {
  private final long maxBytes;
  private final Map<CacheKey, Entry> entries = new HashMap<>();
  private double clock;
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

  private static final class Entry {
    final byte[] state;
    final double density;
    double priority;

    Entry(byte[] state, double density, double clock) {
      this.state = state;
      this.density = density;
      this.priority = clock + density;
    }
  }

  /** The state stored under {@code key} (its priority renewed), or null. */
  synchronized byte[] get(CacheKey key) {
    Entry e = entries.get(key);
    if (e == null) {
      return null;
    }
    e.priority = clock + e.density;
    return e.state;
  }

  /** Whether a state of {@code size} bytes may be stored at all. */
  boolean fits(long size) {
    return size <= maxBytes;
  }

  /**
   * Stores {@code state} under {@code key}, worth {@code density} (MACs saved per byte), dropping the entries of
   * lowest priority to stay within the bound.
   */
  synchronized void put(CacheKey key, byte[] state, double density) {
    if (!fits(state.length)) {
      return;
    }
    Entry old = entries.put(key, new Entry(state, density, clock));
    bytes += state.length - (old == null ? 0 : old.state.length);
    while (bytes > maxBytes) {
      CacheKey lowest = null;
      double min = Double.POSITIVE_INFINITY;
      for (Map.Entry<CacheKey, Entry> e : entries.entrySet()) {
        if (!e.getKey().equals(key) && e.getValue().priority < min) {
          min = e.getValue().priority;
          lowest = e.getKey();
        }
      }
      clock = min;
      bytes -= entries.remove(lowest).state.length;
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
