package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.netlist.CellType;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.junit.jupiter.api.Test;

/** Each construct of the Verilog subset, checked against the function the test source intends. */
class VerilogImportTest {
  static Multiplier parse(String verilog) {
    return MultiplierFiles.parse(Path.of("t.v"), verilog.getBytes(StandardCharsets.UTF_8), FileFormat.VERILOG,
        null, null);
  }

  /** Asserts that every table entry equals {@code f(a, w)} over operand values. */
  static void assertFunction(Multiplier m, IntBinaryOperator f) {
    MultiplierFormat fmt = m.format();
    for (int i = 0; i < fmt.tableSize(); i++) {
      int a = fmt.activationAt(i);
      int w = fmt.weightAt(i);
      assertEquals(f.applyAsInt(a, w), m.table().atIndex(i), "a=" + a + " w=" + w);
    }
  }

  static int bit(int v, int i) {
    return (v >>> i) & 1;
  }

  static int count(Multiplier m, CellType t) {
    return TestCircuits.cellCounts(m.netlist())[t.ordinal()];
  }

  @Test
  void assignOperatorsParenthesesConstantsAndComments() {
    Multiplier m = parse("""
        /* a block comment
           over two lines */
        module ops (A, B, O);
          input [7:0] A;
          input [1:0] B;   // weight
          output [5:0] O;
          wire t;
          assign t = (A[1] ^ B[1]) | !A[2];
          assign O[0] = A[0] & B[0];
          assign O[1] = t;
          assign O[2] = ~(A[3] | B[0]);
          assign O[3] = 1'b1;
          assign O[4] = 1'b0;
          assign O[5] = ~A[4] ^ (A[5] ~^ B[1]);
        endmodule
        """);
    assertEquals(MultiplierFormat.of(2, Signedness.UNSIGNED), m.format());
    assertFunction(m, (a, w) -> bit(a, 0) & bit(w, 0)
        | ((bit(a, 1) ^ bit(w, 1)) | (1 - bit(a, 2))) << 1
        | (1 - (bit(a, 3) | bit(w, 0))) << 2
        | 1 << 3
        | ((1 - bit(a, 4)) ^ (1 - (bit(a, 5) ^ bit(w, 1)))) << 5);
    assertEquals(1, count(m, CellType.NOR), "~(x | y) is one NOR cell");
  }

  @Test
  void vectorPlusBuildsARippleCarryAdder() {
    Multiplier m = parse("""
        module add (A, B, O);
          input [7:0] A;
          input [3:0] B;
          output [8:0] O;
          assign O = A + {4'b0000, B};
        endmodule
        """);
    assertFunction(m, (a, w) -> a + w);
    // 8-bit + 8-bit: a half adder at bit 0, full adders at bits 1..7.
    assertEquals(1, count(m, CellType.HA));
    assertEquals(7, count(m, CellType.FA));
  }

  @Test
  void exactTwoBitMultiplierFromReplicationConcatenationAndPlus() {
    Multiplier m = parse("""
        module mul8x2 (A, B, O);
          input [7:0] A;
          input [1:0] B;
          output [9:0] O;
          assign O = ({8{B[0]}} & A) + ({A, 1'b0} & {9{B[1]}});
        endmodule
        """);
    assertEquals(ProductTable.exact(m.format()), m.table());
  }

  @Test
  void concatenationAndPartSelectsOnBothSides() {
    Multiplier m = parse("""
        module cat (A, B, O);
          input [7:0] A;
          input [2:0] B;
          output [7:0] O;
          wire [3:0] lo;
          assign {O[7:6], O[5:4]} = {B[1:0], A[7:6]};
          assign lo = A[3:0] ^ {1'b0, B};
          assign O[3:0] = lo;
        endmodule
        """);
    assertFunction(m, (a, w) -> (w & 3) << 6 | (a >>> 6) << 4 | ((a & 15) ^ w));
  }

  @Test
  void ternaryReductionsAndAscendingRanges() {
    Multiplier m = parse("""
        module red (A, B, O);
          input [0:7] A;
          input [1:0] B;
          output [3:0] O;
          assign O[0] = &A[4:7];
          assign O[1] = ^B;
          assign O[2] = B[0] ? A[7] : A[6];
          assign O[3] = ~|A;
        endmodule
        """);
    // With [0:7], A[7] is the least significant bit and A[4:7] the low nibble.
    assertFunction(m, (a, w) -> ((a & 15) == 15 ? 1 : 0) | (bit(w, 0) ^ bit(w, 1)) << 1
        | (bit(w, 0) == 1 ? bit(a, 0) : bit(a, 1)) << 2 | (a == 0 ? 1 : 0) << 3);
    assertEquals(1, count(m, CellType.MUX2));
  }

  @Test
  void hierarchyWithExpressionConnectionsIsFlattened() {
    StringBuilder sb = new StringBuilder("""
        // a full adder as a sub-module, ANSI header
        module fadd(input a, input b, input c, output s, output co);
          assign s = a ^ b ^ c;
          assign co = (a & b) | (c & (a ^ b));
        endmodule
        module mul8x2 (A, B, O);
          input [7:0] A;
          input [1:0] B;
          output [9:0] O;
          wire [8:0] c;
          assign c[0] = 1'b0;
          assign O[0] = A[0] & B[0];
        """);
    for (int i = 1; i <= 8; i++) {
      String x = i < 8 ? "A[" + i + "] & B[0]" : "1'b0";
      if (i % 2 == 0) {
        sb.append("  fadd u").append(i).append(" (.a(").append(x).append("), .b(A[").append(i - 1)
            .append("] & B[1]), .c(c[").append(i - 1).append("]), .s(O[").append(i).append("]), .co(c[")
            .append(i).append("]));\n");
      } else {
        sb.append("  fadd u").append(i).append(" (").append(x).append(", A[").append(i - 1).append("] & B[1], c[")
            .append(i - 1).append("], O[").append(i).append("], c[").append(i).append("]);\n");
      }
    }
    sb.append("  assign O[9] = c[8];\nendmodule\n");
    Multiplier m = parse(sb.toString());
    assertEquals("t", m.name());
    assertEquals(ProductTable.exact(m.format()), m.table());
  }

  @Test
  void everyStandardCellWithNamedAndPositionalPorts() {
    Multiplier m = parse("""
        module cells (A, B, O);
          input [7:0] A;
          input [1:0] B;
          output [12:0] O;
          AND2 g0 (.A(A[0]), .B(B[0]), .Y(O[0]));
          OR2 g1 (A[1], B[1], O[1]);
          XOR2 g2 (.A(A[2]), .B(B[0]), .Y(O[2]));
          XNOR2X1 g3 (.A(A[3]), .B(B[1]), .Y(O[3]));
          NAND2 g4 (.B(B[0]), .A(A[4]), .Y(O[4]));
          NOR2 g5 (.A(A[5]), .B(B[1]), .Y(O[5]));
          INV g6 (.A(A[6]), .Y(O[6]));
          BUF g7 (A[7], O[7]);
          MUX2 g8 (.S(B[0]), .A(A[0]), .B(A[1]), .Y(O[8]));
          HA g9 (.A(A[2]), .B(B[1]), .S(O[9]), .CO(O[10]));
          FA g10 (A[3], B[0], B[1], O[11], O[12]);
        endmodule
        """);
    assertFunction(m, (a, w) -> {
      int a0 = bit(a, 0);
      int r = (a0 & bit(w, 0)) | (bit(a, 1) | bit(w, 1)) << 1 | (bit(a, 2) ^ bit(w, 0)) << 2
          | (1 - (bit(a, 3) ^ bit(w, 1))) << 3 | (1 - (bit(a, 4) & bit(w, 0))) << 4
          | (1 - (bit(a, 5) | bit(w, 1))) << 5 | (1 - bit(a, 6)) << 6 | bit(a, 7) << 7
          | (bit(w, 0) == 1 ? bit(a, 1) : a0) << 8;
      int ha = bit(a, 2) + bit(w, 1);
      int fa = bit(a, 3) + bit(w, 0) + bit(w, 1);
      return r | ha << 9 | fa << 11;
    });
    for (CellType t : CellType.values()) {
      int expected = t == CellType.CONST0 || t == CellType.CONST1 ? 0 : 1;
      assertEquals(expected, count(m, t), t.name());
    }
  }

  @Test
  void evoApproxStyleExactEightByEight() {
    Multiplier m = parse(TestCircuits.evoApproxStyle("mul8u_TEST", 8));
    assertEquals(MultiplierFormat.unsigned8x8(), m.format());
    assertEquals(ProductTable.exact(m.format()), m.table());
    var pub = m.publishedFigures().orElseThrow();
    assertEquals(0.425, pub.power());
    assertEquals("mW", pub.powerUnit());
    assertEquals(729.8, pub.area());
    assertEquals(1.48, pub.delay());
    assertEquals("PDK45", pub.technology());
  }

  @Test
  void evoApproxCellInstancesAndInFileDefinitions() {
    // The pdk45 flavour: HAX1/FAX1 instances with .YS/.YC ports and expression inputs; the sub-modules are
    // defined at the bottom of the file (ANSI headers), so they are flattened into gates.
    String body = """
        module mul8s_T ( A, B, O );
          input [7:0] A;
          input [1:0] B;
          output [9:0] O;
          wire S0, C0;
          HAX1 U1 (.A((A[1] & B[0])), .B((A[0] & B[1])), .YS(S0), .YC(C0));
          PDKGENFAX1 U2 (.A(A[2] & B[0]), .B(A[1] & B[1]), .C(C0), .YS(O[2]), .YC(O[3]));
          assign O = {6'b0, O[3:2], S0, (A[0] & B[0])};
        endmodule
        module PDKGENFAX1( input A, input B, input C, output YS, output YC );
          assign YS = (A ^ B) ^ C;
          assign YC = (A & B) | (B & C) | (A & C);
        endmodule
        """;
    Multiplier m = parse(body.replace("assign O = {6'b0, O[3:2],", "assign {O[9:4], O[1:0]} = {6'b0,"));
    assertEquals(Signedness.SIGNED, m.format().signedness(), "mul8s_ names are EvoApprox signed multipliers");
    assertEquals(1, count(m, CellType.HA));
    assertEquals(0, count(m, CellType.FA), "in-file definitions are flattened, not mapped to cells");
    // Bits 0..3 of the unsigned product of the codes' low bits (a & 7) * (w & 3) restricted to 4 bits.
    assertFunction(m, (a, w) -> {
      int ac = a & 255;
      int wc = w & 3;
      int low = ((ac & 7) * wc) & 15;
      int col3 = ((bit(ac, 2) & bit(wc, 0)) + (bit(ac, 1) & bit(wc, 1)) + ((bit(ac, 1) & bit(wc, 0))
          & (bit(ac, 0) & bit(wc, 1)))) >> 1;
      int v = (low & 7) | col3 << 3;
      return (v << 22) >> 22;
    });
  }

  @Test
  void signedKeywordOnInputsMakesASignedFormat() {
    Multiplier m = parse("""
        module s (A, B, O);
          input signed [7:0] A;
          input signed [3:0] B;
          output signed [11:0] O;
          assign O = {4'b0, A};
        endmodule
        """);
    assertEquals(MultiplierFormat.of(4, Signedness.SIGNED), m.format());
    // O holds the code of a in its low 8 bits, read as a 12-bit two's-complement number.
    assertFunction(m, (a, w) -> a & 255);
    assertTrue(m.description().contains("t.v"));
  }
}
