package org.axdse.explorer.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.io.FileFormat;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.ProductTable;
import org.axdse.multipliers.table.Signedness;
import org.axdse.simulator.data.CifarFiles;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.IdxFiles;
import org.axdse.simulator.data.NpyDatasets;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.model.FloatExecutor;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing, 1,000 cases per kind, of the binary and text inputs read at library level: ONNX models,
 * product tables ({@code .bin}, {@code .csv}, {@code .npy}), Verilog netlists, IDX (raw and gzip), CIFAR-10
 * batches and {@code .npy} data sets. A file that still loads is valid when it survives a round trip through
 * the project's writer (tables), runs (models), or holds at least one image whose label is one of its classes
 * (data sets); a file whose length no longer matches its header must not load.
 */
class BinaryInputsFuzzTest {
  @TempDir Path dir;

  @Test
  void onnx() throws IOException {
    byte[] valid = Samples.onnx(dir.resolve("valid.onnx"));
    Path f = dir.resolve("fuzz.onnx");
    SplittableRandom r = new SplittableRandom(101);
    try (Fuzzer z = new Fuzzer("ONNX model")) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        z.run(ByteMutations.mutate(valid, r, 64, false), f, f, OnnxImporter::load, (Model m) ->
            FloatExecutor.of(m).run(new float[m.input().shape().size()], 1));
      }
      z.finish();
    }
  }

  @Test
  void tableBin() {
    table(FileFormat.BIN, MultiplierFormat.unsigned8x8(), 102);
  }

  @Test
  void tableCsv() {
    table(FileFormat.CSV, MultiplierFormat.of(2, Signedness.SIGNED), 103);
  }

  @Test
  void tableNpy() {
    table(FileFormat.NPY, MultiplierFormat.of(2, Signedness.SIGNED), 104);
  }

  private void table(FileFormat kind, MultiplierFormat format, long seed) {
    Path f = dir.resolve("fuzz." + kind.extension());
    byte[] valid = MultiplierFiles.encode(Multiplier.ofTable("fuzz", "", ProductTable.exact(format)), kind, f);
    boolean exactSize = kind != FileFormat.CSV;
    SplittableRandom r = new SplittableRandom(seed);
    try (Fuzzer z = new Fuzzer("table ." + kind.extension())) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        z.run(ByteMutations.mutate(valid, r, 128, exactSize), f, f, p -> MultiplierFiles.read(p, format),
            m -> roundTrips(m, kind, f));
      }
      z.finish();
    }
  }

  @Test
  void verilog() throws IOException {
    byte[] valid = Samples.resource("mul8x2.v");
    Path f = dir.resolve("fuzz.v");
    MultiplierFormat format = MultiplierFormat.of(2, Signedness.SIGNED);
    Fuzzer.write(f, valid);
    assertTrue(MultiplierFiles.read(f, format).table().isExact(), "the sample is an exact 8x2 multiplier");
    SplittableRandom r = new SplittableRandom(105);
    try (Fuzzer z = new Fuzzer("Verilog netlist")) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        z.run(ByteMutations.mutate(valid, r, valid.length, false), f, f, p -> MultiplierFiles.read(p, format),
            m -> roundTrips(m, FileFormat.BIN, dir.resolve("back.bin")));
      }
      z.finish();
    }
  }

  /** The loaded multiplier's table written by the project's writer reads back unchanged. */
  private static void roundTrips(Multiplier m, FileFormat kind, Path target) {
    byte[] again = MultiplierFiles.encode(Multiplier.ofTable(m.name(), "", m.table()), kind, target);
    Multiplier back = MultiplierFiles.parse(target, again, kind, null, m.format());
    assertArrayEquals(m.table().toArray(), back.table().toArray());
  }

  @Test
  void idxRaw() {
    idx(false, 106);
  }

  @Test
  void idxGzip() {
    idx(true, 107);
  }

  private void idx(boolean gzip, long seed) {
    byte[] im = Samples.idxImages(10, 6, 5);
    byte[] lb = Samples.idxLabels(10);
    Path pi = dir.resolve(gzip ? "im.idx.gz" : "im.idx");
    Path pl = dir.resolve(gzip ? "lb.idx.gz" : "lb.idx");
    SplittableRandom r = new SplittableRandom(seed);
    try (Fuzzer z = new Fuzzer(gzip ? "IDX (gzip)" : "IDX")) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        boolean images = r.nextBoolean();
        byte[] target = images ? im : lb;
        Mutation m;
        if (gzip && r.nextInt(3) == 0) {
          m = ByteMutations.mutate(Samples.gzip(target), r, 10, false);
        } else {
          Mutation raw = ByteMutations.mutate(target, r, images ? 16 : 8, true);
          m = new Mutation(gzip ? Samples.gzip(raw.bytes()) : raw.bytes(), raw.description(), raw.mustFail());
        }
        byte[] other = images ? lb : im;
        Fuzzer.write(images ? pl : pi, gzip ? Samples.gzip(other) : other);
        Path mutated = images ? pi : pl;
        z.run(m, mutated, mutated, p -> IdxFiles.load(pi, pl, "fuzz", null), BinaryInputsFuzzTest::validDataset);
      }
      z.finish();
    }
  }

  @Test
  void cifar() {
    byte[] valid = Samples.cifar(3);
    Path f = dir.resolve("test_batch.bin");
    SplittableRandom r = new SplittableRandom(108);
    try (Fuzzer z = new Fuzzer("CIFAR-10 binary")) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        Mutation m = ByteMutations.mutate(valid, r, 3073, false);
        int length = m.bytes().length;
        Mutation judged = new Mutation(m.bytes(), m.description(), m.mustFail() || length % 3073 != 0
            || length == 0);
        z.run(judged, f, f, p -> CifarFiles.load(p, Split.TEST), BinaryInputsFuzzTest::validDataset);
      }
      z.finish();
    }
  }

  @Test
  void npyData() {
    byte[] pixels = new byte[4 * 4 * 4 * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 7);
    }
    byte[] im = Samples.npy("|u1", "(4, 4, 4, 3)", pixels);
    byte[] lb = Samples.npy("<i8", "(4,)", new byte[] {2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
        0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0});
    Path pi = dir.resolve("x.npy");
    Path pl = dir.resolve("y.npy");
    SplittableRandom r = new SplittableRandom(109);
    try (Fuzzer z = new Fuzzer("npy data set")) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        boolean images = r.nextBoolean();
        Mutation m = ByteMutations.mutate(images ? im : lb, r, 80, true);
        Fuzzer.write(images ? pl : pi, images ? lb : im);
        Path mutated = images ? pi : pl;
        z.run(m, mutated, mutated, p -> NpyDatasets.load(pi, pl), BinaryInputsFuzzTest::validDataset);
      }
      z.finish();
    }
  }

  private static void validDataset(Dataset d) {
    assertTrue(d.size() > 0, "no images");
    for (int i = 0; i < d.size(); i++) {
      assertTrue(d.label(i) >= 0 && d.label(i) < d.classCount(), "label " + d.label(i));
    }
  }
}
