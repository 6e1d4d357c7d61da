package org.axdse.multipliers.io;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.netlist.CellType;

/**
 * The standard cells the Verilog importer knows when a file instantiates them without defining them, and the
 * names the exporter writes. Port names, with accepted aliases after the first:
 * {@code AND2 OR2 XOR2 XNOR2 NAND2 NOR2 (.A|A1, .B|A2, .Y|Z|ZN)}, {@code INV BUF (.A|I, .Y|Z|ZN)},
 * {@code MUX2 (.S, .A|D0|I0, .B|D1|I1, .Y|Z)} with {@code Y = S ? B : A}, {@code HA (.A, .B, .S|YS|SUM,
 * .CO|YC|COUT)}, {@code FA (.A, .B, .CI|C|CIN, .S|YS|SUM, .CO|YC|COUT)}. A drive-strength suffix such as
 * {@code X1} is ignored ({@code AND2X1}, {@code HAX1}). Positional connections follow the order above (inputs,
 * then outputs). The Verilog gate primitives {@code and or xor xnor nand nor} (two inputs) and {@code not buf}
 * take positional connections, output first.
 */
final class StandardCells {
  private StandardCells() {}

  /** A cell: its type, the aliases of each input and output port, and whether positional order is output-first. */
  record Spec(String name, CellType type, List<List<String>> inputs, List<List<String>> outputs,
      boolean outputFirst) {
    /** Ports in positional order. */
    List<List<String>> positional() {
      List<List<String>> io = new java.util.ArrayList<>(outputFirst ? outputs : inputs);
      io.addAll(outputFirst ? inputs : outputs);
      return io;
    }
  }

  private static final List<String> A2 = List.of("A", "A1");
  private static final List<String> B2 = List.of("B", "A2");
  private static final List<String> Y = List.of("Y", "Z", "ZN");
  private static final List<String> SUM = List.of("S", "YS", "SUM");
  private static final List<String> CARRY = List.of("CO", "YC", "COUT");
  private static final Pattern NAME = Pattern.compile("(AND2|OR2|XOR2|XNOR2|NAND2|NOR2|INV|BUF|MUX2|HA|FA)(X\\d+)?");

  /** The cell named {@code type}, or null when it is not a known standard cell or primitive. */
  static Spec lookup(String type) {
    Spec prim = primitive(type);
    if (prim != null) {
      return prim;
    }
    Matcher m = NAME.matcher(type.toUpperCase(Locale.ROOT));
    if (!m.matches() || !type.equals(type.toUpperCase(Locale.ROOT))) {
      return null;
    }
    String base = m.group(1);
    return switch (base) {
      case "INV" -> new Spec(base, CellType.NOT, List.of(List.of("A", "I")), List.of(Y), false);
      case "BUF" -> new Spec(base, CellType.BUF, List.of(List.of("A", "I")), List.of(Y), false);
      case "MUX2" -> new Spec(base, CellType.MUX2, List.of(List.of("S"), List.of("A", "D0", "I0"),
          List.of("B", "D1", "I1")), List.of(List.of("Y", "Z")), false);
      case "HA" -> new Spec(base, CellType.HA, List.of(List.of("A"), List.of("B")), List.of(SUM, CARRY), false);
      case "FA" -> new Spec(base, CellType.FA, List.of(List.of("A"), List.of("B"), List.of("CI", "C", "CIN")),
          List.of(SUM, CARRY), false);
      default -> new Spec(base, gateType(base), List.of(A2, B2), List.of(Y), false);
    };
  }

  private static Spec primitive(String type) {
    CellType t = switch (type) {
      case "and" -> CellType.AND;
      case "or" -> CellType.OR;
      case "xor" -> CellType.XOR;
      case "xnor" -> CellType.XNOR;
      case "nand" -> CellType.NAND;
      case "nor" -> CellType.NOR;
      case "not" -> CellType.NOT;
      case "buf" -> CellType.BUF;
      default -> null;
    };
    if (t == null) {
      return null;
    }
    List<List<String>> ins = t.inputCount() == 1 ? List.of(List.of("in1")) : List.of(List.of("in1"),
        List.of("in2"));
    return new Spec(type, t, ins, List.of(List.of("out")), true);
  }

  private static CellType gateType(String base) {
    return switch (base) {
      case "AND2" -> CellType.AND;
      case "OR2" -> CellType.OR;
      case "XOR2" -> CellType.XOR;
      case "XNOR2" -> CellType.XNOR;
      case "NAND2" -> CellType.NAND;
      default -> CellType.NOR;
    };
  }

  /** The cell name the exporter writes for {@code type}, or null for constants (written as assigns). */
  static String exportName(CellType type) {
    return switch (type) {
      case CONST0, CONST1 -> null;
      case BUF -> "BUF";
      case NOT -> "INV";
      case AND -> "AND2";
      case OR -> "OR2";
      case XOR -> "XOR2";
      case NAND -> "NAND2";
      case NOR -> "NOR2";
      case XNOR -> "XNOR2";
      case MUX2 -> "MUX2";
      case HA -> "HA";
      case FA -> "FA";
    };
  }

  /** Exported port names of {@code type}: inputs then outputs, the first alias of each. */
  static List<String> exportPorts(CellType type) {
    return lookup(exportName(type)).positional().stream().map(l -> l.get(0)).toList();
  }
}
