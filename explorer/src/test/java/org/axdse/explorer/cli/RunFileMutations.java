package org.axdse.explorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of run files that each make the file invalid by construction, so that a command accepting
 * the result is a wrong success: syntax damage (truncation, a ':' outside strings), structure damage (a required
 * field removed or renamed, a value of the wrong type; never inside the free-form {@code settings} map, where any
 * value is allowed), and domain damage (repeated points, genes outside the space, a wrong number of layer
 * multipliers, values out of range). Checkpoint mutations either damage bytes (the checksum catches them) or
 * damage the content and recompute the checksum, as a hostile edit would.
 */
final class RunFileMutations {
  static final ObjectMapper JSON = new ObjectMapper();

  private RunFileMutations() {}

  /** A mutated points file (points.json, front.json). */
  static String points(String text, Random r) {
    int kind = r.nextInt(10);
    return kind < COMMON ? common(text, r, kind) : switch (kind) {
      case 5 -> tree(text, t -> {
        ArrayNode ps = (ArrayNode) t.get("points");
        ps.add(ps.get(r.nextInt(ps.size())).deepCopy());
      });
      case 6 -> tree(text, t -> {
        ArrayNode g = (ArrayNode) randomPoint(t, r).get("genome");
        g.set(r.nextInt(g.size()), r.nextBoolean() ? -1 - r.nextInt(5) : 7 + r.nextInt(1000));
      });
      case 7 -> tree(text, t -> {
        ArrayNode l = (ArrayNode) randomPoint(t, r).get("layer_multipliers");
        if (r.nextBoolean() && l.size() > 1) {
          l.remove(l.size() - 1);
        } else {
          l.add("exact");
        }
      });
      case 8 -> tree(text, t -> {
        ObjectNode p = randomPoint(t, r);
        switch (r.nextInt(5)) {
          case 0 -> p.put("screening_accuracy", 1.0 + r.nextDouble() + 1e-6);
          case 1 -> p.put("multiplier_energy", -1e-3 - r.nextDouble());
          case 2 -> p.put("id", -1 - r.nextInt(9));
          case 3 -> p.put("generation", -1 - r.nextInt(9));
          default -> p.put("types", -1 - r.nextInt(9));
        }
      });
      default -> tree(text, t -> ((ObjectNode) t).put("format_version", 2 + r.nextInt(50)));
    };
  }

  /** A mutated run.json. */
  static String runConfig(String text, Random r) {
    int kind = r.nextInt(8);
    return kind < COMMON ? common(text, r, kind) : switch (kind) {
      case 5 -> tree(text, t -> {
        ArrayNode o = (ArrayNode) t.get("run").get("objectives");
        if (r.nextBoolean()) {
          o.add(o.get(r.nextInt(o.size())).deepCopy());
        } else {
          o.removeAll();
        }
      });
      case 6 -> tree(text, t -> {
        ArrayNode ms = (ArrayNode) t.get("run").get("multipliers");
        ObjectNode m = (ObjectNode) ms.get(r.nextInt(ms.size()));
        switch (r.nextInt(3)) {
          case 0 -> m.put("relative_power", -1e-3 - r.nextDouble());
          case 1 -> m.put("name", r.nextBoolean() ? "" : "two words");
          default -> m.put("relative_area", -1e-3 - r.nextDouble());
        }
      });
      default -> tree(text, t -> ((ObjectNode) t).put("format_version", 2 + r.nextInt(50)));
    };
  }

  private static final int COMMON = 5;

  /** Damage any JSON file can take: syntax (0, 1) and structure (2 to 4). */
  private static String common(String text, Random r, int kind) {
    return switch (kind) {
      case 0 -> truncate(text, r);
      case 1 -> colon(text, r);
      case 2 -> tree(text, t -> removeField(t, r));
      case 3 -> tree(text, t -> wrongType(t, r));
      default -> tree(text, t -> renameField(t, r));
    };
  }

  /** A mutated checkpoint (header line and JSON body). */
  static byte[] checkpoint(byte[] file, Random r) {
    if (r.nextBoolean()) {
      return bytes(file, r);
    }
    int nl = indexOf(file, (byte) '\n');
    String body = new String(file, nl + 1, file.length - nl - 1, StandardCharsets.UTF_8);
    String mutated = tree(body, t -> checkpointContent((ObjectNode) t, r));
    byte[] b = mutated.getBytes(StandardCharsets.UTF_8);
    String header = "axdse-checkpoint 1 sha256=" + sha256(b) + "\n";
    byte[] h = header.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[h.length + b.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(b, 0, out, h.length, b.length);
    return out;
  }

  private static void checkpointContent(ObjectNode t, Random r) {
    ArrayNode pop = (ArrayNode) t.get("population");
    ArrayNode points = (ArrayNode) t.get("points");
    ArrayNode archive = (ArrayNode) t.get("archive");
    int generation = t.get("generation").intValue();
    switch (r.nextInt(16)) {
      case 0 -> pop.removeAll();
      case 1 -> pop.remove(r.nextInt(pop.size()));
      case 2 -> pop.add(pop.get(r.nextInt(pop.size())).deepCopy());
      case 3 -> {
        ArrayNode g = (ArrayNode) pop.get(r.nextInt(pop.size())).get("genome");
        g.set(r.nextInt(g.size()), r.nextBoolean() ? -1 - r.nextInt(5) : 1_000_000 + r.nextInt(1000));
      }
      case 4 -> {
        ArrayNode g = (ArrayNode) pop.get(r.nextInt(pop.size())).get("genome");
        if (r.nextBoolean()) {
          g.add(0);
        } else {
          g.remove(g.size() - 1);
        }
      }
      case 5 -> ((ObjectNode) points.get(r.nextInt(points.size())))
          .put("record", t.get("evaluation_records").longValue() + r.nextInt(100));
      case 6 -> points.add(points.get(r.nextInt(points.size())).deepCopy());
      case 7 -> archive.add(archive.size() == 0 ? points.size() : archive.get(r.nextInt(archive.size())).intValue());
      case 8 -> archive.add(points.size() + r.nextInt(100));
      case 9 -> t.put("generation", r.nextBoolean() ? generation + 1 + r.nextInt(5) : -1 - r.nextInt(5));
      case 10 -> ((ArrayNode) t.get("history")).remove(t.get("history").size() - 1);
      case 11 -> t.put("evaluation_records", t.get("evaluation_records").longValue() + 1 + r.nextInt(1000));
      case 12 -> ((ObjectNode) pop.get(r.nextInt(pop.size()))).put("born", generation + 1 + r.nextInt(5));
      case 13 -> ((ObjectNode) points.get(r.nextInt(points.size()))).put("generation", generation + 1 + r.nextInt(5));
      case 14 -> removeField(t, r);
      default -> wrongType(t, r);
    }
  }

  private static byte[] bytes(byte[] file, Random r) {
    int i = r.nextInt(file.length);
    return switch (r.nextInt(4)) {
      case 0 -> {
        byte[] out = file.clone();
        out[i] ^= (byte) (1 + r.nextInt(255));
        yield out;
      }
      case 1 -> java.util.Arrays.copyOf(file, i);
      case 2 -> {
        byte[] out = new byte[file.length + 1];
        System.arraycopy(file, 0, out, 0, i);
        out[i] = (byte) r.nextInt(256);
        System.arraycopy(file, i, out, i + 1, file.length - i);
        yield out;
      }
      default -> {
        byte[] out = new byte[file.length - 1];
        System.arraycopy(file, 0, out, 0, i);
        System.arraycopy(file, i + 1, out, i, file.length - i - 1);
        yield out;
      }
    };
  }

  private static String truncate(String text, Random r) {
    int end = text.stripTrailing().length();
    return text.substring(0, r.nextInt(end));
  }

  /** A ':' is valid JSON only right after an object key, and there is one already; elsewhere it is an error. */
  private static String colon(String text, Random r) {
    List<Integer> outside = new ArrayList<>();
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else {
        outside.add(i);
      }
    }
    int at = outside.get(r.nextInt(outside.size()));
    return text.substring(0, at) + ":" + text.substring(at);
  }

  private interface Edit {
    void apply(JsonNode root);
  }

  private static String tree(String text, Edit edit) {
    try {
      JsonNode root = JSON.readTree(text);
      edit.apply(root);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode randomPoint(JsonNode root, Random r) {
    ArrayNode ps = (ArrayNode) root.get("points");
    return (ObjectNode) ps.get(r.nextInt(ps.size()));
  }

  /** Objects outside the free-form settings map (where any field is allowed). */
  private static List<ObjectNode> objects(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
    }
    if (node instanceof ContainerNode<?>) {
      Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
      if (node.isObject()) {
        while (fields.hasNext()) {
          var e = fields.next();
          if (!e.getKey().equals("settings")) {
            objects(e.getValue(), out);
          }
        }
      } else {
        node.forEach(n -> objects(n, out));
      }
    }
    return out;
  }

  private static ObjectNode objectWithFields(JsonNode root, Random r) {
    List<ObjectNode> os = objects(root, new ArrayList<>()).stream().filter(o -> o.size() > 0).toList();
    return os.get(r.nextInt(os.size()));
  }

  private static String randomField(ObjectNode o, Random r) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    names.remove("settings");
    return names.isEmpty() ? null : names.get(r.nextInt(names.size()));
  }

  /**
   * Every field of a run file and of a checkpoint is required, except a point's {@code weight_memory} and
   * {@code latency}: files written before the memory and latency objectives lack them and still load, so removing
   * them is not damage (a value of the wrong type is).
   */
  private static void removeField(JsonNode root, Random r) {
    ObjectNode o = objectWithFields(root, r);
    String f = randomField(o, r);
    if ("weight_memory".equals(f) || "latency".equals(f)) {
      o.put(f, "much");
      return;
    }
    o.remove(f == null ? "settings" : f);
  }

  /** Unknown fields are refused. */
  private static void renameField(JsonNode root, Random r) {
    ObjectNode o = objectWithFields(root, r);
    String f = randomField(o, r);
    if (f == null) {
      f = "settings";
    }
    o.set(f + "_x", o.remove(f));
  }

  /** A number, string or boolean where an object is, an object where anything else is. */
  private static void wrongType(JsonNode root, Random r) {
    ObjectNode o = objectWithFields(root, r);
    String f = randomField(o, r);
    if (f == null) {
      o.put("settings", 7);
      return;
    }
    JsonNode v = o.get(f);
    if (v.isObject()) {
      o.put(f, 7);
    } else {
      o.putObject(f);
    }
  }

  private static int indexOf(byte[] b, byte v) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
