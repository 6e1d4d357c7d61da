package org.axdse.explorer.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axdse.explorer.cluster.ClusterSecret;
import org.axdse.explorer.encoding.Restrictions;
import org.axdse.explorer.fuzz.JsonMutations.Schema;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.compensation.CompensationFile;
import org.axdse.simulator.data.CifarFiles;
import org.axdse.simulator.data.IdxFiles;
import org.axdse.simulator.data.NpyDatasets;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.deploy.DeployJson;
import org.axdse.simulator.energy.ArchitectureEnergy;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line sample of every input kind: 20 mutated files per kind that the library-level reader refuses
 * (the fuzz tests of {@link BinaryInputsFuzzTest} and {@link JsonInputsFuzzTest} cover 1,000 each) go through the
 * command that reads them, in-process. Each must exit 2 with one line naming the file, and leave the output
 * directory unchanged.
 */
class CliFileSamplesTest {
  private static final int PER_KIND = 20;
  @TempDir Path tmp;

  /** One kind: its valid bytes, the file it is written to, a mutator, the library reader and the command. */
  private record Kind(String name, byte[] valid, Path file, Function<SplittableRandom, Mutation> mutate,
      Fuzzer.Loader<?> library, Supplier<List<String>> command) {}

  @Test
  void everyKindThroughItsCommand() throws IOException {
    Path root = Samples.repoRoot();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "must not change\n");
    Path model = tmp.resolve("m.onnx");
    Files.copy(root.resolve("models/lenet5.onnx"), model);
    Files.copy(root.resolve("models/lenet5.preprocess.json"), tmp.resolve("m.preprocess.json"));
    Path im = tmp.resolve("im.idx");
    Path lb = tmp.resolve("lb.idx");
    byte[] images = Samples.idxImages(40, 28, 28);
    byte[] labels = Samples.idxLabels(40);
    String data = "idx:" + im + "," + lb;
    Path netlist = tmp.resolve("mul.v");
    Files.write(netlist, Samples.resource("mul8x2.v"));
    MultiplierFormat s8x2 = MultiplierFormat.of(2, Signedness.SIGNED);
    Path secret = tmp.resolve("secret");
    Path lib = out.resolve("lib");
    List<String> evaluate = List.of("evaluate", "--model", model.toString(), "--data", data, "--calib", "20",
        "--limit", "20", "--threads", "1", "--no-float", "--no-layer-stats");

    List<Kind> kinds = new ArrayList<>();
    kinds.add(new Kind("ONNX model", Files.readAllBytes(model), model, null, OnnxImporter::load,
        () -> evaluate));
    Path csv = tmp.resolve("t.csv");
    kinds.add(new Kind("table .csv", bytes(() -> Files.readAllBytes(export(root, "csv", csv))), csv, null,
        p -> MultiplierFiles.read(p, s8x2), () -> List.of("multipliers", "import", "--into", lib.toString(),
        "--multiplier-format", "s8x2", csv.toString())));
    kinds.add(new Kind("Verilog netlist", Files.readAllBytes(netlist), netlist, null,
        p -> MultiplierFiles.read(p, s8x2), () -> List.of("multipliers", "import", "--into", lib.toString(),
        "--multiplier-format", "s8x2", netlist.toString())));
    kinds.add(new Kind("IDX", images, im, null, p -> IdxFiles.load(im, lb, "f", null), () -> evaluate));
    Path cifar = tmp.resolve("test_batch.bin");
    kinds.add(new Kind("CIFAR-10 binary", Samples.cifar(3), cifar, null, p -> CifarFiles.load(p, Split.TEST),
        () -> replace(evaluate, data, "cifar10:" + cifar)));
    Path x = tmp.resolve("x.npy");
    Path y = tmp.resolve("y.npy");
    kinds.add(new Kind("npy data set", Samples.npy("|u1", "(4, 28, 28)", new byte[4 * 28 * 28]), x, null,
        p -> NpyDatasets.load(x, y), () -> replace(evaluate, data, "npy:" + x + "," + y)));
    Path sidecar = tmp.resolve("m.preprocess.json");
    kinds.add(json("preprocessing sidecar", Files.readAllBytes(sidecar), sidecar, Preprocessing::load,
        () -> evaluate));
    Path deploy = tmp.resolve("deploy.json");
    kinds.add(json("deploy.json", Samples.resource("deploy.json"), deploy, DeployJson::read,
        () -> List.of("evaluate", "--config", deploy.toString(), "--data", data)));
    Path comp = tmp.resolve("c.json");
    kinds.add(json("compensation file", Samples.resource("compensation.json"), comp, CompensationFile::read,
        () -> List.of("evaluate", "--config", comp.toString(), "--data", data)));
    Path meta = tmp.resolve("mul.v.meta.json");
    kinds.add(json("multiplier .meta.json", Samples.resource("multiplier.meta.json"), meta,
        p -> MultiplierFiles.read(netlist, s8x2), () -> List.of("multipliers", "import", "--into",
        lib.toString(), netlist.toString())));
    Path restrict = tmp.resolve("restrict.json");
    kinds.add(json("restriction file", Samples.resource("restrict.json"), restrict,
        p -> Restrictions.parse(List.of(p.toString())), () -> List.of("search", "--model", model.toString(),
        "--data", data, "--calib-data", "holdout", "--calib", "10", "--population", "4", "--generations", "1",
        "--eval-images", "10", "--final-images", "10", "--threads", "1", "--restrict", restrict.toString(),
        "--out", out.resolve("run").toString())));
    Path energy = tmp.resolve("energy.json");
    kinds.add(json("energy-model JSON", Samples.resource("energy.json"), energy, ArchitectureEnergy::load,
        () -> concat(evaluate, "--arch", energy.toString())));
    Path assignment = tmp.resolve("a.json");
    kinds.add(json("assignment file", Samples.resource("assignment.json"), assignment, AssignmentJson::read,
        () -> concat(evaluate, "--config", assignment.toString())));
    kinds.add(new Kind("cluster secret file", "0123456789abcdef-fuzz\n".getBytes(), secret, null,
        ClusterSecret::load, () -> List.of("worker", "--secret-file", secret.toString(), "--bind", "127.0.0.1",
        "--threads", "1")));

    SplittableRandom r = new SplittableRandom(401);
    try (Fuzzer z = new Fuzzer("CLI file samples", 14 * PER_KIND)) {
      for (Kind k : kinds) {
        Fuzzer.write(im, images);
        Fuzzer.write(lb, labels);
        Fuzzer.write(y, Samples.npy("<i8", "(4,)", new byte[32]));
        Fuzzer.write(sidecar, Files.readAllBytes(root.resolve("models/lenet5.preprocess.json")));
        Fuzzer.write(meta, Samples.resource("multiplier.meta.json"));
        Fuzzer.write(k.file, k.valid);
        for (int found = 0, tries = 0; found < PER_KIND && tries < 50 * PER_KIND; tries++) {
          Mutation m = k.mutate != null ? k.mutate.apply(r) : ByteMutations.mutate(k.valid, r, 64, false);
          Fuzzer.write(k.file, m.bytes());
          if (refused(k, k.file)) {
            found++;
            z.runCli(k.name, k.command.get(), out, List.of(k.file.toString()));
          }
        }
        Fuzzer.write(k.file, k.valid);
      }
      z.finish();
    }
  }

  private static Kind json(String name, byte[] valid, Path file, Fuzzer.Loader<?> library,
      Supplier<List<String>> command) {
    return new Kind(name, valid, file, r -> JsonMutations.mutate(valid, r, Schema.lenient()), library, command);
  }

  private static boolean refused(Kind k, Path file) {
    try {
      k.library.load(file);
      return false;
    } catch (BadInputException e) {
      return true;
    } catch (Exception e) {
      throw new AssertionError(k.name + ": the library reader threw " + e, e);
    }
  }

  private static Path export(Path root, String format, Path target) {
    CliCase c = CliCase.run(target.getParent(), List.of("multipliers", "export", "--file-format", format,
        "--out", target.toString(), "s8x2_exact_bw"));
    if (c.code() != 0) {
      throw new IllegalStateException("export failed: " + c.err());
    }
    return target;
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static byte[] bytes(IoSupplier<byte[]> s) throws IOException {
    return s.get();
  }

  private static List<String> replace(List<String> args, String from, String to) {
    return args.stream().map(a -> a.equals(from) ? to : a).toList();
  }

  private static List<String> concat(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }
}
