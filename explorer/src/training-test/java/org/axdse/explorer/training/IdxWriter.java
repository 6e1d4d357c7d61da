package org.axdse.explorer.training;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.axdse.simulator.data.Dataset;

/** Writes a data set as gzip-compressed IDX files {@code PREFIX-images-idx3-ubyte.gz} and labels, for tests. */
public final class IdxWriter {
  private IdxWriter() {}

  public static void write(Path dir, String prefix, Dataset data) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
        Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte.gz"))))) {
      out.writeInt(0x803);
      out.writeInt(data.size());
      out.writeInt(data.height());
      out.writeInt(data.width());
      for (int i = 0; i < data.size(); i++) {
        out.write(data.image(i));
      }
    }
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
        Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte.gz"))))) {
      out.writeInt(0x801);
      out.writeInt(data.size());
      for (int label : data.labels()) {
        out.writeByte(label);
      }
    }
  }
}
