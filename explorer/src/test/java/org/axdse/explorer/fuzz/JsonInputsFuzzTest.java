package org.axdse.explorer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.axdse.explorer.cluster.ClusterSecret;
import org.axdse.explorer.encoding.Restrictions;
import org.axdse.explorer.fuzz.JsonMutations.Schema;
import org.axdse.multipliers.io.MultiplierFiles;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.table.Signedness;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.compensation.CompensationFile;
import org.axdse.simulator.deploy.Deployment;
import org.axdse.simulator.energy.ArchitectureEnergy;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing, 1,000 cases per kind, of every JSON file axdse reads outside run directories (and of the
 * cluster secret file), through the reader each command uses. A mutation must fail when it breaks JSON itself
 * or the format's schema as documented (see each {@link Schema}); any other mutation may load, and then it has
 * passed every validating constructor of the values it builds.
 */
class JsonInputsFuzzTest {
  /** Fields of a compensation file that only inform the reader of the file; evaluate ignores them. */
  private static final Set<String> INFORMATIONAL = Set.of("source", "accuracy", "compensateSeconds", "seconds",
      "exportedModel");
  @TempDir Path dir;
  private final Map<Path, Model> models = new HashMap<>();

  @Test
  void preprocessingSidecar() throws Exception {
    byte[] valid = Files.readAllBytes(Samples.repoRoot().resolve("models/lenet5.preprocess.json"));
    Schema schema = new Schema(p -> !p.contains(".") && !p.contains("[") && !p.equals("classNames"),
        p -> p.isEmpty());
    fuzz("preprocessing sidecar", valid, "m.preprocess.json", schema, 201, Preprocessing::load);
  }

  @Test
  void deployJson() {
    Set<String> records = Set.of("model", "evaluation", "selection", "expected");
    Schema schema = new Schema(p -> depth(p) == 0 || depth(p) == 1 && records.contains(head(p))
        || p.startsWith("multipliers[].") && depth(p) == 1
        || p.startsWith("preprocessing.") && depth(p) == 1 && !p.endsWith("classNames"),
        p -> p.isEmpty() || records.contains(p) || p.equals("multipliers[]") || p.equals("preprocessing"));
    fuzz("deploy.json", Samples.resource("deploy.json"), "deploy.json", schema, 202,
        p -> Deployment.load(p, null));
  }

  @Test
  void compensationFile() {
    Set<String> top = Set.of("format", "formatVersion", "model", "dataset", "split", "images", "assignment",
        "quantization", "compensation");
    Set<String> layer = Set.of("index", "name", "multipliers", "biasDelta", "weightRemap");
    Schema schema = new Schema(p -> top.contains(p) || p.equals("compensation.method")
        || p.equals("compensation.biasOrder") || p.equals("compensation.layers")
        || p.startsWith("compensation.layers[].") && layer.contains(p.substring("compensation.layers[].".length())),
        p -> p.isEmpty(), p -> !INFORMATIONAL.contains(head(p)));
    fuzz("compensation file", Samples.resource("compensation.json"), "c.json", schema, 203, p -> {
      CompensationFile f = CompensationFile.read(p);
      Path modelFile = Path.of(f.model());
      Model m = models.computeIfAbsent(modelFile, OnnxImporter::load);
      f.quantization(p, m, Preprocessing.requiredFor(modelFile));
      return AssignmentJson.parse(p, f.assignment().toString().getBytes(StandardCharsets.UTF_8));
    });
  }

  @Test
  void multiplierSidecar() throws Exception {
    Path netlist = dir.resolve("m.v");
    Files.write(netlist, Samples.resource("mul8x2.v"));
    MultiplierFormat format = MultiplierFormat.of(2, Signedness.SIGNED);
    fuzz("multiplier .meta.json", Samples.resource("multiplier.meta.json"), "m.v.meta.json",
        new Schema(p -> false, p -> true), 204, p -> MultiplierFiles.read(netlist, format));
  }

  @Test
  void restrictionFile() {
    fuzz("restriction file", Samples.resource("restrict.json"), "restrict.json", Schema.lenient(), 205,
        p -> Restrictions.parse(List.of(p.toString())));
  }

  @Test
  void energyModel() {
    fuzz("energy-model JSON", Samples.resource("energy.json"), "energy.json", new Schema(p -> false, p -> true),
        206, ArchitectureEnergy::load);
  }

  @Test
  void assignmentFile() {
    fuzz("assignment file", Samples.resource("assignment.json"), "a.json",
        new Schema(p -> p.equals("layers"), p -> p.isEmpty(), p -> !p.startsWith("layers.")), 207,
        AssignmentJson::read);
  }

  @Test
  void clusterSecret() {
    byte[] valid = "0123456789abcdef-fuzz-secret\n".getBytes(StandardCharsets.US_ASCII);
    Path f = dir.resolve("secret");
    SplittableRandom r = new SplittableRandom(208);
    try (Fuzzer z = new Fuzzer("cluster secret file")) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        Mutation m = ByteMutations.mutate(valid, r, valid.length, false);
        int length = new String(m.bytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8).length;
        z.run(new Mutation(m.bytes(), m.description(), length < 16), f, f, ClusterSecret::load, s -> { });
      }
      z.finish();
    }
  }

  private <T> void fuzz(String kind, byte[] valid, String name, Schema schema, long seed, Fuzzer.Loader<T> load) {
    Path f = dir.resolve(name);
    Fuzzer.write(f, valid);
    try {
      load.load(f);
    } catch (Exception e) {
      throw new AssertionError(kind + ": the valid sample does not load", e);
    }
    SplittableRandom r = new SplittableRandom(seed);
    try (Fuzzer z = new Fuzzer(kind)) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        z.run(JsonMutations.mutate(valid, r, schema), f, f, load, v -> { });
      }
      assertEquals(kind, z.finish().substring(5, 5 + kind.length()));
    }
  }

  private static int depth(String path) {
    return (int) path.chars().filter(ch -> ch == '.').count();
  }

  private static String head(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
