package org.axdse.simulator.share;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;

/**
 * The optional {@code "share"} entry of an assignment file: the granularity and k per approximable layer (name or
 * index), beside the multipliers of {@code "layers"}. A file without it shares nothing, as before.
 *
 * <pre>
 * {"layers": {"conv1": "s8x8_trunc4"}, "share": {"granularity": "channel", "k": {"conv1": 16, "3": 8}}}
 * </pre>
 */
public final class SharingJson {
  private SharingJson() {}

  /**
   * The sharing entry of {@code file} with its layer keys as written (resolve them against a model with {@link
   * SharingPlan#resolve}), or empty. One-line errors name the file, the layer and the value.
   */
  public static Optional<Entry> read(Path file) {
    JsonNode root = JsonFiles.readTree(file);
    JsonNode share = root == null ? null : root.get("share");
    if (share == null) {
      return Optional.empty();
    }
    if (!share.isObject()) {
      throw BadInputException.in(file, "\"share\" must be an object {\"granularity\": ..., \"k\": {...}}");
    }
    share.fieldNames().forEachRemaining(key -> {
      if (!key.equals("granularity") && !key.equals("k")) {
        throw BadInputException.in(file, "share: unknown key '" + key + "' (expected granularity, k)");
      }
    });
    JsonNode g = share.get("granularity");
    ShareGranularity granularity = g == null ? ShareGranularity.LAYER : ShareGranularity.parse(g.asText());
    if (granularity == null || g != null && !g.isTextual()) {
      throw BadInputException.in(file, "share: granularity " + g + " is not layer, channel or kernel");
    }
    JsonNode ks = share.get("k");
    if (ks == null || !ks.isObject()) {
      throw BadInputException.in(file, "share: \"k\" must be an object mapping layer names or indices to k");
    }
    Map<String, Integer> k = new LinkedHashMap<>();
    ks.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
        throw BadInputException.in(file, "share: layer '" + e.getKey() + "': k = " + v
            + " must be an integer >= 1");
      }
      k.put(e.getKey(), v.asInt());
    });
    return Optional.of(new Entry(granularity, k));
  }

  /**
   * A {@code "share"} entry as written.
   *
   * @param granularity the groups sharing one codebook (default {@code layer})
   * @param k shared values per group, by layer name or index
   */
  public record Entry(ShareGranularity granularity, Map<String, Integer> k) {
    public Entry {
      k = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(k));
    }
  }
}
