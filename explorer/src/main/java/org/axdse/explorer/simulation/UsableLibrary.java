package org.axdse.explorer.simulation;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.cost.CostFigures;
import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.cost.MultiplierCosts;
import org.axdse.multipliers.cost.RelativeCost;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.library.BlockScaledDesigns;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.quant.QuantMode;

/**
 * The multipliers a search may use for one model: the catalog's designs of the model's format ({@code s8xN} for
 * symmetric, {@code u8xN} for asymmetric quantization, N the weight bits), the exact reference first. Left out:
 * other designs whose table is exact (Wallace, Dadda: the same products, so the same accuracy, and the energy
 * model counts any exact table as 1.0) and approximate designs without a circuit (table-only imports: no power
 * figure), and approximate designs that cost at least as much power as the exact reference (DRUM, Mitchell in
 * the built-in library: worse in accuracy and in energy, they can never be on a front). Costs are relative to the exact reference circuit under uniform operands (the report's library
 * figures); the evaluator's energies use each layer's own operand distribution instead.
 */
record UsableLibrary(String exactName, List<MultiplierInfo> multipliers) {
  UsableLibrary {
    multipliers = List.copyOf(multipliers);
  }

  static UsableLibrary of(MultiplierCatalog catalog, MultiplierFormat format) {
    String exact = MultiplierDesign.exact(format).name();
    Netlist reference = MultiplierCatalog.exactReference(format);
    MultiplierCosts costs = MultiplierCosts.defaults();
    List<MultiplierInfo> out = new ArrayList<>();
    out.add(new MultiplierInfo(exact, 1.0, 1.0));
    for (Multiplier m : catalog.all(format)) {
      if (m.name().equals(exact) || m.table().isExact()) {
        continue;
      }
      RelativeCost c = costs.relativeCost(m, reference).orElse(null);
      if (c != null && c.power() < 1.0) {
        out.add(new MultiplierInfo(m.name(), c.power(), c.area()));
      }
    }
    return new UsableLibrary(exact, out);
  }

  /**
   * The designs of every width of {@code widths} (mixed precision): the exact design of every width first,
   * widest first (always candidates; so the search's seeds, the uniform assignments in library order, include
   * every width at exact products), then, per width from the widest, the approximate designs with a circuit that
   * cost less power than that width's exact design. Costs are relative to the exact 8x8 reference under uniform
   * operands, so narrower exact designs show their saving.
   */
  static UsableLibrary ofWidths(MultiplierCatalog catalog, QuantMode mode, WidthSet widths) {
    if (widths.single()) {
      return of(catalog, mode.format(widths.max()));
    }
    MultiplierCosts costs = MultiplierCosts.defaults();
    CostFigures reference = costs.figures(MultiplierCatalog.exactReference(mode.format(8)));
    String exact = MultiplierDesign.exact(mode.format(widths.max())).name();
    List<MultiplierInfo> out = new ArrayList<>();
    List<MultiplierInfo> approximate = new ArrayList<>();
    for (int n : widths.widths().reversed()) {
      MultiplierFormat format = mode.format(n);
      RelativeCost exactCost = costs.figures(MultiplierCatalog.exactReference(format)).relativeTo(reference);
      MultiplierInfo e = new MultiplierInfo(MultiplierDesign.exact(format).name(),
          n == 8 ? 1.0 : exactCost.power(), n == 8 ? 1.0 : exactCost.area());
      out.add(e);
      for (Multiplier m : catalog.all(format)) {
        if (m.name().equals(e.name()) || m.table().isExact()) {
          continue;
        }
        RelativeCost c = costs.figures(m).map(f -> f.relativeTo(reference)).orElse(null);
        if (c != null && c.power() < e.relativePower()) {
          approximate.add(new MultiplierInfo(m.name(), c.power(), c.area()));
        }
      }
    }
    out.addAll(approximate);
    return new UsableLibrary(exact, out);
  }

  /**
   * This library with the float designs of {@code formats} (canonical minifloat names, or {@code <minifloat>_mx32}
   * for the same designs with OCP MX block scales, named {@code <design>_mx32}): those with a circuit whose
   * power under uniform codes of their format is below the exact signed 8x8 multiplier's under uniform codes (so
   * the rounding {@code _rne} designs, which cost more, are left out), with figures relative to that multiplier, as
   * the evaluator's energies of float layers are. After the exact design, the designs are interleaved round-robin
   * over the integer list and each format's list (catalog order within each), so the search's uniform seeds, taken
   * in library order, cover every format instead of only the first.
   */
  UsableLibrary withFloatFormats(MultiplierCatalog catalog, List<String> formats) {
    if (formats.isEmpty()) {
      return this;
    }
    MultiplierCosts costs = MultiplierCosts.defaults();
    Netlist reference = MultiplierCatalog.exactReference(MultiplierFormat.signed8x8());
    List<List<MultiplierInfo>> groups = new ArrayList<>();
    groups.add(multipliers.subList(1, multipliers.size()));
    for (String name : formats) {
      List<MultiplierInfo> group = new ArrayList<>();
      Minifloat mx = BlockScaledDesigns.element(name).orElse(null);
      for (Multiplier m : catalog.all(MultiplierFormat.of(mx != null ? mx : Minifloat.parse(name)))) {
        RelativeCost c = costs.relativeCostAcrossFormats(m, reference).orElse(null);
        if (c != null && c.power() < 1.0) {
          group.add(new MultiplierInfo(mx != null ? BlockScaledDesigns.nameOf(m.name()) : m.name(), c.power(),
              c.area()));
        }
      }
      groups.add(group);
    }
    List<MultiplierInfo> out = new ArrayList<>(List.of(multipliers.get(0)));
    for (int i = 0; out.size() < 1 + groups.stream().mapToInt(List::size).sum(); i++) {
      for (List<MultiplierInfo> g : groups) {
        if (i < g.size()) {
          out.add(g.get(i));
        }
      }
    }
    return new UsableLibrary(exactName, out);
  }

  /** True when {@code name} is a float design of {@code catalog}. */
  static boolean isFloat(MultiplierCatalog catalog, String name) {
    return catalog.byName(name).format().isFloat();
  }

  List<String> names() {
    return multipliers.stream().map(MultiplierInfo::name).toList();
  }
}
