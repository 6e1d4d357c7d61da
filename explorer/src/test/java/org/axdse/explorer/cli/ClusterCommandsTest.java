package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.axdse.explorer.search.SyntheticProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Flag handling of {@code axdse worker} and the cluster flags of {@code axdse search}: one-line errors. */
class ClusterCommandsTest {
  @TempDir Path tmp;

  private record Result(int code, String err) {}

  private static Result run(Callable<Integer> command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(new OneLineErrors());
    cl.setParameterExceptionHandler(new OneLineErrors());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    return new Result(cl.execute(args), err.toString());
  }

  private static SearchCommand search() {
    return new SearchCommand(new SyntheticProblem(), new PrintStream(PrintStream.nullOutputStream()));
  }

  private static WorkerCommand worker() {
    return new WorkerCommand(new SyntheticProblem(), new PrintStream(PrintStream.nullOutputStream()));
  }

  @Test
  void badClusterFlagsAreOneLineErrors() throws Exception {
    Path out = tmp.resolve("run");
    Path shortSecret = Files.writeString(tmp.resolve("short"), "tiny");
    Path secret = Files.writeString(tmp.resolve("secret"), "a secret of some length");
    String[] base = {"--model", "synthetic", "--data", "d", "--out", out.toString(), "--generations", "1"};
    Object[][] cases = {
      {search(), concat(base, "--members", "127.0.0.1:5701"), "--members needs --backend hazelcast"},
      {search(), concat(base, "--backend", "spark"), "--backend must be local or hazelcast"},
      {search(), concat(base, "--backend", "hazelcast", "--early-stop"),
          "the hazelcast backend screens every candidate"},
      {search(), concat(base, "--backend", "hazelcast", "--secret-file", shortSecret.toString()),
          "at least 16 bytes"},
      {search(), concat(base, "--backend", "hazelcast", "--secret-file", secret.toString(), "--members", "nohost"),
          "'nohost' is not host:port"},
      {search(), concat(base, "--backend", "hazelcast", "--secret-file", secret.toString(),
          "--coordinator-threads", "-1"), "--coordinator-threads must be >= 0"},
      {worker(), new String[] {"--secret-file", tmp.resolve("none").toString()}, "no such file"},
      {worker(), new String[] {"--secret-file", secret.toString(), "--cluster", "has space"}, "--cluster"},
      {worker(), new String[] {"--secret-file", secret.toString(), "--threads", "0"}, "--threads must be >= 1"},
    };
    for (Object[] c : cases) {
      @SuppressWarnings("unchecked")
      Result r = run((Callable<Integer>) c[0], (String[]) c[1]);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains((String) c[2]), r.err());
      assertEquals(1, r.err().lines().count(), "one line: " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
    assertFalse(Files.exists(out.resolve("front.json")));
  }

  @Test
  void theSecretIsNeverAFlag() {
    Result r = run(worker(), "--secret", "hunter2hunter2hunter2");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown option"), r.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
