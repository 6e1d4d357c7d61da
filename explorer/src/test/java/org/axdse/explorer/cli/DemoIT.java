package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.simulation.SimulatorProblems;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code axdse demo} end to end with small settings: run directory, report and the printed report path. */
class DemoIT {
  @TempDir Path tmp;

  @Test
  void demoWritesTheRunAndItsReport() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(buf, true, StandardCharsets.UTF_8);
    Path out = tmp.resolve("demo");
    CommandLine cl = new CommandLine(new DemoCommand(new SimulatorProblems(), console));
    cl.setExecutionExceptionHandler(new OneLineErrors());
    java.io.StringWriter stdout = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(stdout));
    int code = cl.execute("--out", out.toString(), "--generations", "1", "--population", "4", "--eval-images",
        "100", "--calib", "100", "--calib-data", "holdout", "--baselines", "random");
    String text = buf.toString(StandardCharsets.UTF_8) + stdout;
    assertEquals(0, code, text);
    assertTrue(Files.size(out.resolve("report.html")) > 1000);
    assertTrue(Files.exists(out.resolve("front.json")));
    assertTrue(text.contains("report: " + out.resolve("report.html").toAbsolutePath().normalize()), text);
    var run = RunDirectory.of(out).read();
    assertTrue(run.config().model().endsWith("models/lenet5.onnx"));
    assertTrue(run.config().dataset().contains("fashion-mnist"), run.config().dataset());
    assertEquals("random", run.baselines().get(0).name());
  }
}
