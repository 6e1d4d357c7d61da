package org.axdse.multipliers.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axdse.multipliers.cgp.CandidateEvaluator;
import org.axdse.multipliers.cgp.ErrorMeasure;
import org.axdse.multipliers.cgp.Fitness;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.OperandDistribution;

/**
 * Session-15 probe of two circuit shapes for asymmetric-quantized layers (issue 16), scored as {@code axdse evolve}
 * scores a candidate: the variance measure over the layer's distribution ({@code distributions/LAYER.json} of an
 * evolved library) and the cost model's power under 8,192 pairs drawn from it, relative to {@code u8x8_exact}.
 *
 * <ul>
 *   <li>offset: {@code a w = a 128 + a (w - 128)} with the second product in sign-magnitude form, optionally with the
 *       magnitude product's lowest {@code k} columns dropped;
 *   <li>transposed: the array multiplier (and its truncations) with the activation bits driving the rows instead
 *       of the weight bits.
 * </ul>
 *
 * Not part of axdse: it lives in the generators' package only to reuse their package-private building blocks.
 */
public final class CircuitProbe {
  private static final MultiplierFormat F = MultiplierFormat.unsigned8x8();

  private CircuitProbe() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper om = new ObjectMapper();
    for (String file : args) {
      JsonNode j = om.readTree(Path.of(file).toFile());
      OperandDistribution dist = OperandDistribution.independent(F,
          om.convertValue(j.get("activationCounts"), double[].class),
          om.convertValue(j.get("weightCounts"), double[].class));
      CandidateEvaluator ev = new CandidateEvaluator(dist, ErrorMeasure.VARIANCE, 8192, 1);
      double ref = ev.evaluate(MultiplierDesign.exact(F).netlist()).power();
      System.out.println(Path.of(file).getFileName());
      for (int k : new int[] {0, 4, 6, 8, 10}) {
        print(ev, ref, "u8x8_" + (k == 0 ? "exact" : "trunc" + k), (k == 0 ? MultiplierDesign.exact(F)
            : new TruncatedDesign(F, k, Correction.NONE, Reduction.ARRAY)).netlist());
        print(ev, ref, "  offset" + (k == 0 ? "" : "_trunc" + k), offset(k));
        print(ev, ref, "  transposed" + (k == 0 ? "" : "_trunc" + k), transposed(k));
      }
    }
  }

  private static void print(CandidateEvaluator ev, double ref, String name, Netlist n) {
    Fitness x = ev.evaluate(n);
    System.out.printf(Locale.ROOT, "  %-22s variance %.3g  power %.3f%n", name, x.error(), x.power() / ref);
  }

  /** {@code a << 7} plus {@code sign * (a * |w - 128|)}, the magnitude product without its {@code k} low columns. */
  static Netlist offset(int k) {
    Logic g = new Logic(F);
    int[] a = g.aBits();
    int[] w = g.wBits();
    int n = w.length;
    int width = F.productBits();
    int magnitudeBits = a.length + n - 1;
    int s = g.not(w[n - 1]);
    int[] m = new int[n];
    for (int i = 0; i < n - 1; i++) {
      m[i] = g.xor(w[i], s); // |w - 128| - s
    }
    m[n - 1] = s; // row n-1 adds a * s at columns 0..7, completing a * |w - 128|
    List<Term> terms = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < a.length; i++) {
        int column = r == n - 1 ? i : i + r;
        if (column >= k) {
          terms.add(new Term(i, r, 1, column));
        }
      }
    }
    int[] magnitude = Reducer.exact(g, magnitudeBits).reduce(
        PartialProducts.matrix(g, a, m, terms, 0, magnitudeBits), Reduction.ARRAY);
    int[] flipped = new int[width];
    for (int i = 0; i < width; i++) {
      flipped[i] = g.xor(i < magnitude.length ? magnitude[i] : Logic.ZERO, s);
    }
    int[] base = new int[n - 1 + a.length];
    java.util.Arrays.fill(base, Logic.ZERO);
    System.arraycopy(a, 0, base, n - 1, a.length);
    return g.build("offset" + k, Datapath.add(g, base, flipped, s, width));
  }

  /** The array multiplier without its {@code k} low columns, activation bits driving the rows. */
  static Netlist transposed(int k) {
    List<Term> kept = PartialProducts.without(PartialProductCircuit.allTerms(F), t -> t.column() < k);
    Logic g = new Logic(F);
    BitMatrix m = PartialProducts.matrix(g, g.wBits(), g.aBits(), kept, 0, F.productBits());
    return g.build("transposed" + k, Reducer.exact(g, F.productBits()).reduce(m, Reduction.ARRAY));
  }
}
