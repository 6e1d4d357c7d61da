package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void badFlagsAreOneLineUsageErrors() {
    CommandLine cl = new CommandLine(new BenchCommand());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("kernels", "--multiplier-format", "q8x9"));
    assertTrue(err.toString().contains("--multiplier-format q8x9"), err.toString());
    assertEquals(2, cl.execute("kernels", "--threads", "0"));
  }

  /** A design of another format than the benchmark's is refused in one line naming the flag, before any timing. */
  @Test
  void kernelsMultiplierMustMatchTheFormat() {
    var e = assertThrows(BadInputException.class,
        () -> BilinearColumns.design("s8x8_trunc6", MultiplierFormat.unsigned8x8()));
    assertTrue(e.getMessage().startsWith("--multiplier s8x8_trunc6: format s8x8"), e.getMessage());
    assertEquals(MultiplierFormat.signed8x8(), BilinearColumns.design("s8x8_trunc6",
        MultiplierFormat.signed8x8()).format());
  }

  @Test
  void benchListsKernelsAsASubcommand() {
    CommandLine cl = new CommandLine(new BenchCommand());
    assertTrue(cl.getSubcommands().containsKey("kernels"));
  }
}
