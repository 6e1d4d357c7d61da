package org.axdse.simulator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.axdse.simulator.model.TestData;
import picocli.CommandLine;

/**
 * Runs one command in the test's process as the launcher does, keeping the exception a failed run ended with
 * (the launcher prints it as one line with exit code 2), and the shared ResNet-20 fixture the command tests use.
 */
final class CliRun {
  private Exception failure;

  /** Exit code of {@code command} on {@code args}; its standard output goes to {@code out}. */
  int run(Object command, StringWriter out, String... args) {
    failure = null;
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      failure = ex;
      return 2;
    });
    return cl.execute(args);
  }

  /** The exception the last run failed with, or null. */
  Exception failure() {
    return failure;
  }

  /** {@code base} followed by {@code extra}. */
  static String[] with(String[] base, String... extra) {
    String[] all = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /** A copy of the shared ResNet-20 in {@code dir}, with its preprocessing sidecar beside it unless not wanted. */
  static Path resnet20(Path dir, boolean withSidecar) throws IOException {
    Path model = dir.resolve("resnet20.onnx");
    Files.copy(TestData.resnet20(), model);
    if (withSidecar) {
      Files.copy(Path.of("src/test/resources/resnet20.preprocess.json"), dir.resolve("resnet20.preprocess.json"));
    }
    return model;
  }
}
