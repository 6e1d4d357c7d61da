package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.Test;

class BilinearFormTest {

  /** A random bilinear form of {@code f}: constant, linear terms and about a third of the pairs nonzero. */
  static BilinearForm randomForm(Random r, MultiplierFormat f) {
    int[] alpha = new int[8];
    int[] beta = new int[f.weightBits()];
    int[] coef = new int[64];
    for (int i = 0; i < 8; i++) {
      alpha[i] = r.nextInt(3) == 0 ? r.nextInt(201) - 100 : 0;
    }
    for (int j = 0; j < beta.length; j++) {
      beta[j] = r.nextInt(3) == 0 ? r.nextInt(201) - 100 : 0;
    }
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < f.weightBits(); j++) {
        coef[i * 8 + j] = r.nextInt(3) == 0 ? (r.nextBoolean() ? -1 : 1) << r.nextInt(12) : 0;
      }
    }
    return new BilinearForm(f, r.nextInt(41) - 20, alpha, beta, coef);
  }

  /** The exact table plus {@code form}, every entry summed term by term. */
  static ProductTable tableOf(BilinearForm form) {
    MultiplierFormat f = form.format();
    int[] p = ProductTable.exact(f).toArray();
    int[] alpha = form.alpha();
    int[] beta = form.beta();
    int[] coef = form.coef();
    for (int idx = 0; idx < p.length; idx++) {
      int a = idx >>> f.weightBits();
      int w = idx & ((1 << f.weightBits()) - 1);
      int e = form.c0();
      for (int i = 0; i < 8; i++) {
        e += (a >> i & 1) * alpha[i];
        for (int j = 0; j < f.weightBits(); j++) {
          e += (a >> i & 1) * (w >> j & 1) * coef[i * 8 + j];
        }
      }
      for (int j = 0; j < f.weightBits(); j++) {
        e += (w >> j & 1) * beta[j];
      }
      p[idx] += e;
    }
    return ProductTable.of(f, p);
  }

  @Test
  void detectsTheCoefficientsOfRandomBilinearTables() {
    Random r = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      MultiplierFormat f = Reference.format(r);
      BilinearForm form = randomForm(r, f);
      BilinearForm found = BilinearForm.detect(tableOf(form));
      assertNotNull(found, "trial " + trial + " " + f);
      assertEquals(form, found, "trial " + trial);
      assertArrayEquals(form.coef(), found.coef());
    }
  }

  @Test
  void rejectsTablesThatAreNotBilinear() {
    Random r = new Random(4);
    for (int trial = 0; trial < 10; trial++) {
      MultiplierFormat f = Reference.format(r);
      assertNull(BilinearForm.detect(Reference.noisy(r, f)), "noisy table " + f);
      int[] p = tableOf(randomForm(r, f)).toArray();
      p[r.nextInt(p.length)] += 1;
      assertNull(BilinearForm.detect(ProductTable.of(f, p)), "bilinear table with one entry moved, " + f);
    }
  }

  @Test
  void exactTableHasTheZeroForm() {
    BilinearForm zero = BilinearForm.detect(ProductTable.exact(MultiplierFormat.signed8x8()));
    assertNotNull(zero);
    assertEquals(0, zero.pairs());
    assertEquals(0, zero.c0());
  }

  /**
   * Truncating the partial products {@code a_i w_j} with {@code i + j < 6} of an unsigned product drops exactly
   * those terms: the error has the pair coefficients {@code -2^(i + j)}, 1 + 2 + ... + 6 = 21 of them.
   */
  @Test
  void droppedPartialProductsAreFoundAsPairs() {
    MultiplierFormat f = MultiplierFormat.unsigned8x8();
    int[] p = new int[f.tableSize()];
    for (int a = 0; a < 256; a++) {
      for (int w = 0; w < 256; w++) {
        int v = 0;
        for (int i = 0; i < 8; i++) {
          for (int j = 0; j < 8; j++) {
            v += i + j >= 6 ? (a >> i & 1) * (w >> j & 1) << (i + j) : 0;
          }
        }
        p[(a << 8) | w] = v;
      }
    }
    BilinearForm form = BilinearForm.detect(ProductTable.of(f, p));
    assertNotNull(form);
    assertEquals(21, form.pairs());
    int[] coef = form.coef();
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 8; j++) {
        assertEquals(i + j < 6 ? -(1 << (i + j)) : 0, coef[i * 8 + j], "pair " + i + ", " + j);
      }
    }
  }

  /** Every built-in integer design the detector accepts is reproduced entry by entry by {@link BilinearForm#at}. */
  @Test
  void everyAcceptedBuiltInDesignIsReproducedEntryByEntry() {
    int accepted = 0;
    for (var m : MultiplierCatalog.builtin().all()) {
      ProductTable t = m.table();
      BilinearForm form = BilinearForm.detect(t);
      if (form == null) {
        continue;
      }
      accepted++;
      MultiplierFormat f = t.format();
      for (int idx = 0; idx < f.tableSize(); idx++) {
        int a = idx >>> f.weightBits();
        int w = idx & ((1 << f.weightBits()) - 1);
        assertEquals(t.atIndex(idx) - f.exactProductAt(idx), form.at(a, w), m.name() + " at " + idx);
      }
    }
    assertNotNull(BilinearForm.detect(MultiplierCatalog.builtin().byName("s8x8_trunc6").table()));
    assertEquals(true, accepted > 3, "truncated, broken-array and perforated designs qualify: " + accepted);
  }

  @Test
  void refusesPairsBeyondTheWeightWidth() {
    int[] coef = new int[64];
    coef[5] = 1;
    assertThrows(IllegalArgumentException.class, () -> new BilinearForm(MultiplierFormat.of(4,
        org.axdse.multipliers.table.Signedness.SIGNED), 0, new int[8], new int[4], coef));
  }
}
