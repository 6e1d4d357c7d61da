package org.axdse.simulator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  /** 20 images of 2x3x4, image i labelled i mod 5, pixel values from TestFiles.pattern. */
  private static Dataset sample() {
    int[] labels = new int[20];
    Arrays.setAll(labels, i -> i % 5);
    return Dataset.of("t", "mem", 2, 3, 4, TestFiles.pattern(20, 24), labels, Dataset.numberedClasses(5));
  }

  @Test
  void splitMix64MatchesPublishedSequence() {
    // Reference outputs of SplitMix64 for seed 1234567 (Rosetta Code, "Pseudo-random numbers/Splitmix64").
    SplitMix64 r = new SplitMix64(1234567);
    long[] expected = {6457827717110365317L, 3203168211198807973L, Long.parseUnsignedLong("9817491932198370423"),
        4593380528125082431L, Long.parseUnsignedLong("16408922859458223821")};
    for (long e : expected) {
      assertEquals(e, r.nextLong());
    }
  }

  @Test
  void pixelsAreChwPerImage() {
    Dataset d = sample();
    // pattern: value (7*i + 3*k) mod 256 with k = (c*3 + y)*4 + x; image 5, c=1, y=2, x=3 -> k = 23 -> 35+69.
    assertEquals((7 * 5 + 3 * 23) & 0xFF, d.pixel(5, 1, 2, 3));
    byte[] img = d.image(5);
    assertEquals(24, img.length);
    assertEquals((byte) (7 * 5 + 3 * 23), img[23]);
    byte[] buf = new byte[30];
    d.copyImage(5, buf, 6);
    assertArrayEquals(img, Arrays.copyOfRange(buf, 6, 30));
  }

  @Test
  void isImmutable() {
    byte[] pixels = TestFiles.pattern(2, 1);
    int[] labels = {0, 1};
    Dataset d = Dataset.of("t", "mem", 1, 1, 1, pixels, labels, List.of("a", "b"));
    pixels[0] = 99;
    labels[0] = 1;
    d.image(0)[0] = 42;
    d.labels()[0] = 1;
    assertEquals(0, d.pixel(0, 0, 0, 0));
    assertEquals(0, d.label(0));
  }

  @Test
  void rejectsInconsistentContent() {
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of("t", "m", 1, 2, 2, new byte[7], new int[2], List.of("a")));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of("t", "m", 1, 1, 1, new byte[2], new int[] {0, 2}, List.of("a", "b")));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of("t", "m", 1, 1, 1, new byte[0], new int[0], List.of("a")));
  }

  @Test
  void limitKeepsTheFirstImages() {
    Dataset d = sample();
    Dataset l = d.limit(3);
    assertEquals(3, l.size());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(d.image(i), l.image(i));
      assertEquals(d.label(i), l.label(i));
    }
    assertSame(d, d.limit(20));
    assertSame(d, d.limit(100));
  }

  @Test
  void subsetIsDeterministicDistinctAndSorted() {
    int[] a = Dataset.subsetIndices(1000, 100, 42);
    assertArrayEquals(a, Dataset.subsetIndices(1000, 100, 42));
    assertFalse(Arrays.equals(a, Dataset.subsetIndices(1000, 100, 43)));
    assertEquals(100, Arrays.stream(a).distinct().count());
    for (int i = 1; i < a.length; i++) {
      assertTrue(a[i - 1] < a[i]);
    }
    assertTrue(a[0] >= 0 && a[a.length - 1] < 1000);
    // Step i of Fisher-Yates only touches positions >= i, so a smaller subset with the same seed is contained
    // in a larger one.
    int[] larger = Dataset.subsetIndices(1000, 300, 42);
    for (int i : a) {
      assertTrue(Arrays.binarySearch(larger, i) >= 0, "index " + i);
    }
    assertEquals(1000, Dataset.subsetIndices(1000, 5000, 42).length);
  }

  @Test
  void subsetIsRoughlyUniform() {
    // 2000 draws of 1 index out of 10: each index expected 200 times; allow a wide +-80 band.
    int[] hits = new int[10];
    for (long seed = 0; seed < 2000; seed++) {
      hits[Dataset.subsetIndices(10, 1, seed)[0]]++;
    }
    for (int h : hits) {
      assertTrue(h > 120 && h < 280, Arrays.toString(hits));
    }
  }

  @Test
  void subsetCopiesTheChosenImages() {
    Dataset d = sample();
    Dataset s = d.subset(6, 9);
    int[] idx = Dataset.subsetIndices(20, 6, 9);
    assertEquals(6, s.size());
    for (int k = 0; k < 6; k++) {
      assertArrayEquals(d.image(idx[k]), s.image(k));
      assertEquals(d.label(idx[k]), s.label(k));
    }
    assertEquals(20, d.subset(50, 1).size());
  }

  @Test
  void classCountsAddUp() {
    assertArrayEquals(new int[] {4, 4, 4, 4, 4}, sample().classCounts());
  }
}
