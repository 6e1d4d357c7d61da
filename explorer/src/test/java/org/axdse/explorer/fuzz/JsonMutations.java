package org.axdse.explorer.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Mutations of a valid JSON file: missing and extra fields, values of the wrong type, huge, negative, fractional
 * and non-finite numbers, and the byte mutations of {@link ByteMutations}. Which of them any correct reader must
 * refuse follows from JSON itself (malformed text, {@code NaN}, {@code 1e999}), from the format (a required
 * field removed, an unknown field in a strict object: the {@link Schema}) and from what cannot be coerced (a
 * container where a scalar belongs, or the reverse).
 */
final class JsonMutations {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] NUMBERS = {"-1", "0", "1e9", "-2147483649", "2147483648", "9223372036854775808",
      "0.5", "-0.0", "1e308", "123456789012345678901234567890"};
  private static final String[] NON_FINITE = {"NaN", "Infinity", "-Infinity", "1e999", "-1e999"};

  /**
   * What the format requires: {@code required} tells whether the field at a path such as {@code layers[].name}
   * must be present, {@code strict} whether the object at a path refuses unknown fields ({@code ""} is the root),
   * {@code typed} whether the value at a path has one JSON shape (a scalar, or a container) rather than either.
   */
  record Schema(Predicate<String> required, Predicate<String> strict, Predicate<String> typed) {
    Schema(Predicate<String> required, Predicate<String> strict) {
      this(required, strict, p -> true);
    }

    static Schema lenient() {
      return new Schema(p -> false, p -> false);
    }
  }

  private JsonMutations() {}

  static Mutation mutate(byte[] valid, SplittableRandom r, Schema schema) {
    int op = r.nextInt(10);
    if (op >= 8) {
      Mutation m = ByteMutations.once(valid, r, valid.length);
      return new Mutation(m.bytes(), m.description(), m.mustFail() || !isJson(m.bytes()));
    }
    JsonNode root;
    try {
      root = PLAIN.readTree(valid);
    } catch (IOException e) {
      throw new IllegalStateException("the valid file is not JSON", e);
    }
    List<Site> sites = new ArrayList<>();
    collect(root, "", sites);
    Site s = sites.get(r.nextInt(sites.size()));
    return switch (op) {
      case 0, 1 -> remove(root, s, schema);
      case 2 -> addField(root, sites, r, schema);
      case 3, 4 -> retype(root, s, r, schema);
      case 5, 6 -> number(root, s, r, NUMBERS, false, schema);
      default -> number(root, s, r, NON_FINITE, true, schema);
    };
  }

  /** A value inside a container: the container, its field name or index, and a schema path. */
  private record Site(ContainerNode<?> parent, String field, int index, String path, JsonNode value) {}

  private static void collect(JsonNode node, String path, List<Site> out) {
    if (node instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> {
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        out.add(new Site(o, e.getKey(), -1, p, e.getValue()));
        collect(e.getValue(), p, out);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Site(a, null, i, path + "[]", a.get(i)));
        collect(a.get(i), path + "[]", out);
      }
    }
  }

  private static Mutation remove(JsonNode root, Site s, Schema schema) {
    if (s.parent instanceof ObjectNode o) {
      o.remove(s.field);
      return of(root, "removed " + s.path, schema.required().test(s.path));
    }
    ((ArrayNode) s.parent).remove(s.index);
    return of(root, "removed an element of " + s.path, false);
  }

  private static Mutation addField(JsonNode root, List<Site> sites, SplittableRandom r, Schema schema) {
    List<String> paths = new ArrayList<>();
    List<ObjectNode> objects = new ArrayList<>();
    if (root instanceof ObjectNode o) {
      objects.add(o);
      paths.add("");
    }
    for (Site s : sites) {
      if (s.value instanceof ObjectNode o) {
        objects.add(o);
        paths.add(s.path);
      }
    }
    if (objects.isEmpty()) {
      return of(F.arrayNode().add(root).add(1), "wrapped in an array", true);
    }
    int k = r.nextInt(objects.size());
    objects.get(k).put("fuzzExtra" + r.nextInt(100), r.nextInt(1000));
    return of(root, "extra field in " + (paths.get(k).isEmpty() ? "the root" : paths.get(k)),
        schema.strict().test(paths.get(k)));
  }

  private static Mutation retype(JsonNode root, Site s, SplittableRandom r, Schema schema) {
    JsonNode v = s.value;
    JsonNode replacement = switch (r.nextInt(5)) {
      case 0 -> F.textNode("fuzz");
      case 1 -> F.numberNode(r.nextInt(100) - 50);
      case 2 -> F.arrayNode().add("fuzz");
      case 3 -> F.objectNode().put("fuzz", 1);
      default -> F.booleanNode(r.nextBoolean());
    };
    boolean containerChange = schema.typed().test(s.path) && (v.isContainerNode() != replacement.isContainerNode()
        || v.isContainerNode() && v.getNodeType() != replacement.getNodeType());
    set(s, replacement);
    return of(root, s.path + ": " + v.getNodeType() + " -> " + replacement.getNodeType(), containerChange);
  }

  /** A number written as text, so that non-finite and out-of-range literals reach the reader as they are. */
  private static Mutation number(JsonNode root, Site s, SplittableRandom r, String[] pool, boolean mustFail,
      Schema schema) {
    String literal = pool[r.nextInt(pool.length)];
    String marker = "\"@@fuzz-number@@\"";
    set(s, F.textNode("@@fuzz-number@@"));
    String text = root.toPrettyString().replace(marker, literal);
    boolean wasContainer = s.value.isContainerNode() && schema.typed().test(s.path);
    return new Mutation(text.getBytes(StandardCharsets.UTF_8), s.path + " = " + literal,
        mustFail || wasContainer);
  }

  private static void set(Site s, JsonNode value) {
    if (s.parent instanceof ObjectNode o) {
      o.set(s.field, value);
    } else {
      ((ArrayNode) s.parent).set(s.index, value);
    }
  }

  private static Mutation of(JsonNode root, String description, boolean mustFail) {
    return new Mutation(root.toPrettyString().getBytes(StandardCharsets.UTF_8), description, mustFail);
  }

  /** True when {@code bytes} is one strict JSON document (no NaN, nothing after it). */
  static boolean isJson(byte[] bytes) {
    try (var p = PLAIN.getFactory().createParser(bytes)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
