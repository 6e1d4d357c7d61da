package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.explorer.search.SyntheticProblem;
import org.axdse.results.run.RunDirectory;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String err) {}

  private Result run(String... args) {
    CommandLine cl = new CommandLine(new SearchCommand(new SyntheticProblem(),
        new PrintStream(PrintStream.nullOutputStream())));
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, err.toString());
  }

  private String[] good(Path out, String... more) {
    String[] base = {"--model", "synthetic:layers=5,channels=3", "--data", "d", "--out", out.toString(),
        "--generations", "3", "--population", "8", "--threads", "2", "--objectives", "accuracy,energy,area,types",
        "--restrict", "conv0=exact,m1"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void aSearchWritesARunDirectoryTheReportReads() {
    Path out = tmp.resolve("run");
    assertEquals(0, run(good(out, "--granularity", "group:2", "--max-accuracy-drop", "5")).code());
    var r = RunDirectory.of(out).read();
    assertEquals(4, r.config().objectives().size());
    assertTrue(Files.exists(out.resolve("search.log")));
    r.points().forEach(p -> assertTrue(p.layerMultipliers().get(0).equals("exact")
        || p.layerMultipliers().get(0).equals("m1"), "conv0 restricted to exact,m1: " + p));
  }

  @Test
  void badFlagsAreOneLineErrors() {
    Path out = tmp.resolve("bad");
    String[][] cases = {
      good(out, "--granularity", "channel"),
      good(out, "--population", "7"),
      good(out, "--objectives", "accuracy"),
      good(out, "--budget", "soon"),
      good(out, "--restrict", "conv9=m1"),
      good(out, "--baselines", "genetic"),
      good(out, "--compensate", "retrain"),
      good(out, "--init", "greedy"),
      good(out, "--init", "allocation"), // the synthetic engine measures no one-layer losses
      {"--model", "synthetic", "--data", "d", "--generations", "2"},
      {"--resume", tmp.resolve("nothing").toString()},
      {"--model", "synthetic:unsigned=true", "--data", "d", "--out", out.toString(), "--generations", "2"},
    };
    for (String[] args : cases) {
      Result r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("axdse: "), r.err());
      assertFalse(Files.exists(out), String.join(" ", args) + " left " + out);
    }
  }
}
