package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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

  @Test
  void benchListsKernelsAsASubcommand() {
    CommandLine cl = new CommandLine(new BenchCommand());
    assertTrue(cl.getSubcommands().containsKey("kernels"));
  }
}
