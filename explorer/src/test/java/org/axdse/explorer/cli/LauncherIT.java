package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./axdse} launcher as a user runs it, with stdout and stderr in files (not a terminal): no JVM
 * warning on stderr, exit codes passed through, plain progress lines on stderr and parseable JSON on stdout.
 */
class LauncherIT {
  @TempDir Path tmp;

  private record Result(int code, String out, List<String> err) {}

  private Result run(String... args) throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> cmd = new ArrayList<>(List.of(root.resolve("axdse").toString()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out");
    Path err = tmp.resolve("err");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().put("AXDSE_CACHE", tmp.resolve("cache").toString()); // a fresh cache: every pass runs
    Process p = pb.start();
    int code = p.waitFor();
    // the launcher's own build message, if the jar was stale, is not the JVM's
    List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("axdse: building")).toList();
    return new Result(code, Files.readString(out, StandardCharsets.UTF_8), errLines);
  }

  @Test
  void versionPrintsNoJvmWarning() throws Exception {
    Result r = run("--version");
    assertEquals(0, r.code(), String.join("\n", r.err()));
    assertEquals(List.of(), r.err(), "nothing on stderr, in particular no WARNING line");
    assertTrue(r.out().startsWith("axdse "), r.out());
  }

  @Test
  void badInputKeepsExitCodeTwoAndItsOneLine() throws Exception {
    Result r = run("multipliers", "show", "u8x8_nosuch", "--format", "json");
    assertEquals(2, r.code());
    assertEquals(1, r.err().size(), String.join("\n", r.err()));
    assertTrue(r.err().get(0).startsWith("axdse: unknown multiplier 'u8x8_nosuch'"), r.err().get(0));
  }

  @Test
  void evaluatePrintsPeriodicLinesOnStderrAndJsonOnStdout() throws Exception {
    Result r = run("evaluate", "--model", "models/lenet5.onnx", "--data",
        "fashion-mnist", "--limit", "300", "--calib", "50", "--threads", "2",
        "--uniform", "exact", "--format", "json", "--progress-every", "0");
    assertEquals(0, r.code(), String.join("\n", r.err()));
    JsonNode e = new ObjectMapper().readTree(r.out()).get("evaluation");
    assertEquals(300, e.get("images").asInt());
    assertTrue(r.err().contains("session: exact reference: 300 images..."), String.join("\n", r.err()));
    assertTrue(r.err().stream().anyMatch(l -> l.startsWith("session: exact reference: 64/300 images (21%), ")),
        "a periodic line after the first batch of 64: " + r.err());
    assertFalse(r.err().stream().anyMatch(l -> l.startsWith("WARNING") || l.contains("\r")),
        "no JVM warning and no bar redraws when stderr is a file: " + r.err());
  }
}
