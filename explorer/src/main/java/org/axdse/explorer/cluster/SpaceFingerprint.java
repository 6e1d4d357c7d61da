package org.axdse.explorer.cluster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axdse.explorer.encoding.ApproximableLayer;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.explorer.encoding.SearchSpace;
import org.axdse.results.run.MultiplierInfo;

/**
 * A SHA-256 over everything that gives a genome its meaning: the exact multiplier, the library (names, relative
 * power and area), each layer (name, channels, allowed multipliers, channel order) and the granularity. A worker
 * evaluates a run only when its fingerprint equals the coordinator's, so both decode every genome to the same
 * assignment. Model and data set names are left out: they are paths, which differ between machines.
 */
final class SpaceFingerprint {
  private SpaceFingerprint() {}

  static String of(GenomeCodec codec) {
    SearchSpace s = codec.space();
    Wire.Writer w = new Wire.Writer().putString(s.exactMultiplier()).putInt(s.library().size());
    for (MultiplierInfo m : s.library()) {
      w.putString(m.name()).putDouble(m.relativePower()).putDouble(m.relativeArea());
    }
    w.putInt(s.layers().size());
    for (ApproximableLayer l : s.layers()) {
      w.putString(l.name()).putInt(l.outputChannels()).putInt(l.allowed().size());
      l.allowed().forEach(w::putString);
      w.putInts(l.channelOrder());
    }
    w.putString(codec.granularity().toString());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(w.toBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
