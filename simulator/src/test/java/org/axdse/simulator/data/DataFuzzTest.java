package org.axdse.simulator.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of every loader: 1,000 mutations of valid files per format. Each case must end in a dataset or
 * a {@link BadInputException}; any other exception or error (including an out-of-memory from a huge allocation
 * under the 2 GB test heap) fails. The timeout guards against hangs only.
 */
@Timeout(300)
class DataFuzzTest {
  private static final int CASES = 1000;
  @TempDir Path dir;

  private int loaded;
  private int rejected;

  @Test
  void idxRaw() {
    fuzzIdx(false, 1);
  }

  @Test
  void idxGzip() {
    fuzzIdx(true, 2);
  }

  private void fuzzIdx(boolean gzip, long seed) {
    byte[] im = TestFiles.idxImages(10, 6, 5, TestFiles.pattern(10, 30));
    byte[] lb = TestFiles.idxLabels(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    SplittableRandom r = new SplittableRandom(seed);
    for (int c = 0; c < CASES; c++) {
      boolean imagesSide = r.nextBoolean();
      byte[] target = imagesSide ? im : lb;
      byte[] mutated;
      if (gzip && r.nextInt(3) == 0) {
        mutated = mutate(TestFiles.gzip(target), r);
      } else {
        mutated = mutate(target, r);
        mutated = gzip ? TestFiles.gzip(mutated) : mutated;
      }
      byte[] other = gzip ? TestFiles.gzip(imagesSide ? lb : im) : imagesSide ? lb : im;
      Path pi = TestFiles.write(dir, "im", imagesSide ? mutated : other);
      Path pl = TestFiles.write(dir, "lb", imagesSide ? other : mutated);
      run("idx gzip=" + gzip, c, () -> IdxFiles.load(pi, pl, "f", null));
    }
    assertBothOutcomes();
  }

  @Test
  void cifar() {
    byte[] valid = TestFiles.cifar(new int[] {3, 9, 0}, TestFiles.pattern(3, CifarFiles.IMAGE_BYTES));
    SplittableRandom r = new SplittableRandom(3);
    for (int c = 0; c < CASES; c++) {
      byte[] m = r.nextInt(4) == 0 ? mutateAt(valid, r, 3073 * r.nextInt(3), 1) : mutate(valid, r);
      Path f = TestFiles.write(dir, "test_batch.bin", m);
      if (r.nextInt(10) == 0) {
        TestFiles.write(dir, "batches.meta.txt", mutate("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n".getBytes(), r));
      }
      run("cifar", c, () -> CifarFiles.load(r.nextBoolean() ? f : dir, Split.TEST));
    }
    assertBothOutcomes();
  }

  @Test
  void npy() {
    byte[] im = TestFiles.npy("|u1", new long[] {4, 4, 4, 3}, TestFiles.pattern(4, 48));
    byte[] lb = TestFiles.npy("<i8", new long[] {4}, TestFiles.int64Le(new int[] {2, 0, 1, 2}));
    SplittableRandom r = new SplittableRandom(4);
    byte[] alphabet = "0123456789,() '{}:<>|=iufTrueFalse".getBytes(StandardCharsets.US_ASCII);
    for (int c = 0; c < CASES; c++) {
      boolean imagesSide = r.nextBoolean();
      byte[] target = imagesSide ? im : lb;
      byte[] m;
      if (r.nextBoolean()) {
        m = target.clone();
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
          m[10 + r.nextInt(60)] = alphabet[r.nextInt(alphabet.length)];
        }
      } else {
        m = mutate(target, r);
      }
      Path pi = TestFiles.write(dir, "x.npy", imagesSide ? m : im);
      Path pl = TestFiles.write(dir, "y.npy", imagesSide ? lb : m);
      run("npy", c, () -> NpyDatasets.load(pi, pl));
    }
    assertBothOutcomes();
  }

  private void run(String format, int c, Supplier<Dataset> load) {
    try {
      Dataset d = load.get();
      assertTrue(d.size() > 0);
      loaded++;
    } catch (BadInputException e) {
      assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"));
      rejected++;
    } catch (Throwable t) {
      fail(format + " case " + c + ": " + t, t);
    }
  }

  /** Mutations must exercise both paths, or the fuzzer is not testing anything. */
  private void assertBothOutcomes() {
    assertTrue(loaded > 0 && rejected > 0, "loaded " + loaded + ", rejected " + rejected);
  }

  /** One of: flip bytes (mostly in the header), overwrite a header int, truncate, or append bytes. */
  static byte[] mutate(byte[] valid, SplittableRandom r) {
    switch (r.nextInt(5)) {
      case 0:
        return mutateAt(valid, r, 0, Math.min(valid.length, 24));
      case 1:
        return mutateAt(valid, r, 0, valid.length);
      case 2: {
        byte[] m = valid.clone();
        int off = 4 * r.nextInt(Math.min(valid.length, 24) / 4);
        int[] nasty = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000_000, 1 << 20, r.nextInt()};
        int v = nasty[r.nextInt(nasty.length)];
        for (int k = 0; k < 4 && off + k < m.length; k++) {
          m[off + k] = (byte) (v >>> (24 - 8 * k));
        }
        return m;
      }
      case 3:
        return Arrays.copyOf(valid, r.nextInt(valid.length));
      default: {
        byte[] m = Arrays.copyOf(valid, valid.length + 1 + r.nextInt(4000));
        for (int k = valid.length; k < m.length; k++) {
          m[k] = (byte) r.nextInt(256);
        }
        return m;
      }
    }
  }

  /** Sets 1 to 4 random bytes within {@code [from, from + span)} to random values. */
  static byte[] mutateAt(byte[] valid, SplittableRandom r, int from, int span) {
    byte[] m = valid.clone();
    for (int k = 1 + r.nextInt(4); k > 0; k--) {
      m[from + r.nextInt(Math.max(1, span))] = (byte) r.nextInt(256);
    }
    return m;
  }
}
