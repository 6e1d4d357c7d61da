package org.axdse.multipliers.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactDesignTest {

  static List<Arguments> formatsAndReductions() {
    List<Arguments> args = new ArrayList<>();
    for (int n = 2; n <= 8; n++) {
      for (Signedness s : Signedness.values()) {
        for (Reduction r : Reduction.values()) {
          args.add(Arguments.of(MultiplierFormat.of(n, s), r));
        }
      }
    }
    return args;
  }

  @ParameterizedTest
  @MethodSource("formatsAndReductions")
  void productIsAtimesWOnEveryPair(MultiplierFormat f, Reduction r) {
    ProductTable t = MultiplierDesign.exact(f, r).build().table();
    for (int a = f.minActivation(); a <= f.maxActivation(); a++) {
      for (int w = f.minWeight(); w <= f.maxWeight(); w++) {
        assertEquals(a * w, t.product(a, w), () -> r + " " + f + " " + "pair");
      }
    }
  }
}
