package org.axdse.multipliers.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axdse.multipliers.generators.AdderCell;
import org.axdse.multipliers.generators.ApproxAdderDesign;
import org.axdse.multipliers.generators.BrokenArrayDesign;
import org.axdse.multipliers.generators.Correction;
import org.axdse.multipliers.generators.DrumDesign;
import org.axdse.multipliers.generators.ExactDesign;
import org.axdse.multipliers.generators.MitchellDesign;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.generators.PerforatedDesign;
import org.axdse.multipliers.generators.Reduction;
import org.axdse.multipliers.generators.TruncatedDesign;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;

/**
 * The parameter choices of the built-in designs. They are picked to span the error range from exact to coarse
 * (truncation up to 14 columns, BAM with breaks up to h7v13, perforation of four rows, Mitchell, DRUM-3) and
 * so the cost range from the full array to a few gates. A break level that removes nothing beyond another
 * parameter's cut ({@code h < v - 6} makes BAM plain truncation) is avoided, so no two approximate designs of one
 * family share a product table.
 */
final class BuiltinCatalogue {
  private BuiltinCatalogue() {}

  static List<MultiplierDesign> designs() {
    List<MultiplierDesign> d = new ArrayList<>();
    unsigned8x8(d, MultiplierFormat.unsigned8x8());
    signed8x8(d, MultiplierFormat.signed8x8());
    for (int n : new int[] {4, 6}) {
      for (Signedness s : Signedness.values()) {
        narrow(d, MultiplierFormat.of(n, s));
      }
    }
    for (int n : new int[] {2, 3, 5, 7}) {
      for (Signedness s : Signedness.values()) {
        d.add(new ExactDesign(MultiplierFormat.of(n, s), Reduction.ARRAY));
      }
    }
    d.addAll(FloatCatalogue.designs());
    return List.copyOf(d);
  }

  private static void unsigned8x8(List<MultiplierDesign> d, MultiplierFormat f) {
    exactFamily(d, f);
    truncations(d, f, new int[] {2, 4, 6, 8, 10, 12, 13, 14}, Correction.NONE);
    truncations(d, f, new int[] {4, 6, 8, 10, 12}, Correction.CONSTANT);
    truncations(d, f, new int[] {6, 8, 10, 12}, Correction.VARIABLE);
    bams(d, f, new int[][] {{1, 4}, {1, 6}, {2, 5}, {2, 8}, {3, 6}, {3, 7}, {3, 9}, {4, 8}, {4, 10}, {5, 11},
        {6, 12}, {7, 13}});
    perforations(d, f, List.of(Set.of(0), Set.of(1), Set.of(0, 1), Set.of(0, 2), Set.of(0, 1, 2),
        Set.of(0, 1, 2, 3)));
    for (AdderCell cell : List.of(AdderCell.AMA1, AdderCell.AMA2, AdderCell.AMA3, AdderCell.AMA4,
        AdderCell.AMA5)) {
      d.add(new ApproxAdderDesign(f, cell, 6, Reduction.ARRAY));
    }
    approx(d, f, new Object[][] {{AdderCell.AMA1, 8}, {AdderCell.AMA3, 8}, {AdderCell.AMA5, 8},
        {AdderCell.AMA4, 10}, {AdderCell.AMA5, 10}, {AdderCell.AMA5, 12}});
    d.add(new TruncatedDesign(f, 8, Correction.NONE, Reduction.WALLACE));
    d.add(new ApproxAdderDesign(f, AdderCell.AMA5, 8, Reduction.DADDA));
    logarithmic(d, f, new int[] {3, 4, 5, 6});
  }

  private static void signed8x8(List<MultiplierDesign> d, MultiplierFormat f) {
    exactFamily(d, f);
    truncations(d, f, new int[] {4, 6, 8, 10, 12, 14}, Correction.NONE);
    truncations(d, f, new int[] {6, 8, 10, 12}, Correction.CONSTANT);
    truncations(d, f, new int[] {8, 10}, Correction.VARIABLE);
    bams(d, f, new int[][] {{1, 4}, {2, 5}, {2, 8}, {3, 9}, {4, 10}, {6, 12}});
    perforations(d, f, List.of(Set.of(0), Set.of(0, 1), Set.of(0, 1, 2)));
    approx(d, f, new Object[][] {{AdderCell.AMA1, 6}, {AdderCell.AMA3, 6}, {AdderCell.AMA4, 8},
        {AdderCell.AMA5, 8}, {AdderCell.AMA5, 10}});
    logarithmic(d, f, new int[] {3, 4, 5, 6});
  }

  private static void narrow(List<MultiplierDesign> d, MultiplierFormat f) {
    d.add(new ExactDesign(f, Reduction.ARRAY));
    truncations(d, f, new int[] {2, 4, 6}, Correction.NONE);
    truncations(d, f, new int[] {4}, Correction.CONSTANT);
    truncations(d, f, new int[] {4}, Correction.VARIABLE);
    bams(d, f, new int[][] {{1, 4}, {2, 6}});
    perforations(d, f, List.of(Set.of(0)));
    approx(d, f, new Object[][] {{AdderCell.AMA3, 4}, {AdderCell.AMA5, 6}});
    logarithmic(d, f, new int[] {3, 4});
  }

  private static void exactFamily(List<MultiplierDesign> d, MultiplierFormat f) {
    for (Reduction r : Reduction.values()) {
      d.add(new ExactDesign(f, r));
    }
  }

  private static void truncations(List<MultiplierDesign> d, MultiplierFormat f, int[] ks, Correction c) {
    for (int k : ks) {
      d.add(new TruncatedDesign(f, k, c, Reduction.ARRAY));
    }
  }

  private static void bams(List<MultiplierDesign> d, MultiplierFormat f, int[][] hv) {
    for (int[] p : hv) {
      d.add(new BrokenArrayDesign(f, p[0], p[1], Reduction.ARRAY));
    }
  }

  private static void perforations(List<MultiplierDesign> d, MultiplierFormat f, List<Set<Integer>> rows) {
    for (Set<Integer> r : rows) {
      d.add(new PerforatedDesign(f, r, Reduction.ARRAY));
    }
  }

  private static void approx(List<MultiplierDesign> d, MultiplierFormat f, Object[][] cellColumns) {
    for (Object[] p : cellColumns) {
      d.add(new ApproxAdderDesign(f, (AdderCell) p[0], (Integer) p[1], Reduction.ARRAY));
    }
  }

  private static void logarithmic(List<MultiplierDesign> d, MultiplierFormat f, int[] drumKs) {
    d.add(new MitchellDesign(f));
    for (int k : drumKs) {
      d.add(new DrumDesign(f, k));
    }
  }
}
