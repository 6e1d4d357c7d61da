package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static void collect(CommandLine cl, List<List<String>> paths, List<String> prefix) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      paths.add(path);
      collect(e.getValue(), paths, path);
    }
  }

  @Test
  void everySubcommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), paths, List.of());
    assertTrue(paths.contains(List.of("multipliers", "list")), "multipliers list is registered: " + paths);
    // picocli reports a description it cannot format (a lone % in it) on System.err and prints it raw
    ByteArrayOutputStream tracer = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(tracer, true, StandardCharsets.UTF_8));
    try {
      for (List<String> path : paths) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), "exit code of " + args + ": " + r.err());
        assertTrue(r.out().startsWith("Usage: axdse " + String.join(" ", path)), r.out());
        assertTrue(!r.out().contains("%n"), "unformatted help of " + args + ": " + r.out());
      }
    } finally {
      System.setErr(saved);
    }
    String warnings = tracer.toString(StandardCharsets.UTF_8);
    assertTrue(!warnings.contains("[picocli WARN]"), warnings);
  }

  @Test
  void badInputIsOneLineWithExitCodeTwo() {
    Result r = run("multipliers", "show", "u8x8_nosuch");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().startsWith("axdse: unknown multiplier 'u8x8_nosuch'"), r.err());
    assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void unknownOptionIsOneLineWithExitCodeTwo() {
    Result r = run("multipliers", "list", "--colour");
    assertEquals(2, r.code());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains("--colour"), r.err());
  }

  @Test
  void missingFileNamesTheFile() {
    Result r = run("multipliers", "import", "/nonexistent/x.bin", "--into", "/tmp/axdse-never-written");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("/nonexistent/x.bin"), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
  }
}
