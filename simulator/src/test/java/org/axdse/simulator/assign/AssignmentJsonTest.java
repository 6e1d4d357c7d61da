package org.axdse.simulator.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and writing assignment files: round trip, one-line errors naming the file, and a seeded fuzz. */
class AssignmentJsonTest {
  static final String VALID = """
      {"layers": {"conv1": "u8x8_trunc4", "3": "u8x8_bam_h2v5",
                  "fc": ["u8x8_exact", "u8x8_trunc2", "u8x8_exact"]}}
      """;

  @TempDir Path dir;

  @Test
  void readsLayersByNameAndIndexAndRoundTrips() throws Exception {
    Path f = dir.resolve("a.json");
    Files.writeString(f, VALID);
    Assignment a = AssignmentJson.read(f);
    assertEquals(new LayerAssignment.Uniform("u8x8_trunc4"), a.layers().get("conv1"));
    assertEquals(List.of("u8x8_exact", "u8x8_trunc2", "u8x8_exact"),
        ((LayerAssignment.PerChannel) a.layers().get("fc")).multipliers());
    assertEquals(List.of("conv1", "3", "fc"), List.copyOf(a.layers().keySet()));
    Path g = dir.resolve("b.json");
    AssignmentJson.write(a, g);
    assertEquals(a, AssignmentJson.read(g));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"layers\": {\"c\": \"x\",}}|bad.json:1:",
      "[1, 2]|expected a JSON object",
      "{\"layer\": {}}|unknown key 'layer'",
      "{\"layers\": []}|must be an object",
      "{\"layers\": {\"c\": 3}}|layer 'c': expected a multiplier name",
      "{\"layers\": {\"c\": []}}|per-channel list is empty",
      "{\"layers\": {\"c\": [\"a\", 1]}}|per-channel entries must be multiplier names",
      "{\"layers\": {\"c\": \"  \"}}|multiplier name is blank",
      "{\"layers\": {\"c\": \"a\", \"c\": \"b\"}}|Duplicate field 'c'",
      "|empty JSON document"})
  void badFilesFailWithOneLineNamingTheFile(String content, String expected) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, content == null ? "" : content);
    BadInputException e = assertThrows(BadInputException.class, () -> AssignmentJson.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void missingFile() {
    BadInputException e = assertThrows(BadInputException.class, () -> AssignmentJson.read(dir.resolve("no.json")));
    assertTrue(e.getMessage().contains("no such file"));
  }

  /** 1,000 seeded mutations of a valid file: each parses or fails with a BadInputException, nothing else. */
  @Test
  void fuzzedFilesParseOrFailCleanly() {
    Random rnd = new Random(2024);
    byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
    byte[] alphabet = "{}[]\",: \\0123456789abcxyz_\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    int parsed = 0;
    int rejected = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      byte[] b = mutate(valid, rnd, alphabet);
      try {
        AssignmentJson.parse(Path.of("fuzz.json"), b);
        parsed++;
      } catch (BadInputException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        rejected++;
      }
    }
    assertEquals(1000, parsed + rejected);
    assertTrue(rejected > 0 && parsed > 0, parsed + " parsed, " + rejected + " rejected");
    assertTrue(System.nanoTime() - start < 60_000_000_000L, "bounded time");
  }

  static byte[] mutate(byte[] in, Random rnd, byte[] alphabet) {
    byte[] b = in.clone();
    switch (rnd.nextInt(4)) {
      case 0 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
      case 1 -> {
        for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
          int p = rnd.nextInt(b.length);
          b[p] = (byte) (b[p] ^ (1 << rnd.nextInt(8)));
        }
      }
      case 2 -> {
        for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) {
          b[rnd.nextInt(b.length)] = alphabet[rnd.nextInt(alphabet.length)];
        }
      }
      default -> {
        int p = rnd.nextInt(b.length);
        int q = rnd.nextInt(b.length);
        byte[] out = new byte[b.length + Math.abs(q - p)];
        System.arraycopy(b, 0, out, 0, p);
        System.arraycopy(b, Math.min(p, q), out, p, Math.abs(q - p));
        System.arraycopy(b, p, out, p + Math.abs(q - p), b.length - p);
        b = out;
      }
    }
    return b;
  }
}
