package org.axdse.explorer.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axdse.explorer.cli.Main;
import picocli.CommandLine;

/**
 * One run of the {@code axdse} command line in this JVM, as {@code Main.main} runs it but without exiting:
 * the exit code, everything printed (picocli's writers and {@code System.out}/{@code System.err}), and whether
 * a watched directory changed.
 */
record CliCase(int code, String out, String err, boolean dirChanged) {

  /** Runs {@code args}; {@code watched} is the output directory whose files must not change. */
  static CliCase run(Path watched, List<String> args) {
    Map<String, String> before = snapshot(watched);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
    ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      code = cl.execute(args.toArray(String[]::new));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String errText = err + sysErr.toString(StandardCharsets.UTF_8);
    return new CliCase(code, out + sysOut.toString(StandardCharsets.UTF_8), errText,
        !before.equals(snapshot(watched)));
  }

  /** The error output without the JVM's own warnings (which a shell user sees before axdse starts). */
  List<String> errorLines() {
    return err.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING: Using incubator modules")).toList();
  }

  /** Path -> SHA-256 of every file under {@code dir} (directories as {@code dir}). */
  static Map<String, String> snapshot(Path dir) {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir" : sha256(Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
