package org.axdse.explorer.training;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.axdse.explorer.training.data.LabeledImages;

/** Writes gzip-compressed IDX image and label files, for tests. */
public final class IdxFiles {
  private IdxFiles() {}

  public static void write(Path dir, String prefix, LabeledImages data) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
        Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte.gz"))))) {
      out.writeInt(0x803);
      out.writeInt(data.count());
      out.writeInt(data.rows());
      out.writeInt(data.cols());
      out.write(data.pixels());
    }
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
        Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte.gz"))))) {
      out.writeInt(0x801);
      out.writeInt(data.count());
      for (int label : data.labels()) {
        out.writeByte(label);
      }
    }
  }
}
