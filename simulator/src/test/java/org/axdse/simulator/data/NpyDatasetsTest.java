package org.axdse.simulator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyDatasetsTest {
  @TempDir Path dir;

  private Path labels(int... values) {
    return TestFiles.write(dir, "y.npy", TestFiles.npy("<i8", new long[] {values.length}, TestFiles.int64Le(values)));
  }

  private Path images(String descr, long[] shape, byte[] data) {
    return TestFiles.write(dir, "x.npy", TestFiles.npy(descr, shape, data));
  }

  @Test
  void readsNchwAsIs() {
    byte[] px = TestFiles.pattern(2, 3 * 5 * 5);
    Dataset d = NpyDatasets.load(images("|u1", new long[] {2, 3, 5, 5}, px), labels(1, 0));
    assertEquals(3, d.channels());
    assertArrayEquals(new int[] {1, 0}, d.labels());
    assertEquals(px[75 + (2 * 5 + 4) * 5 + 1] & 0xFF, d.pixel(1, 2, 4, 1));
  }

  @Test
  void transposesNhwcToChw() {
    // image i, pixel (y, x), channel c stored at ((i*H + y)*W + x)*C + c in NHWC
    int n = 2;
    int h = 5;
    int w = 6;
    int c = 3;
    byte[] px = TestFiles.pattern(1, n * h * w * c);
    Dataset d = NpyDatasets.load(images("|u1", new long[] {n, h, w, c}, px), labels(0, 1));
    assertEquals(3, d.channels());
    assertEquals(5, d.height());
    assertEquals(6, d.width());
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int ch = 0; ch < c; ch++) {
            assertEquals(px[((i * h + y) * w + x) * c + ch] & 0xFF, d.pixel(i, ch, y, x));
          }
        }
      }
    }
  }

  @Test
  void readsGreyNhwAndBigEndianLabels() {
    byte[] be = ByteBuffer.allocate(6).putShort((short) 2).putShort((short) 7).putShort((short) 0).array();
    Path y = TestFiles.write(dir, "y.npy", TestFiles.npy(">u2", new long[] {3}, be));
    Dataset d = NpyDatasets.load(images("|u1", new long[] {3, 2, 2}, new byte[12]), y);
    assertArrayEquals(new int[] {2, 7, 0}, d.labels());
    assertEquals(1, d.channels());
    assertEquals(8, d.classCount());
  }

  @Test
  void badArraysAreNamed() {
    Path y = labels(0, 1);
    assertMessage(() -> NpyDatasets.load(images("<f4", new long[] {2, 1, 1}, new byte[8]), y),
        "x.npy: images must be uint8");
    assertMessage(() -> NpyDatasets.load(images("|u1", new long[] {2, 4}, new byte[8]), y), "expected (N, H, W)");
    assertMessage(() -> NpyDatasets.load(images("|u1", new long[] {3, 1, 1}, new byte[3]), y),
        "y.npy: label array has shape (2,); expected (3,)");
    assertMessage(() -> NpyDatasets.load(images("|u1", new long[] {2, 1, 1}, new byte[2]), labels(0, -1)),
        "label -1 at index 1");
    // 10^12 elements claimed by a 100-byte file: rejected before any allocation of that size.
    assertMessage(() -> NpyDatasets.load(images("|u1", new long[] {1_000_000, 1000, 1000}, new byte[20]), y),
        "too large");
    assertMessage(() -> NpyDatasets.load(images("|u1", new long[] {2, 3, 3}, new byte[17]), y),
        "data has 17 bytes, shape [2, 3, 3] of |u1 needs 18");
    Path floatLabels = TestFiles.write(dir, "f.npy", TestFiles.npy("<f8", new long[] {2}, new byte[16]));
    assertMessage(() -> NpyDatasets.load(images("|u1", new long[] {2, 1, 1}, new byte[2]), floatLabels),
        "f.npy: labels must be integers, got dtype '<f8'");
    Path notNpy = TestFiles.write(dir, "z.npy", "hello".getBytes());
    assertMessage(() -> NpyDatasets.load(notNpy, y), "z.npy: not an .npy file");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    BadInputException e = assertThrows(BadInputException.class, call);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
