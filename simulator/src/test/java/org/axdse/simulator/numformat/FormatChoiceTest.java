package org.axdse.simulator.numformat;

import org.axdse.multipliers.format.Accumulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axdse.multipliers.format.Minifloat;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing the three flags, and the one-line refusals of the bad-input section. */
class FormatChoiceTest {
  @ParameterizedTest
  @ValueSource(strings = {"E9M0", "E4M3x", "e5m3", "e0m7", "fp8", ""})
  void badFormatStringsAreOneLineNamingTheFormat(String text) {
    BadInputException e = assertThrows(BadInputException.class, () -> FormatChoice.parse(text, null, "exact"));
    assertTrue(e.getMessage().contains("--number-format " + text), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void integerFormatsBelongToQuant() {
    BadInputException e = assertThrows(BadInputException.class, () -> FormatChoice.parse("int8", null, "exact"));
    assertTrue(e.getMessage().contains("--quant"), e.getMessage());
  }

  @Test
  void mxNamesImplyBlockScales() {
    FormatChoice c = FormatChoice.parse("MXFP8", null, "exact");
    assertEquals(Minifloat.e4m3(), c.format());
    assertEquals(ScaleKind.MX32, c.scale());
    assertEquals(Minifloat.e2m1(), FormatChoice.parse("mxfp4", "mx32", "fp32").format());
    assertThrows(BadInputException.class, () -> FormatChoice.parse("mxfp8", "tensor", "exact"));
    assertThrows(BadInputException.class, () -> FormatChoice.parse("e4m3", "block", "exact"));
    assertThrows(BadInputException.class, () -> FormatChoice.parse("e4m3", null, "fp8"));
    assertEquals(ScaleKind.TENSOR, FormatChoice.parse("e4m3", null, "exact").scale());
  }

  @Test
  void anAccumulatorNarrowerThanTheProductIsRefusedNamingLayerAndFormat() {
    // E4M3: 448 x 448 = 200704 exceeds FP16's 65504
    BadInputException e = assertThrows(BadInputException.class,
        () -> FormatChoice.parse("e4m3", null, "fp16").checkAccumulator("conv1"));
    assertTrue(e.getMessage().contains("layer 'conv1'") && e.getMessage().contains("e4m3")
        && e.getMessage().contains("fp16"), e.getMessage());
    // E3M4: 5-bit significands give 10-bit products, bfloat16 keeps 8
    assertThrows(BadInputException.class, () -> FormatChoice.parse("e3m4", null, "bf16").checkAccumulator("c"));
    // E4M3 products have at most 8 significant bits and fit bfloat16's range
    FormatChoice.parse("e4m3", null, "bf16").checkAccumulator("c");
    FormatChoice.parse("e5m2", null, "fp32").checkAccumulator("c");
  }

  @Test
  void exactSumsFollowTheProductSpan() {
    // E4M3 products span 36 bits: with K = 576 (3x3x64) the sums need 46 <= 53 bits
    assertTrue(FormatChoice.parse("e4m3", null, "exact").exactSums(576));
    assertFalse(FormatChoice.parse("e4m3", null, "exact").exactSums(1 << 18));
    assertFalse(FormatChoice.parse("e5m2", null, "exact").exactSums(2)); // 64-bit products
  }
}
