package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of {@code axdse evolve-check}: a library that is not an evolved one, no or two libraries, an unknown
 * layer in {@code --restrict} or in the library's manifest, a design it names that is missing or of another
 * format, malformed flags, a non-empty output directory: one line
 * naming the flag or file, exit code 2, before any calibration, and nothing written.
 */
class EvolveCheckCommandErrorsTest {
  @TempDir Path dir;
  private Path lib;

  @BeforeEach
  void evolvedLibraryOfOneDesign() throws Exception {
    lib = Files.createDirectories(dir.resolve("lib"));
    MultiplierFiles.write(Multiplier.ofTable("s8x8_fixture", "", ProductTable.exact(MultiplierFormat.signed8x8())),
        lib.resolve("s8x8_fixture.bin"));
    Files.writeString(lib.resolve("evolve.json"), "{\"format\": \"axdse-evolve-1\", \"settings\": {\"measure\": "
        + "\"loss\"}, \"layers\": []}");
  }

  private InProcess.Outcome check(String... extra) {
    String[] base = {"evolve-check", "--model", repo("models/lenet5.onnx").toString(), "--data", "fashion-mnist",
        "--out", dir.resolve("out").toString()};
    return InProcess.axdse(base, extra);
  }

  private void refused(InProcess.Outcome o, String... parts) {
    InProcess.oneLine(o, parts);
    assertFalse(Files.exists(dir.resolve("out")), "a refused check writes nothing");
  }

  @Test
  void badInputIsOneLineBeforeAnyWork() throws Exception {
    String l = lib.toString();
    refused(check(), "--library", "one evolved library", "got 0");
    refused(check("--library", l, "--library", l), "--library", "got 2");
    refused(check("--library", dir.toString()), "not an evolved library", "evolve.json");
    refused(check("--library", l, "--images", "0"), "--images", ">= 1");
    refused(check("--library", l, "--compensate", "all"), "--compensate", "'all'");
    refused(check("--library", l, "--keep", "best"), "--keep", "'best'", "undominated");
    refused(check("--library", l, "--restrict", "conv_99=s8x8_trunc6"), "--restrict", "conv_99");
    refused(check("--library", l, "--weight-bits", "4,8"), "--weight-bits", "one width");
    Files.writeString(lib.resolve("evolve.json"), "{\"format\": \"axdse-evolve-1\", \"layers\": [{\"layer\": "
        + "\"conv_9\", \"evolved\": [], \"builtin\": []}]}");
    refused(check("--library", l), "--library", "conv_9", "conv_3");
    Files.writeString(lib.resolve("evolve.json"), "{\"format\": \"axdse-evolve-1\", \"layers\": [{\"layer\": "
        + "\"conv_3\", \"evolved\": [{\"name\": \"s8x8_cgp_gone\"}], \"builtin\": []}]}");
    refused(check("--library", l), "--library", "s8x8_cgp_gone", "not in the library");
    Files.writeString(lib.resolve("evolve.json"), "{\"format\": \"axdse-evolve-1\", \"layers\": [{\"layer\": "
        + "\"conv_3\", \"evolved\": [{\"name\": \"u8x8_trunc6\"}], \"builtin\": []}]}");
    refused(check("--library", l), "--library", "u8x8_trunc6", "u8x8", "s8x8");
    Files.writeString(lib.resolve("evolve.json"), "{\"format\": \"other\"}");
    refused(check("--library", l), "evolve.json", "format");
  }

  @Test
  void aNonEmptyOutputDirectoryIsRefusedAndKept() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("mine.txt"), "keep me");
    InProcess.oneLine(check("--library", lib.toString()), "out", "not empty");
    assertEquals("keep me", Files.readString(out.resolve("mine.txt")));
    assertEquals(1, Files.list(out).count());
  }
}
