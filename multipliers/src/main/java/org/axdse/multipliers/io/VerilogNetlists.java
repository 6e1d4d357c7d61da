package org.axdse.multipliers.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.PublishedFigures;
import org.axdse.multipliers.io.VerilogElaborator.Top;
import org.axdse.multipliers.netlist.Cell;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;

/**
 * Reads and writes multipliers as structural Verilog. The reader accepts the subset published libraries of
 * approximate circuits use (EvoApprox8b, Mrazek et al. 2017): non-ANSI or ANSI module headers, {@code wire}
 * scalars and buses, {@code assign} with {@code ~ & | ^ ~^ ! ?:}, reductions, a vector {@code +}, constants,
 * bit- and part-selects, concatenation and replication, instances of modules in the same file (flattened, named
 * or positional connections, expressions allowed on inputs) and of the {@link StandardCells} otherwise. The top
 * module's first input is the 8-bit activation, its second the 2..8-bit weight, and its one output the product.
 * The writer emits one module of standard-cell instances that the reader maps back to the same cells.
 */
final class VerilogNetlists {
  private static final Pattern FIGURE = Pattern.compile(
      "\\s*PDK45_(PWR|AREA|DELAY)\\s*=\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?\\d+)?)\\s*(\\S*).*");
  private static final Pattern SIGNED_NAME = Pattern.compile("mul\\d+s_.*");
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private VerilogNetlists() {}

  /** A netlist read from Verilog, with the figures its header comments publish (or null). */
  record Imported(Netlist netlist, String moduleName, PublishedFigures published) {}

  static Imported read(Path source, byte[] bytes, String name, FormatHint hint) {
    VerilogLexer lexer = VerilogLexer.lex(source, new String(bytes, StandardCharsets.UTF_8));
    VerilogElaborator elab = new VerilogElaborator(source, VerilogParser.parse(source, lexer.tokens()));
    Top top = elab.elaborate();
    if (top.activation().signed() != top.weight().signed()) {
      throw BadInputException.at(source, top.weight().line(), "inputs '" + top.activation().name() + "' and '"
          + top.weight().name() + "' must both be signed or both unsigned");
    }
    Signedness declared = top.activation().signed() ? Signedness.SIGNED
        : SIGNED_NAME.matcher(top.module().name()).matches() ? Signedness.SIGNED : null;
    MultiplierFormat floatFormat = FloatFormatComment.declared(source, lexer.lineComments(),
        top.activation().width(), top.weight().width(), top.outputBits().length);
    MultiplierFormat format = floatFormat != null ? floatFormat
        : hint.resolve(source, top.weight().width(), declared);
    Netlist netlist = elab.graph().build(name, format, top.outputBits(), top.output().line());
    return new Imported(netlist, top.module().name(), figures(lexer.lineComments()));
  }

  /** PDK45 power, area and delay from EvoApprox-style {@code // PDK45_PWR = 0.425 mW} comments. */
  private static PublishedFigures figures(List<String> comments) {
    double[] v = {Double.NaN, Double.NaN, Double.NaN};
    String[] unit = {"", "", ""};
    boolean any = false;
    for (String c : comments) {
      Matcher m = FIGURE.matcher(c);
      if (m.matches()) {
        int k = switch (m.group(1)) {
          case "PWR" -> 0;
          case "AREA" -> 1;
          default -> 2;
        };
        v[k] = Double.parseDouble(m.group(2));
        unit[k] = m.group(3);
        any = true;
      }
    }
    return any ? new PublishedFigures(v[0], unit[0], v[1], unit[1], v[2], unit[2], "PDK45") : null;
  }

  /** One module {@code moduleName(A, B, O)} with a standard-cell instance per cell. */
  static byte[] write(Netlist n, String moduleName, String description) {
    MultiplierFormat f = n.format();
    String[] names = new String[n.netCount()];
    for (int i = 0; i < f.activationBits(); i++) {
      names[n.aNet(i)] = "A[" + i + "]";
    }
    for (int i = 0; i < f.weightBits(); i++) {
      names[n.wNet(i)] = "B[" + i + "]";
    }
    List<String> wires = new ArrayList<>();
    for (Cell c : n.cells()) {
      for (int i = 0; i < c.outputCount(); i++) {
        names[c.output(i)] = "n" + c.output(i);
        wires.add(names[c.output(i)]);
      }
    }
    String signed = f.signed() ? "signed " : "";
    StringBuilder sb = new StringBuilder();
    sb.append("// ").append(n.name()).append(description.isEmpty() ? "" : ": " + description.replaceAll("\\s+", " "))
        .append('\n');
    sb.append("// ").append(f).append(", ").append(n.cells().size())
        .append(" cells; written by axdse (cells AND2 OR2 XOR2 XNOR2 NAND2 NOR2 INV BUF MUX2 HA FA)\n");
    sb.append(FloatFormatComment.line(f));
    sb.append("module ").append(identifier(moduleName)).append(" (A, B, O);\n");
    sb.append("  input ").append(signed).append("[").append(f.activationBits() - 1).append(":0] A;\n");
    sb.append("  input ").append(signed).append("[").append(f.weightBits() - 1).append(":0] B;\n");
    sb.append("  output ").append(signed).append("[").append(n.productBits() - 1).append(":0] O;\n");
    for (int i = 0; i < wires.size(); i += 16) {
      sb.append("  wire ").append(String.join(", ", wires.subList(i, Math.min(wires.size(), i + 16))))
          .append(";\n");
    }
    int k = 0;
    for (Cell c : n.cells()) {
      String cell = StandardCells.exportName(c.type());
      if (cell == null) {
        sb.append("  assign ").append(names[c.output(0)]).append(" = 1'b")
            .append(c.type() == org.axdse.multipliers.netlist.CellType.CONST1 ? '1' : '0').append(";\n");
        continue;
      }
      List<String> ports = StandardCells.exportPorts(c.type());
      sb.append("  ").append(cell).append(" g").append(k++).append(" (");
      for (int i = 0; i < ports.size(); i++) {
        int net = i < c.inputCount() ? c.input(i) : c.output(i - c.inputCount());
        sb.append(i == 0 ? "" : ", ").append('.').append(ports.get(i)).append('(').append(names[net]).append(')');
      }
      sb.append(");\n");
    }
    for (int i = 0; i < n.productBits(); i++) {
      sb.append("  assign O[").append(i).append("] = ").append(names[n.productNet(i)]).append(";\n");
    }
    sb.append("endmodule\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code name} as a Verilog identifier, escaped ({@code \name }) when it has characters such as {@code .+-}. */
  static String identifier(String name) {
    return PLAIN_ID.matcher(name).matches() ? name : "\\" + name + " ";
  }
}
