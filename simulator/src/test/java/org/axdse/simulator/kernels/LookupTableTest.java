package org.axdse.simulator.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;

class LookupTableTest {

  @Test
  void planesRebuildEveryProduct() {
    Random r = new Random(1);
    for (MultiplierFormat f : List.of(MultiplierFormat.unsigned8x8(), MultiplierFormat.signed8x8(),
        MultiplierFormat.of(3, Signedness.SIGNED))) {
      for (ProductTable table : List.of(ProductTable.exact(f), Reference.random(r, f, false))) {
        LookupTable t = LookupTable.of(table);
        assertTrue(t.fits16Bits(), f.toString());
        byte[] planes = t.planes();
        for (int i = 0; i < table.size(); i++) {
          int a = i >>> f.weightBits();
          int w = i & ((1 << f.weightBits()) - 1);
          int lo = planes[w * LookupTable.PLANE_ROW_BYTES + a] & 0xFF;
          int hi = planes[w * LookupTable.PLANE_ROW_BYTES + 256 + a] & 0xFF;
          assertEquals(table.atIndex(i), 256 * hi + lo + t.planeBase(), f + " index " + i);
          assertEquals(table.atIndex(i), t.byWeight()[w * 256 + a]);
        }
      }
    }
  }

  @Test
  void onlyTablesSpanningAtMost65536ValuesGetPlanes() {
    MultiplierFormat f = MultiplierFormat.of(2, Signedness.UNSIGNED);
    int[] p = new int[f.tableSize()];
    p[5] = 65535;
    assertTrue(LookupTable.of(ProductTable.of(f, p)).fits16Bits(), "0..65535 spans exactly 65536 values");
    p[6] = -1;
    assertFalse(LookupTable.of(ProductTable.of(f, p)).fits16Bits(), "-1..65535 spans 65537 values");
  }

  @Test
  void exactnessIsDetected() {
    MultiplierFormat f = MultiplierFormat.of(5, Signedness.SIGNED);
    assertTrue(LookupTable.exact(f).isExact());
    int[] p = ProductTable.exact(f).toArray();
    p[100] += 1;
    assertFalse(LookupTable.of(ProductTable.of(f, p)).isExact());
    assertFalse(LookupTable.ofLookupOnly(ProductTable.exact(f)).isExact());
  }

  @Test
  void rowTablesRejectMixedFormats() {
    LookupTable a = LookupTable.exact(MultiplierFormat.signed8x8());
    LookupTable b = LookupTable.exact(MultiplierFormat.unsigned8x8());
    assertThrows(IllegalArgumentException.class, () -> RowTables.ofChannels(List.of(a, b)));
    assertEquals(3, RowTables.ofLayer(a, 3).rows());
  }

  @Test
  void weightCodesMustFitTheirWidth() {
    MultiplierFormat f = MultiplierFormat.of(4, Signedness.SIGNED);
    assertThrows(IllegalArgumentException.class, () -> WeightMatrix.ofCodes(f, 1, 2, new byte[] {3, 16}));
    WeightMatrix w = WeightMatrix.ofValues(f, 1, 3, new int[] {-8, 7, -1});
    // codes are 4-bit two's-complement patterns; the row sum is over values: -8 + 7 - 1 = -2
    assertEquals(8, w.code(0, 0));
    assertEquals(15, w.code(0, 2));
    assertEquals(-2, w.rowSum(0));
  }

  @Test
  void kernelModeFollowsTheSystemProperty() {
    String old = System.getProperty(KernelMode.PROPERTY);
    try {
      System.setProperty(KernelMode.PROPERTY, "scalar");
      assertEquals(KernelMode.SCALAR, KernelMode.fromSystemProperty());
      System.setProperty(KernelMode.PROPERTY, "auto");
      assertEquals(!KernelMode.vectorSupported() ? KernelMode.SCALAR
          : NativeKernels.available() ? KernelMode.NATIVE : KernelMode.VECTOR, KernelMode.fromSystemProperty());
      System.setProperty(KernelMode.PROPERTY, "native");
      if (KernelMode.vectorSupported() && NativeKernels.available()) {
        assertEquals(KernelMode.NATIVE, KernelMode.fromSystemProperty());
      } else {
        BadInputException e = assertThrows(BadInputException.class, KernelMode::fromSystemProperty);
        assertTrue(e.getMessage().contains("native kernel is not available"), e.getMessage());
      }
      System.setProperty(KernelMode.PROPERTY, "fast");
      BadInputException bad = assertThrows(BadInputException.class, KernelMode::fromSystemProperty);
      assertTrue(bad.getMessage().contains("expected scalar, vector, native or auto"), bad.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty(KernelMode.PROPERTY);
      } else {
        System.setProperty(KernelMode.PROPERTY, old);
      }
    }
  }
}
