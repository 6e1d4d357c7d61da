package org.axdse.multipliers.cost;

import org.axdse.multipliers.netlist.BitParallelSimulator;
import org.axdse.multipliers.netlist.Netlist;

/**
 * Counts how often each net of a netlist changes value while an {@link OperandStream} is applied pair after
 * pair, under a zero-delay model (one settled value per pair, no glitches). With the 64 pairs of a word in lanes
 * {@code 0..63} of {@code w}, and {@code t} the top lane of the same net's previous word, the toggles inside the
 * word are {@code popcount(w ^ ((w << 1) | t))}; the first pair of the stream has no predecessor and counts none,
 * so a stream of {@code L} pairs has {@code L - 1} transitions.
 */
public final class ToggleCounter {
  private ToggleCounter() {}

  /** Toggles per net, indexed by net number, over the whole stream. */
  public static long[] perNet(Netlist netlist, OperandStream stream) {
    if (!stream.format().equals(netlist.format())) {
      throw new IllegalArgumentException("stream format " + stream.format() + " differs from netlist format "
          + netlist.format());
    }
    BitParallelSimulator sim = new BitParallelSimulator(netlist);
    long[] nets = sim.newNetValues();
    long[] toggles = new long[nets.length];
    long[] previousTop = new long[nets.length];
    for (int k = 0; k < stream.words(); k++) {
      sim.evaluate(stream.activationWords(k), stream.weightWords(k), nets);
      for (int n = 0; n < nets.length; n++) {
        long w = nets[n];
        long carryIn = k == 0 ? w & 1L : previousTop[n];
        toggles[n] += Long.bitCount(w ^ ((w << 1) | carryIn));
        previousTop[n] = w >>> 63;
      }
    }
    return toggles;
  }
}
