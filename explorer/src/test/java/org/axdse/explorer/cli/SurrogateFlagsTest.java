package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axdse.explorer.search.SyntheticProblem;
import org.axdse.results.run.PredictionsCsv;
import org.axdse.results.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code axdse search --surrogate [--surrogate-factor F] [--surrogate-rounds R]} on the command line. */
class SurrogateFlagsTest {
  @TempDir Path tmp;

  private record Result(int code, String err) {}

  private static Result run(String... args) {
    CommandLine cl = new CommandLine(new SearchCommand(new SyntheticProblem(),
        new PrintStream(PrintStream.nullOutputStream())));
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    return new Result(cl.execute(args), err.toString());
  }

  private static String[] search(Path out, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("--model", "synthetic:layers=5,channels=3", "--data", "d",
        "--out", out.toString(), "--generations", "2", "--population", "8", "--threads", "1"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void aSurrogateSearchRecordsItsFactorAndItsPredictions() {
    Path out = tmp.resolve("run");
    assertEquals(0, run(search(out, "--surrogate", "--surrogate-factor", "4", "--surrogate-rounds", "2")).code());
    assertEquals(4, ((Number) RunDirectory.of(out).readConfig().settings().get("surrogate_factor")).intValue());
    assertEquals(2, ((Number) RunDirectory.of(out).readConfig().settings().get("surrogate_rounds")).intValue());
    assertFalse(PredictionsCsv.read(out).isEmpty());
  }

  @Test
  void badSurrogateFlagsAreOneLineErrorsThatWriteNothing() {
    Path out = tmp.resolve("bad");
    String[][] cases = {
      search(out, "--surrogate-factor", "4"),
      search(out, "--surrogate", "--surrogate-factor", "1"),
      search(out, "--surrogate", "--surrogate-factor", "1001"),
      search(out, "--surrogate-rounds", "2"),
      search(out, "--surrogate", "--surrogate-rounds", "0"),
      search(out, "--surrogate", "--surrogate-rounds", "51"),
    };
    for (String[] c : cases) {
      Result r = run(c);
      assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("--surrogate"), r.err());
      assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
    }
    Path done = tmp.resolve("done");
    assertEquals(0, run(search(done)).code());
    Result r = run("--resume", done.toString(), "--surrogate");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--surrogate cannot be changed"), r.err());
    r = run("--resume", done.toString(), "--surrogate-rounds", "2");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--surrogate-rounds"), r.err());
  }
}
