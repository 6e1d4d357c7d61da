package org.axdse.simulator.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
  @TempDir Path dir;

  private static final int[] LABELS = {3, 1, 4, 1, 5};

  private Dataset load(byte[] images, byte[] labels) {
    return IdxFiles.load(TestFiles.write(dir, "im", images), TestFiles.write(dir, "lb", labels), "t", null);
  }

  @Test
  void readsRawAndGzipAlike() {
    byte[] pixels = TestFiles.pattern(5, 12);
    byte[] im = TestFiles.idxImages(5, 3, 4, pixels);
    byte[] lb = TestFiles.idxLabels(LABELS);
    for (boolean gz : new boolean[] {false, true}) {
      Dataset d = gz ? load(TestFiles.gzip(im), TestFiles.gzip(lb)) : load(im, lb);
      assertEquals(5, d.size());
      assertEquals(1, d.channels());
      assertEquals(3, d.height());
      assertEquals(4, d.width());
      assertArrayEquals(LABELS, d.labels());
      assertArrayEquals(Arrays.copyOfRange(pixels, 24, 36), d.image(2));
      // no class names given: classes 0..max label = 0..5
      assertEquals(6, d.classCount());
    }
  }

  @Test
  void wrongMagicIsNamed() {
    byte[] lb = TestFiles.idxLabels(LABELS);
    BadInputException e = assertThrows(BadInputException.class, () -> load(lb, lb));
    assertTrue(e.getMessage().contains("im: not an IDX image file: magic 0x00000801"), e.getMessage());
    assertTrue(e.getMessage().contains("(this is a label file)"), e.getMessage());
  }

  @Test
  void countMismatchIsNamed() {
    byte[] im = TestFiles.idxImages(5, 3, 4, TestFiles.pattern(5, 12));
    BadInputException e = assertThrows(BadInputException.class,
        () -> load(im, TestFiles.idxLabels(new int[] {1, 2, 3})));
    assertTrue(e.getMessage().contains("3 labels but"), e.getMessage());
  }

  @Test
  void truncatedFilesAreNamed() {
    byte[] im = TestFiles.idxImages(5, 3, 4, TestFiles.pattern(5, 12));
    byte[] cut = Arrays.copyOf(im, im.length - 1);
    byte[] lb = TestFiles.idxLabels(LABELS);
    BadInputException raw = assertThrows(BadInputException.class, () -> load(cut, lb));
    assertTrue(raw.getMessage().contains("(76 bytes) but the file has 75 bytes"), raw.getMessage());
    BadInputException gz = assertThrows(BadInputException.class, () -> load(TestFiles.gzip(cut), lb));
    assertTrue(gz.getMessage().contains("truncated: 5 images of 3x4 needs 60 bytes, found 59"), gz.getMessage());
    assertThrows(BadInputException.class, () -> load(Arrays.copyOf(im, 10), lb));
  }

  @Test
  void hugeClaimsFailWithoutAllocating() {
    // 2^30 images of 2^10 x 2^10 is 2^50 bytes: rejected from the header alone, raw or gzip.
    byte[] header = ByteBuffer.allocate(16).putInt(IdxFiles.IMAGES_MAGIC).putInt(1 << 30).putInt(1024)
        .putInt(1024).array();
    byte[] lb = TestFiles.idxLabels(LABELS);
    assertTrue(assertThrows(BadInputException.class, () -> load(header, lb)).getMessage().contains("too large"));
    assertThrows(BadInputException.class, () -> load(TestFiles.gzip(header), lb));
    // A claim that fits in an array (2000 MB) but not in the gzip stream: the buffer grows only with real data.
    byte[] big = ByteBuffer.allocate(16).putInt(IdxFiles.IMAGES_MAGIC).putInt(2000).putInt(1000).putInt(1000)
        .array();
    BadInputException e = assertThrows(BadInputException.class, () -> load(TestFiles.gzip(big), lb));
    assertTrue(e.getMessage().contains("found 0"), e.getMessage());
  }

  @Test
  void trailingBytesAreRejected() {
    byte[] lb = TestFiles.idxLabels(LABELS);
    byte[] longer = Arrays.copyOf(lb, lb.length + 3);
    byte[] im = TestFiles.idxImages(5, 3, 4, TestFiles.pattern(5, 12));
    assertThrows(BadInputException.class, () -> load(im, longer));
    assertThrows(BadInputException.class, () -> load(im, TestFiles.gzip(longer)));
  }

  @Test
  void findsTheUsualFileNames() {
    TestFiles.write(dir, "train-images.idx3-ubyte", new byte[0]);
    TestFiles.write(dir, "t10k-labels-idx1-ubyte.gz", new byte[0]);
    assertEquals(dir.resolve("train-images.idx3-ubyte"), IdxFiles.find(dir, Split.TRAIN, "images"));
    assertEquals(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.find(dir, Split.TEST, "labels"));
    BadInputException e = assertThrows(BadInputException.class, () -> IdxFiles.find(dir, Split.TEST, "images"));
    assertTrue(e.getMessage().contains("no t10k-images-idx3-ubyte[.gz] for the test split"), e.getMessage());
  }

  @Test
  void loadsTheDebianFashionMnist() {
    // dataset-fashion-mnist is installed by scripts/setup. Fashion-MNIST has 6,000 training and 1,000 test
    // images of each of its 10 classes, 28x28 grey (Xiao et al. 2017).
    Dataset test = DatasetSpec.parse("fashion-mnist").load(Split.TEST);
    assertEquals(10_000, test.size());
    assertEquals(28, test.height());
    assertEquals(28, test.width());
    assertEquals("Ankle boot", test.classNames().get(9));
    int[] expected = new int[10];
    Arrays.fill(expected, 1000);
    assertArrayEquals(expected, test.classCounts());
    Dataset train = DatasetSpec.parse("fashion-mnist:" + DebianDatasets.fashionMnistDir()).load(Split.TRAIN);
    Arrays.fill(expected, 6000);
    assertArrayEquals(expected, train.classCounts());
    assertEquals("fashion-mnist/train", train.name());
  }

  @Test
  void bundledSubsetIsTheHeadOfTheDebianTestSet() {
    Path found = null;
    for (Path d = Path.of("").toAbsolutePath(); d != null && found == null; d = d.getParent()) {
      Path c = d.resolve("data/fashion-mnist-test-2000");
      found = java.nio.file.Files.isDirectory(c) ? c : null;
    }
    org.junit.jupiter.api.Assertions.assertNotNull(found, "data/fashion-mnist-test-2000 not found");
    Path bundled = found;
    Dataset head = DatasetSpec.parse("fashion-mnist:" + bundled).load(Split.TEST);
    Dataset full = DatasetSpec.parse("fashion-mnist").load(Split.TEST).limit(2000);
    assertEquals(2000, head.size());
    assertArrayEquals(full.labels(), head.labels());
    for (int i = 0; i < 2000; i += 199) {
      assertArrayEquals(full.image(i), head.image(i), "image " + i);
    }
    assertTrue(assertThrows(BadInputException.class, () -> DatasetSpec.parse("fashion-mnist:" + bundled)
        .load(Split.TRAIN)).getMessage().contains("no train-images-idx3-ubyte[.gz] for the train split"));
  }
}
