package org.axdse.simulator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarFilesTest {
  @TempDir Path dir;

  @Test
  void readsRecordsAsChw() {
    byte[] pixels = TestFiles.pattern(3, CifarFiles.IMAGE_BYTES);
    TestFiles.write(dir, "test_batch.bin", TestFiles.cifar(new int[] {9, 0, 4}, pixels));
    Dataset d = DatasetSpec.parse("cifar10:" + dir).load(Split.TEST);
    assertArrayEquals(new int[] {9, 0, 4}, d.labels());
    assertEquals(3, d.channels());
    // the green plane starts at byte 1024 of the record's pixels: (c=1, y=0, x=0) of image 2
    assertEquals(pixels[2 * 3072 + 1024] & 0xFF, d.pixel(2, 1, 0, 0));
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classNames());
  }

  @Test
  void trainSplitConcatenatesTheBatchesThatExist() {
    TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifar(new int[] {1}, TestFiles.pattern(1, 3072)));
    TestFiles.write(dir, "data_batch_3.bin", TestFiles.cifar(new int[] {2, 3}, TestFiles.pattern(2, 3072)));
    assertArrayEquals(new int[] {1, 2, 3}, CifarFiles.load(dir, Split.TRAIN).labels());
    BadInputException e = assertThrows(BadInputException.class, () -> CifarFiles.load(dir, Split.TEST));
    assertTrue(e.getMessage().contains("no CIFAR-10 test batch (test_batch.bin)"), e.getMessage());
  }

  @Test
  void badFilesAreNamed() {
    Path odd = TestFiles.write(dir, "test_batch.bin", new byte[3074]);
    BadInputException size = assertThrows(BadInputException.class, () -> CifarFiles.load(odd, Split.TEST));
    assertTrue(size.getMessage().contains("size 3074 bytes is not a positive multiple of the 3073-byte"),
        size.getMessage());
    byte[] rec = TestFiles.cifar(new int[] {1, 10}, new byte[2 * 3072]);
    Path badLabel = TestFiles.write(dir, "b.bin", rec);
    BadInputException label = assertThrows(BadInputException.class, () -> CifarFiles.load(badLabel, Split.TEST));
    assertTrue(label.getMessage().endsWith("b.bin: record 1 (byte offset 3073) has label 10, expected 0 to 9"),
        label.getMessage());
    TestFiles.write(dir, "batches.meta.txt", "a\nb\n".getBytes());
    BadInputException meta = assertThrows(BadInputException.class, () -> CifarFiles.load(dir, Split.TEST));
    assertTrue(meta.getMessage().contains("batches.meta.txt: 2 class names, expected 10"), meta.getMessage());
  }

  @Test
  void loadsTheSharedTestBatch() throws Exception {
    Path shared = TestFiles.sharedCifar();
    assertNotNull(shared, "shared/cifar10 not found above " + Path.of("").toAbsolutePath());
    Dataset test = DatasetSpec.parse("cifar10:" + shared).load(Split.TEST);
    // shared/cifar10/README.md: 10,000 test images, sorted by label, 1,000 per class.
    assertEquals(10_000, test.size());
    int[] thousand = new int[10];
    Arrays.fill(thousand, 1000);
    assertArrayEquals(thousand, test.classCounts());
    assertEquals(0, test.label(999));
    assertEquals(1, test.label(1000));
    assertEquals(Files.readAllLines(shared.resolve("batches.meta.txt")).stream().map(String::strip)
        .filter(s -> !s.isEmpty()).toList(), test.classNames());
    byte[] raw = Files.readAllBytes(shared.resolve("test_batch.bin"));
    assertArrayEquals(Arrays.copyOfRange(raw, 1234 * 3073 + 1, 1235 * 3073), test.image(1234));
    assertEquals(10_000, CifarFiles.load(shared, Split.TRAIN).size());
  }
}
