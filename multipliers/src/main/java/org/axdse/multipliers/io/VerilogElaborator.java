package org.axdse.multipliers.io;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axdse.multipliers.io.VerilogSyntax.Assign;
import org.axdse.multipliers.io.VerilogSyntax.Concat;
import org.axdse.multipliers.io.VerilogSyntax.Connection;
import org.axdse.multipliers.io.VerilogSyntax.Const;
import org.axdse.multipliers.io.VerilogSyntax.Decl;
import org.axdse.multipliers.io.VerilogSyntax.Dir;
import org.axdse.multipliers.io.VerilogSyntax.Expr;
import org.axdse.multipliers.io.VerilogSyntax.Ident;
import org.axdse.multipliers.io.VerilogSyntax.Instance;
import org.axdse.multipliers.io.VerilogSyntax.Item;
import org.axdse.multipliers.io.VerilogSyntax.Module;
import org.axdse.multipliers.io.VerilogSyntax.Select;
import org.axdse.multipliers.util.BadInputException;

/**
 * Flattens the top module of a parsed file into a {@link NetGraph}: declares every net of every module instance,
 * connects instance ports, turns assigns into cells ({@link ExpressionCells}) and aliases, and maps undefined
 * standard cells to netlist cells. The top module is the last module no other module instantiates.
 */
final class VerilogElaborator {
  private static final int MAX_DEPTH = 64;

  /** A declared net in one module instance: its declaration and its bits, LSB first. */
  record Sig(Decl decl, int[] bits) {}

  /** The flattened top: its module, operand bits and output bits. */
  record Top(Module module, Decl activation, Decl weight, Decl output, int[] outputBits) {}

  private final Path source;
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private final NetGraph graph;
  private final ExpressionCells cells;
  private final Deque<String> stack = new ArrayDeque<>();

  VerilogElaborator(Path source, List<Module> parsed) {
    this.source = source;
    this.graph = new NetGraph(source);
    this.cells = new ExpressionCells(source, graph);
    for (Module m : parsed) {
      Module old = modules.put(m.name(), m);
      if (old != null) {
        throw BadInputException.at(source, m.line(), "module '" + m.name() + "' is defined twice (first at line "
            + old.line() + ")");
      }
    }
  }

  NetGraph graph() {
    return graph;
  }

  /** The top module: the last one that no other module instantiates (or the last one). */
  Module top() {
    Set<String> used = new HashSet<>();
    for (Module m : modules.values()) {
      for (Item it : m.items()) {
        if (it instanceof Instance inst && !inst.type().equals(m.name())) {
          used.add(inst.type());
        }
      }
    }
    Module top = null;
    for (Module m : modules.values()) {
      if (!used.contains(m.name())) {
        top = m;
      }
    }
    return top != null ? top : List.copyOf(modules.values()).get(modules.size() - 1);
  }

  /** Elaborates the top module with its first input as activation and second as weight. */
  Top elaborate() {
    Module top = top();
    List<Decl> inputs = top.ports().stream().map(p -> top.decls().get(p)).filter(d -> d.dir() == Dir.INPUT)
        .toList();
    List<Decl> outputs = top.ports().stream().map(p -> top.decls().get(p)).filter(d -> d.dir() == Dir.OUTPUT)
        .toList();
    if (inputs.size() != 2 || outputs.size() != 1) {
      throw BadInputException.at(source, top.line(), "top module '" + top.name() + "' must have two inputs"
          + " (activation, weight) and one output, got " + inputs.size() + " and " + outputs.size());
    }
    Decl a = inputs.get(0);
    Decl w = inputs.get(1);
    Decl o = outputs.get(0);
    if (a.width() != 8) {
      throw BadInputException.at(source, a.line(), "activation input '" + a.name() + "' must be 8 bits, got "
          + a.width());
    }
    if (w.width() < 2 || w.width() > 8) {
      throw BadInputException.at(source, w.line(), "weight input '" + w.name() + "' must be 2 to 8 bits, got "
          + w.width());
    }
    if (o.width() > 32) {
      throw BadInputException.at(source, o.line(), "output '" + o.name() + "' must be 1 to 32 bits, got "
          + o.width());
    }
    stack.push(top.name());
    Map<String, Sig> scope = declare(top, "");
    for (int i = 0; i < 8; i++) {
      graph.driveByOperand(scope.get(a.name()).bits()[i], true, i, a.line());
    }
    for (int i = 0; i < w.width(); i++) {
      graph.driveByOperand(scope.get(w.name()).bits()[i], false, i, w.line());
    }
    items(top, scope, "");
    return new Top(top, a, w, o, scope.get(o.name()).bits());
  }

  private Map<String, Sig> declare(Module m, String prefix) {
    Map<String, Sig> scope = new HashMap<>();
    for (Decl d : m.decls().values()) {
      int[] bits = new int[d.width()];
      for (int p = 0; p < bits.length; p++) {
        int index = d.msb() >= d.lsb() ? d.lsb() + p : d.lsb() - p;
        String name = prefix + d.name() + (d.width() == 1 && d.msb() == 0 ? "" : "[" + index + "]");
        bits[p] = graph.newBit(name, d.line());
      }
      scope.put(d.name(), new Sig(d, bits));
    }
    return scope;
  }

  private void items(Module m, Map<String, Sig> scope, String prefix) {
    for (Item it : m.items()) {
      if (it instanceof Assign as) {
        int[] target = lvalue(as.target(), scope);
        int[] value = cells.eval(as.value(), scope);
        for (int i = 0; i < target.length; i++) {
          graph.alias(target[i], i < value.length ? value[i] : NetGraph.CONST0, as.line());
        }
      } else if (it instanceof Instance inst) {
        Module child = modules.get(inst.type());
        if (child != null) {
          instantiate(child, inst, scope, prefix);
        } else {
          standardCell(inst, scope);
        }
      }
    }
  }

  private void instantiate(Module child, Instance inst, Map<String, Sig> scope, String prefix) {
    if (stack.contains(child.name())) {
      throw BadInputException.at(source, inst.line(), "module '" + child.name() + "' instantiates itself");
    }
    if (stack.size() >= MAX_DEPTH) {
      throw BadInputException.at(source, inst.line(), "module hierarchy deeper than " + MAX_DEPTH);
    }
    String childPrefix = prefix + (inst.name().isEmpty() ? child.name() : inst.name()) + ".";
    Map<String, Sig> inner = declare(child, childPrefix);
    Map<String, Expr> conns = new LinkedHashMap<>();
    List<Connection> list = inst.connections();
    for (int i = 0; i < list.size(); i++) {
      Connection c = list.get(i);
      String port = c.port();
      if (port == null) {
        if (i >= child.ports().size()) {
          throw BadInputException.at(source, inst.line(), "module '" + child.name() + "' has only "
              + child.ports().size() + " ports, got " + list.size() + " connections");
        }
        port = child.ports().get(i);
      } else if (!child.ports().contains(port)) {
        throw BadInputException.at(source, inst.line(), "module '" + child.name() + "' has no port '" + port + "'");
      }
      if (conns.containsKey(port)) {
        throw BadInputException.at(source, inst.line(), "port '" + port + "' is connected twice");
      }
      conns.put(port, c.expr());
    }
    for (Map.Entry<String, Expr> e : conns.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      Sig port = inner.get(e.getKey());
      if (port.decl().dir() == Dir.INPUT) {
        int[] value = cells.eval(e.getValue(), scope);
        for (int i = 0; i < port.bits().length; i++) {
          graph.alias(port.bits()[i], i < value.length ? value[i] : NetGraph.CONST0, inst.line());
        }
      } else {
        int[] target = lvalue(e.getValue(), scope);
        for (int i = 0; i < Math.min(target.length, port.bits().length); i++) {
          graph.alias(target[i], port.bits()[i], inst.line());
        }
      }
    }
    stack.push(child.name());
    items(child, inner, childPrefix);
    stack.pop();
  }

  private void standardCell(Instance inst, Map<String, Sig> scope) {
    StandardCells.Spec spec = StandardCells.lookup(inst.type());
    if (spec == null) {
      throw BadInputException.at(source, inst.line(), "unknown module '" + inst.type() + "'");
    }
    List<List<String>> positional = spec.positional();
    Expr[] byPort = new Expr[positional.size()];
    List<Connection> list = inst.connections();
    if (list.size() > positional.size()) {
      throw BadInputException.at(source, inst.line(), spec.name() + " has " + positional.size() + " ports, got "
          + list.size() + " connections");
    }
    for (int i = 0; i < list.size(); i++) {
      Connection c = list.get(i);
      int k = i;
      if (c.port() != null) {
        k = -1;
        for (int j = 0; j < positional.size(); j++) {
          if (positional.get(j).contains(c.port())) {
            k = j;
          }
        }
        if (k < 0) {
          throw BadInputException.at(source, inst.line(), spec.name() + " has no port '" + c.port() + "'; ports are "
              + positional.stream().map(l -> l.get(0)).toList());
        }
      }
      if (byPort[k] != null) {
        throw BadInputException.at(source, inst.line(), "port '" + positional.get(k).get(0) + "' of " + spec.name()
            + " is connected twice");
      }
      byPort[k] = c.expr();
    }
    int nOut = spec.outputs().size();
    int firstIn = spec.outputFirst() ? nOut : 0;
    int firstOut = spec.outputFirst() ? 0 : spec.inputs().size();
    int[] ins = new int[spec.inputs().size()];
    for (int i = 0; i < ins.length; i++) {
      Expr e = byPort[firstIn + i];
      if (e == null) {
        throw BadInputException.at(source, inst.line(), "input '" + spec.inputs().get(i).get(0) + "' of "
            + spec.name() + " is not connected");
      }
      int[] v = cells.eval(e, scope);
      if (v.length != 1 && !(e instanceof Const)) {
        throw BadInputException.at(source, inst.line(), "input '" + spec.inputs().get(i).get(0) + "' of "
            + spec.name() + " takes 1 bit, got " + v.length);
      }
      ins[i] = v[0];
    }
    int[] outs = graph.cell(spec.type(), ins, inst.line());
    for (int i = 0; i < nOut; i++) {
      Expr e = byPort[firstOut + i];
      if (e != null) {
        int[] target = lvalue(e, scope);
        if (target.length != 1) {
          throw BadInputException.at(source, inst.line(), "output '" + spec.outputs().get(i).get(0) + "' of "
              + spec.name() + " drives 1 bit, got " + target.length);
        }
        graph.alias(target[0], outs[i], inst.line());
      }
    }
  }

  /** The bits an assignment target names, LSB first. */
  private int[] lvalue(Expr e, Map<String, Sig> scope) {
    if (e instanceof Ident || e instanceof Select) {
      return cells.eval(e, scope);
    }
    if (e instanceof Concat c) {
      int total = 0;
      int[][] parts = new int[c.parts().size()][];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = lvalue(c.parts().get(i), scope);
        total += parts[i].length;
      }
      int[] bits = new int[total];
      int at = 0;
      for (int i = parts.length - 1; i >= 0; i--) {
        System.arraycopy(parts[i], 0, bits, at, parts[i].length);
        at += parts[i].length;
      }
      return bits;
    }
    throw BadInputException.at(source, e.line(), "cannot assign to an expression (only nets, bit-selects,"
        + " part-selects and their concatenation)");
  }
}
