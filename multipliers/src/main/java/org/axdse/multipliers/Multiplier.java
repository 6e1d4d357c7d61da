package org.axdse.multipliers;

import java.util.Objects;
import java.util.Optional;
import org.axdse.multipliers.netlist.BitParallelSimulator;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;

/**
 * A named multiplier: its product table, and its gate-level netlist where one is known (generated, or imported
 * from Verilog). A multiplier without a netlist (imported from a table) has error metrics but no cost model.
 * Immutable.
 *
 * @param name unique name that explains the design, e.g. {@code u8x8_trunc6}
 * @param description one line for listings
 * @param table products over all operand pairs
 * @param netlist the circuit, or null for a table-only multiplier
 * @param published figures published with an imported design (power, area, delay), or null
 */
public record Multiplier(String name, String description, ProductTable table, Netlist netlist,
    PublishedFigures published) {

  public Multiplier {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    if (!name.matches("[A-Za-z0-9_.+-]+")) {
      throw new IllegalArgumentException("multiplier name '" + name + "' may use only letters, digits and _.+-");
    }
    description = description == null ? "" : description;
    if (netlist != null && !netlist.format().equals(table.format())) {
      throw new IllegalArgumentException("netlist format " + netlist.format() + " differs from table format "
          + table.format());
    }
  }

  /** A multiplier built from a netlist; its table is simulated from the netlist. */
  public static Multiplier ofNetlist(String name, String description, Netlist netlist) {
    return new Multiplier(name, description, new BitParallelSimulator(netlist).productTable(), netlist, null);
  }

  /** A table-only multiplier (no cost model). */
  public static Multiplier ofTable(String name, String description, ProductTable table) {
    return new Multiplier(name, description, table, null, null);
  }

  public MultiplierFormat format() {
    return table.format();
  }

  public Optional<Netlist> circuit() {
    return Optional.ofNullable(netlist);
  }

  public Optional<PublishedFigures> publishedFigures() {
    return Optional.ofNullable(published);
  }

  public Multiplier withPublished(PublishedFigures figures) {
    return new Multiplier(name, description, table, netlist, figures);
  }
}
