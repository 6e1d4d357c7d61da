package org.axdse.multipliers.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.IoProblems;

/**
 * The technology figures the cost model charges per cell: one {@link CellFigures} for every {@link CellType},
 * plus leakage per unit area. The default, {@link #nangate45()}, is read from the bundled
 * {@code nangate45-cells.json}; users supply their own with {@link #load(Path)} in the same JSON layout
 * (see {@code multipliers/COST_MODEL.md}). Immutable.
 *
 * @param name short name shown in reports
 * @param source where the figures come from
 * @param leakagePerArea leakage power per NAND2 equivalent, in the units of dynamic power (per operation)
 * @param cells figures for every cell type
 */
public record CellTable(String name, String source, double leakagePerArea, Map<CellType, CellFigures> cells) {
  private static final String DEFAULT_RESOURCE = "nangate45-cells.json";
  private static final Set<String> TOP_FIELDS = Set.of("name", "source", "leakagePerArea", "cells");
  private static final Set<String> CELL_FIELDS = Set.of("area", "delay", "carryDelay", "switching");
  private static final ObjectMapper JSON = new ObjectMapper();

  public CellTable {
    Objects.requireNonNull(name, "name");
    source = source == null ? "" : source;
    if (!Double.isFinite(leakagePerArea) || leakagePerArea < 0) {
      throw new IllegalArgumentException("leakagePerArea must be finite and >= 0, got " + leakagePerArea);
    }
    EnumMap<CellType, CellFigures> copy = new EnumMap<>(CellType.class);
    copy.putAll(cells);
    for (CellType t : CellType.values()) {
      if (copy.get(t) == null) {
        throw new IllegalArgumentException("cell table '" + name + "' has no figures for cell type " + t);
      }
    }
    cells = Collections.unmodifiableMap(copy);
  }

  /** The default table: Nangate 45nm relative areas, unit-gate delays (see the bundled JSON for sources). */
  public static CellTable nangate45() {
    return Holder.NANGATE45;
  }

  /** Reads a cell table from a JSON file; any problem is a one-line {@link BadInputException}. */
  public static CellTable load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw IoProblems.badInput(file, e);
    }
  }

  /** Parses a cell table from JSON text; {@code origin} names the source in error messages. */
  public static CellTable parse(String json, String origin) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new BadInputException(origin + (line > 0 ? ":" + line : "") + ": malformed JSON: "
          + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(origin + ": a cell table must be a JSON object");
    }
    rejectUnknown(root, TOP_FIELDS, "", origin);
    JsonNode cellsNode = root.get("cells");
    if (cellsNode == null || !cellsNode.isObject()) {
      throw new BadInputException(origin + ": 'cells' must be an object with one entry per cell type");
    }
    Map<CellType, CellFigures> cells = new EnumMap<>(CellType.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = cellsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      CellType type;
      try {
        type = CellType.valueOf(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw new BadInputException(origin + ": unknown cell type '" + e.getKey() + "' in 'cells' (known: "
            + java.util.Arrays.toString(CellType.values()) + ")");
      }
      cells.put(type, cellFigures(e.getValue(), "cells." + e.getKey(), origin));
    }
    for (CellType t : CellType.values()) {
      if (!cells.containsKey(t)) {
        throw new BadInputException(origin + ": 'cells' has no entry for cell type " + t);
      }
    }
    String name = text(root, "name", origin, true);
    String source = text(root, "source", origin, false);
    return new CellTable(name, source, number(root, "leakagePerArea", "", origin), cells);
  }

  private static CellFigures cellFigures(JsonNode node, String path, String origin) {
    if (!node.isObject()) {
      throw new BadInputException(origin + ": '" + path + "' must be an object");
    }
    rejectUnknown(node, CELL_FIELDS, path + ".", origin);
    double delay = number(node, "delay", path + ".", origin);
    double carry = node.has("carryDelay") ? number(node, "carryDelay", path + ".", origin) : delay;
    return new CellFigures(number(node, "area", path + ".", origin), delay, carry,
        number(node, "switching", path + ".", origin));
  }

  private static void rejectUnknown(JsonNode node, Set<String> known, String prefix, String origin) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new BadInputException(origin + ": unknown field '" + prefix + f + "' (expected one of "
            + new java.util.TreeSet<>(known) + ")");
      }
    }
  }

  private static double number(JsonNode node, String field, String prefix, String origin) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new BadInputException(origin + ": '" + prefix + field + "' must be a number");
    }
    double d = v.asDouble();
    if (!Double.isFinite(d) || d < 0) {
      throw new BadInputException(origin + ": '" + prefix + field + "' must be finite and >= 0, got " + d);
    }
    return d;
  }

  private static String text(JsonNode node, String field, String origin, boolean required) {
    JsonNode v = node.get(field);
    if (v == null && !required) {
      return "";
    }
    if (v == null || !v.isTextual() || (required && v.asText().isBlank())) {
      throw new BadInputException(origin + ": '" + field + "' must be a non-empty string");
    }
    return v.asText();
  }

  /** The figures of {@code type}. */
  public CellFigures figures(CellType type) {
    return cells.get(type);
  }

  /** This table as JSON in the layout {@link #parse} reads. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", name);
    root.put("source", source);
    root.put("leakagePerArea", leakagePerArea);
    ObjectNode cellsNode = root.putObject("cells");
    cells.forEach((type, f) -> {
      ObjectNode c = cellsNode.putObject(type.name());
      c.put("area", f.area());
      c.put("delay", f.delay());
      if (type.outputCount() > 1) {
        c.put("carryDelay", f.carryDelay());
      }
      c.put("switching", f.switching());
    });
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write cell table JSON", e);
    }
  }

  private static final class Holder {
    static final CellTable NANGATE45 = loadResource();

    private static CellTable loadResource() {
      try (InputStream in = CellTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("bundled resource " + DEFAULT_RESOURCE + " is missing");
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
