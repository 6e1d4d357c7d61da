package org.axdse.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.axdse.explorer.training.data.FashionMnist;
import org.axdse.explorer.training.data.LabeledImages;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

  @Test
  void readsTheBundledTestSubset() {
    LabeledImages test = FashionMnist.test(RepoFiles.find("data/fashion-mnist-test-2000"));
    assertEquals(2000, test.count());
    assertEquals(28, test.rows());
    int[] perClass = new int[10];
    for (int label : test.labels()) {
      perClass[label]++;
    }
    for (int n : perClass) {
      assertTrue(n > 100, "a class is nearly missing from the first 2,000 test images");
    }
  }

  @Test
  void roundTripsWrittenIdx(@TempDir Path dir) throws IOException {
    LabeledImages images = Synthetic.images(5, 1);
    IdxFiles.write(dir, "t10k", images);
    LabeledImages read = FashionMnist.test(dir);
    assertEquals(5, read.count());
    assertEquals(java.util.Arrays.toString(images.labels()), java.util.Arrays.toString(read.labels()));
    assertEquals(java.util.Arrays.toString(images.pixels()), java.util.Arrays.toString(read.pixels()));
  }

  @Test
  void rejectsABadMagicNumberWithTheFileName(@TempDir Path dir) throws IOException {
    IdxFiles.write(dir, "t10k", Synthetic.images(3, 1));
    Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(images))) {
      out.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 3});
    }
    BadInputException e = assertThrows(BadInputException.class, () -> FashionMnist.test(dir));
    assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz"), e.getMessage());
  }

  @Test
  void rejectsTruncatedPixels(@TempDir Path dir) throws IOException {
    IdxFiles.write(dir, "t10k", Synthetic.images(3, 1));
    Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
    try (var out = new java.io.DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
      out.writeInt(0x803);
      out.writeInt(3);
      out.writeInt(28);
      out.writeInt(28);
      out.write(new byte[100]);
    }
    BadInputException e = assertThrows(BadInputException.class, () -> FashionMnist.test(dir));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void rejectsAnUnknownDataSpec() {
    assertThrows(BadInputException.class, () -> FashionMnist.directory("mnist"));
    assertEquals(Path.of("/x"), FashionMnist.directory("fashion-mnist:/x"));
  }
}
