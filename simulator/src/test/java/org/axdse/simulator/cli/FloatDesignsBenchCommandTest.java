package org.axdse.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import org.junit.jupiter.api.Test;

/** {@code bench float-designs}: a design that is not a float multiplier, or no design at all, is one line. */
class FloatDesignsBenchCommandTest {
  private final CliRun cli = new CliRun();

  private String refused(String design) {
    int code = cli.run(new FloatDesignsBenchCommand(), new StringWriter(), "--model",
        TestData.repoFile("models/lenet5.onnx").toString(), "--design", design, "--seconds", "1");
    assertEquals(2, code);
    return assertInstanceOf(BadInputException.class, cli.failure()).getMessage();
  }

  @Test
  void integerOrUnknownDesignsAreRefusedNamingTheFlag() {
    String integer = refused("s8x8_trunc4");
    assertTrue(integer.startsWith("--design s8x8_trunc4: not a float multiplier"), integer);
    String unknown = refused("no_such_design");
    assertTrue(unknown.startsWith("--design no_such_design: unknown multiplier"), unknown);
  }
}
