package org.axdse.explorer.training.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;

/**
 * The state of a retraining after a finished epoch, written atomically to {@code OUT.retrain/checkpoint.bin}: the
 * settings it was started with (a resume with other settings is refused), the epochs done, the optimizer's step
 * count, and per trainable array its values and AdamW moments (float32, big-endian). Everything else (shuffling,
 * augmentation, learning rate) is a function of the seed and the epoch or step, so a resumed run continues exactly.
 */
final class RetrainCheckpoint {
  private static final int MAGIC = 0x41585254;
  private static final int VERSION = 1;

  private RetrainCheckpoint() {}

  static void write(Path file, String settings, int epochsDone, GraphNet net, AdamW opt) {
    AtomicFiles.write(file, os -> {
      DataOutputStream out = new DataOutputStream(os);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(settings);
      out.writeInt(epochsDone);
      out.writeLong(opt.steps());
      out.writeInt(net.parameters().size());
      for (String name : net.parameters().keySet()) {
        out.writeUTF(name);
        for (NDArray a : new NDArray[] {net.parameters().get(name), opt.firstMoments().get(name),
            opt.secondMoments().get(name)}) {
          float[] v = (a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false)).toFloatArray();
          out.writeInt(v.length);
          for (float f : v) {
            out.writeFloat(f);
          }
        }
      }
      out.flush();
    });
  }

  /** Restores {@code net} and {@code opt} from {@code file}; returns the epochs done. */
  static int read(Path file, String settings, GraphNet net, AdamW opt) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw BadInputException.in(file, "not a retraining checkpoint of this version");
      }
      String saved = in.readUTF();
      if (!saved.equals(settings)) {
        throw BadInputException.in(file, "was written by a retraining with other settings (" + saved
            + "); resume with the same flags, or remove the directory to start afresh");
      }
      int epochs = in.readInt();
      long steps = in.readLong();
      int count = in.readInt();
      Map<String, NDArray> params = net.parameters();
      if (count != params.size()) {
        throw BadInputException.in(file, count + " arrays, the model has " + params.size());
      }
      for (int k = 0; k < count; k++) {
        String name = in.readUTF();
        NDArray p = params.get(name);
        if (p == null) {
          throw BadInputException.in(file, "array " + name + " is not in the model");
        }
        for (NDArray a : new NDArray[] {p, opt.firstMoments().get(name), opt.secondMoments().get(name)}) {
          int n = in.readInt();
          if (n != a.size()) {
            throw BadInputException.in(file, "array " + name + " has " + n + " values, the model " + a.size());
          }
          float[] v = new float[n];
          for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
          }
          a.set(v);
        }
      }
      opt.restore(steps);
      return epochs;
    } catch (IOException e) {
      throw BadInputException.in(file, "cannot read the checkpoint: " + e.getMessage());
    }
  }
}
