package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of {@code axdse evolve} and {@code bench evolve}: an unknown layer, a zero budget, a seed design of
 * the wrong format, a non-empty output directory, and malformed flags give one line naming the flag (or file) and
 * exit code 2, before any calibration, and leave nothing on disk.
 */
class EvolveCommandErrorsTest {
  @TempDir Path dir;

  private InProcess.Outcome evolve(String... extra) {
    String[] base = {"evolve", "--model", repo("models/lenet5.onnx").toString(), "--data", "fashion-mnist",
        "--out", dir.resolve("lib").toString()};
    return InProcess.axdse(base, extra);
  }

  private void refused(InProcess.Outcome o, String... parts) {
    InProcess.oneLine(o, parts);
    assertFalse(Files.exists(dir.resolve("lib")), "a refused evolve writes nothing");
  }

  @Test
  void badInputIsOneLineBeforeAnyWork() {
    refused(evolve("--layer", "conv_99"), "--layer conv_99", "no approximable layer", "conv_3");
    refused(evolve("--all", "--budget", "0s"), "--budget", "positive");
    refused(evolve("--all", "--budget", "soon"), "--budget", "not a duration");
    refused(evolve("--all", "--seed-design", "u8x8_trunc6"), "--seed-design u8x8_trunc6", "u8x8", "s8x8");
    refused(evolve("--all", "--seed-design", "no_such_design"), "unknown multiplier 'no_such_design'");
    refused(evolve("--all", "--measure", "psnr"), "--measure", "psnr", "loss");
    refused(evolve("--all", "--measure", "loss", "--sensitivity-images", "0"), "--sensitivity-images", ">= 1");
    refused(evolve("--all", "--bounds", "0.01,-1"), "--bounds", "-1");
    refused(evolve("--all", "--generations", "0"), "--generations", ">= 1");
    refused(evolve("--all", "--tag", "run 2"), "--tag", "'run 2'");
    refused(evolve("--all", "--tag", "a_b"), "--tag", "letters, digits");
    refused(evolve("--all", "--resume"), "--resume", "no evolution to resume");
    refused(evolve("--all", "--weight-bits", "4,8"), "--weight-bits", "one width");
    refused(evolve("--layer", "conv_3", "--all"), "mutually exclusive");
    refused(evolve("--all", "--limit", "100"), "--limit: evolve evaluates no images");
    refused(evolve("--all", "--split", "train"), "--split: evolve evaluates no images");
  }

  @Test
  void aNonEmptyOutputDirectoryIsRefusedAndKept() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.writeString(lib.resolve("mine.txt"), "keep me");
    InProcess.Outcome o = evolve("--all", "--generations", "1");
    InProcess.oneLine(o, "--out", "not empty");
    assertEquals("keep me", Files.readString(lib.resolve("mine.txt")));
    assertEquals(1, Files.list(lib).count());
  }

  @Test
  void theLossMeasureRefusesALayerTheErrorModelDoesNotDescribe() {
    InProcess.Outcome o = InProcess.axdse("evolve", "--model", repo("models/lstm.onnx").toString(), "--data",
        "fashion-mnist", "--all", "--measure", "loss", "--out", dir.resolve("lib").toString());
    refused(o, "--measure loss", "lstm_1", "LSTM", "convolution and dense layers only");
  }

  @Test
  void theBenchRefusesAnUnknownLayer() {
    InProcess.oneLine(InProcess.axdse("bench", "evolve", "--model", repo("models/lenet5.onnx").toString(), "--data",
        "fashion-mnist", "--layer", "fc_99"), "--layer fc_99", "no approximable layer");
  }
}
