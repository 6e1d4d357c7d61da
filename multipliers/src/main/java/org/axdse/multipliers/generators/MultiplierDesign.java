package org.axdse.multipliers.generators;

import java.util.Set;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;

/**
 * A parameterised multiplier design: a format, generator parameters, and the gate-level netlist they produce.
 * Names follow {@code <u|s>8x<N>_<family><parameters>}, e.g. {@code u8x8_trunc6_cc} or {@code s8x4_bam_h1v3};
 * designs using a tree reduction instead of the array insert its name, e.g. {@code u8x8_dadda_trunc6}. Values
 * are immutable; {@link #netlist()} builds a fresh circuit each call.
 */
public sealed interface MultiplierDesign
    permits ExactDesign, TruncatedDesign, BrokenArrayDesign, PerforatedDesign, ApproxAdderDesign, MitchellDesign,
        DrumDesign, FloatDesign {

  MultiplierFormat format();

  /** The unique name, e.g. {@code u8x8_trunc6}. */
  String name();

  /** One line for listings. */
  String description();

  /** True when the product is 0 whenever either operand is 0 (guaranteed by construction). */
  boolean zeroPreserving();

  /** Builds the gate-level circuit. */
  Netlist netlist();

  /** The circuit and its product table, simulated bit-parallel. */
  default Multiplier build() {
    return Multiplier.ofNetlist(name(), description(), netlist());
  }

  /** The exact reference of {@code format}: the array multiplier, or the exact-word float multiplier. */
  static MultiplierDesign exact(MultiplierFormat format) {
    if (format.isFloat()) {
      return new FloatDesign(format.element(), MantissaMultiplier.exact(), false);
    }
    return new ExactDesign(format, Reduction.ARRAY);
  }

  static MultiplierDesign exact(MultiplierFormat format, Reduction reduction) {
    return new ExactDesign(format, reduction);
  }

  static MultiplierDesign truncated(MultiplierFormat format, int k, Correction correction) {
    return new TruncatedDesign(format, k, correction, Reduction.ARRAY);
  }

  static MultiplierDesign brokenArray(MultiplierFormat format, int h, int v) {
    return new BrokenArrayDesign(format, h, v, Reduction.ARRAY);
  }

  static MultiplierDesign perforated(MultiplierFormat format, Set<Integer> rows) {
    return new PerforatedDesign(format, rows, Reduction.ARRAY);
  }

  static MultiplierDesign approximateAdders(MultiplierFormat format, AdderCell cell, int columns) {
    return new ApproxAdderDesign(format, cell, columns, Reduction.ARRAY);
  }

  static MultiplierDesign mitchell(MultiplierFormat format) {
    return new MitchellDesign(format);
  }

  static MultiplierDesign drum(MultiplierFormat format, int k) {
    return new DrumDesign(format, k);
  }

  /** Name prefix for a partial-product design: format, then the reduction unless it is the array. */
  static String prefix(MultiplierFormat format, Reduction reduction) {
    return format.namePrefix() + "_" + (reduction == Reduction.ARRAY ? "" : reduction.label() + "_");
  }
}
