package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad Verilog gets a one-line error naming the file, the line and the problem. */
class VerilogErrorTest {
  @TempDir Path dir;

  private static final String HEADER = """
      module m (A, B, O);
        input [7:0] A;
        input [7:0] B;
        output [15:0] O;
      """;

  /** Reads {@code text} and returns its error, checking it is one line. After HEADER, a body starts at line 5. */
  private BadInputException error(String text) throws Exception {
    Path file = dir.resolve("bad.v");
    Files.writeString(file, text);
    BadInputException e = assertThrows(BadInputException.class, () -> MultiplierFiles.read(file));
    assertEquals(1, e.getMessage().lines().count(), "one line");
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      always block     | 5 | always @(A) begin end                         | unsupported construct 'always'
      reg              | 5 | reg x;                                        | unsupported construct 'reg'
      multiply         | 5 | assign O = A * B;                             | unsupported construct operator '*'
      subtract         | 5 | assign O = A - B;                             | unsupported construct operator '-'
      x literal        | 5 | assign O = 16'bx;                             | unsupported construct x/z literal
      parameter        | 5 | parameter W = 8;                              | unsupported construct 'parameter'
      undriven net     | 5 | wire u; assign O = {15'b0, u};                | net 'u' is read but never driven
      undriven output  | 4 | assign O[15:1] = A + B;                       | net 'O[0]' is read but never driven
      doubly driven    | 6 | assign O = A & B;~assign O[3] = A[1];          | net 'O[3]' is driven twice (also at line 5)
      driven input     | 5 | assign A[0] = B[0]; assign O = A;             | net 'A[0]' is driven twice
      loop via cells   | 6 | wire x, y;~assign x = y & A[0];~assign y = x ^ B[0]; assign O = {15'b0, x}; | combinational loop
      loop via aliases | 5 | wire x, y; assign x = y; assign y = x; assign O = {15'b0, x}; | combinational loop through net
      unknown module   | 5 | FOO u1 (.A(A[0]), .Y(O[0]));                  | unknown module 'FOO'
      unknown net      | 5 | assign O = Q;                                 | unknown net 'Q'
      syntax error     | 5 | assign O = (A & B;                            | syntax error: expected ')'
      bad index        | 5 | assign O = A[8];                              | index out of range
      bad cell port    | 5 | AND2 g (.A(A[0]), .C(B[0]), .Y(O[0]));        | AND2 has no port 'C'
      wide cell input  | 5 | AND2 g (.A(A), .B(B[0]), .Y(O[0]));           | input 'A' of AND2 takes 1 bit, got 8
      missing endmodule| 6 | assign O = A & B;~~                           | missing 'endmodule'
      """)
  void badBodyIsReportedAtItsLine(String what, int line, String body, String message) throws Exception {
    boolean noEnd = body.endsWith("~~");
    String text = HEADER + "  " + body.replace("~~", "").replace("~", "\n  ") + "\n" + (noEnd ? "" : "endmodule\n");
    BadInputException e = error(text);
    Path file = dir.resolve("bad.v");
    assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), what + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      A of 7 bits        | [6:0] | [7:0] | [13:0] | 2 | activation input 'A' must be 8 bits, got 7
      B of 1 bit         | [7:0] | [0:0] | [7:0]  | 3 | weight input 'B' must be 2 to 8 bits, got 1
      B of 9 bits        | [7:0] | [8:0] | [16:0] | 3 | weight input 'B' must be 2 to 8 bits, got 9
      output of 33 bits  | [7:0] | [7:0] | [32:0] | 4 | output 'O' must be 1 to 32 bits, got 33
      """)
  void wrongPortWidths(String what, String a, String b, String o, int line, String message) throws Exception {
    String text = "module m (A, B, O);\n  input " + a + " A;\n  input " + b + " B;\n  output " + o + " O;\n"
        + "  assign O = A;\nendmodule\n";
    BadInputException e = error(text);
    assertEquals(dir.resolve("bad.v") + ":" + line + ": " + message, e.getMessage(), what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      three inputs      | module m (A, B, C, O); input [7:0] A, B; input C; output [15:0] O; endmodule | must have two inputs
      no module         | // nothing here                                                            | no module in file
      self instance     | module m (A, B, O); input [7:0] A, B; output [15:0] O; n u(); endmodule module n(); n v(); endmodule | instantiates itself
      bad character     | module m (A, B, O); input [7:0] A, B; output [15:0] O; assign O = A # B; endmodule | syntax error
      unterminated      | module m (A, B, O); /* input [7:0] A, B;                                   | unterminated /* comment
      port not declared | module m (A, B, O); input [7:0] A; output [15:0] O; endmodule               | port 'B' of module 'm' has no input or output declaration
      """)
  void wholeFileProblems(String what, String text, String message) throws Exception {
    BadInputException e = error(text);
    assertTrue(e.getMessage().startsWith(dir.resolve("bad.v") + ":"), what + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
  }
}
