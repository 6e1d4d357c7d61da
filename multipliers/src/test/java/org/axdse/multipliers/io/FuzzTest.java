package org.axdse.multipliers.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded fuzzing of the readers: 1,000 mutations (truncation, bit flips, deleted, duplicated or swapped lines) of
 * a valid file per format. Every case must end in a multiplier or a {@link BadInputException}: never another
 * exception, never a hang.
 */
class FuzzTest {
  private static final int CASES = 1000;

  private static byte[] valid(FileFormat f) {
    MultiplierFormat fmt = MultiplierFormat.of(2, Signedness.SIGNED);
    return switch (f) {
      case BIN -> MultiplierFiles.encode(Multiplier.ofTable("f", "", ProductTable.exact(
          MultiplierFormat.unsigned8x8())), f, Path.of("f.bin"));
      case CSV -> MultiplierFiles.encode(Multiplier.ofTable("f", "", ProductTable.exact(fmt)), f, Path.of("f.csv"));
      case NPY -> MultiplierFiles.encode(Multiplier.ofTable("f", "", ProductTable.exact(fmt)), f, Path.of("f.npy"));
      case VERILOG -> TestCircuits.evoApproxStyle("mul8u_FUZZ", 4).getBytes(StandardCharsets.UTF_8);
    };
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void mutatedFilesGiveAResultOrABadInputError(FileFormat format) {
    byte[] base = valid(format);
    Path source = Path.of("fuzz." + format.extension());
    MultiplierFiles.parse(source, base, format, null, null);
    Random rnd = new Random(20240611L + format.ordinal());
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int c = 0; c < CASES; c++) {
        byte[] bytes = mutate(base, rnd);
        try {
          MultiplierFiles.parse(source, bytes, format, null, null);
          outcomes[0]++;
        } catch (BadInputException e) {
          assertTrue(e.getMessage().startsWith(source.toString()), e.getMessage());
          assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
          outcomes[1]++;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          fail("case " + c + " of " + format + " threw " + e, e);
        }
      }
    });
    assertTrue(outcomes[1] > 0, "some mutations must be rejected");
  }

  /** One to three mutations of {@code base}. */
  static byte[] mutate(byte[] base, Random rnd) {
    byte[] b = base;
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      b = switch (rnd.nextInt(5)) {
        case 0 -> Arrays.copyOf(b, rnd.nextInt(b.length + 1));
        case 1 -> flipBits(b, rnd);
        case 2 -> editLines(b, rnd, 0);
        case 3 -> editLines(b, rnd, 1);
        default -> editLines(b, rnd, 2);
      };
    }
    return b;
  }

  private static byte[] flipBits(byte[] b, Random rnd) {
    byte[] out = b.clone();
    int flips = 1 + rnd.nextInt(4);
    for (int i = 0; i < flips && out.length > 0; i++) {
      out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
    }
    return out;
  }

  /** Deletes (0), duplicates (1) or swaps with the next (2) a random line; binary data splits at byte 10. */
  private static byte[] editLines(byte[] b, Random rnd, int op) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        lines.add(Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    lines.add(Arrays.copyOfRange(b, start, b.length));
    if (lines.size() < 2) {
      return b;
    }
    int k = rnd.nextInt(lines.size() - 1);
    switch (op) {
      case 0 -> lines.remove(k);
      case 1 -> lines.add(k, lines.get(k));
      default -> lines.add(k + 1, lines.remove(k));
    }
    int total = lines.stream().mapToInt(l -> l.length).sum();
    byte[] out = new byte[total];
    int at = 0;
    for (byte[] l : lines) {
      System.arraycopy(l, 0, out, at, l.length);
      at += l.length;
    }
    return out;
  }
}
