package org.axdse.simulator.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.simulator.model.TestData;
import org.axdse.simulator.onnx.proto.OnnxSubset.ModelProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.TensorProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and unsupported models fail with one line naming the file and, where there is one, the node. */
class BadModelsTest {
  @TempDir Path dir;

  String failure(Path file) {
    BadInputException e = assertThrows(BadInputException.class, () -> OnnxImporter.load(file));
    String m = e.getMessage();
    assertFalse(m.contains("\n"), m);
    assertTrue(m.startsWith(file.toString()), m);
    return m;
  }

  Path write(String name, Consumer<OnnxGraphBuilder> body) {
    OnnxGraphBuilder b = OnnxGraphBuilder.create(name);
    b.input("x", 2, 4, 4);
    body.accept(b);
    Path file = dir.resolve(name + ".onnx");
    b.write(file);
    return file;
  }

  String conv(OnnxGraphBuilder b, String x, int inC) {
    return b.conv("c", x, new float[2 * inC * 9], new int[] {2, inC, 3, 3}, null, new int[] {1, 1},
        new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1);
  }

  @Test
  void truncatedFile() throws IOException {
    byte[] full = Files.readAllBytes(TestData.resnet20());
    Path file = dir.resolve("truncated.onnx");
    Files.write(file, Arrays.copyOf(full, full.length / 3));
    assertTrue(failure(file).contains("truncated or corrupt"));
  }

  @Test
  void randomBytes() throws IOException {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      byte[] junk = new byte[1 + rnd.nextInt(4096)];
      rnd.nextBytes(junk);
      Path file = dir.resolve("junk" + trial + ".onnx");
      Files.write(file, junk);
      failure(file);
    }
  }

  @Test
  void emptyFileAndMissingFile() throws IOException {
    Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
    assertTrue(failure(empty).contains("no graph"));
    assertTrue(failure(dir.resolve("absent.onnx")).contains("no such file"));
  }

  @Test
  void unsupportedOperatorNamesNodeAndOp() {
    Path file = write("op", b -> b.output(b.node("Einsum", "mix", List.of("x"), List.of("y"))));
    String m = failure(file);
    assertTrue(m.contains("node 'mix'") && m.contains("unsupported operator 'Einsum'"), m);
  }

  @Test
  void unsupportedAttributeNamesNodeOpAndAttribute() {
    Path file = write("attr", b -> b.output(b.node("Relu", "act", List.of("x"), List.of("y"),
        OnnxGraphBuilder.attr("alpha", 0.1f))));
    String m = failure(file);
    assertTrue(m.contains("node 'act' (Relu)") && m.contains("unsupported attribute 'alpha'"), m);
    Path ceil = write("ceil", b -> b.output(b.node("AveragePool", "pool", List.of("x"), List.of("y"),
        OnnxGraphBuilder.ints("kernel_shape", 2, 2), OnnxGraphBuilder.attr("ceil_mode", 2L))));
    assertTrue(failure(ceil).contains("unsupported attribute 'ceil_mode'=2"));
    Path reverse = write("reverse", b -> b.output(b.node("LSTM", "rnn", List.of("x", "w", "r"), List.of("y"),
        OnnxGraphBuilder.attr("direction", "reverse"))));
    String r = failure(reverse);
    assertTrue(r.contains("node 'rnn' (LSTM)") && r.contains("'direction'=reverse"), r);
  }

  @Test
  void missingInitializer() {
    Path file = write("missing", b -> b.output(b.node("Conv", "c", List.of("x", "nowhere"), List.of("y"))));
    String m = failure(file);
    assertTrue(m.contains("node 'c' (Conv)") && m.contains("missing initializer 'nowhere'"), m);
  }

  @Test
  void shapeMismatch() {
    Path file = write("mismatch", b -> b.output(conv(b, "x", 3)));
    String m = failure(file);
    assertTrue(m.contains("node 'c' (Conv)") && m.contains("shape mismatch"), m);
    Path add = write("add", b -> b.output(b.add("a", "x",
        b.maxPool("p", "x", new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0, 0, 0}))));
    assertTrue(failure(add).contains("shape mismatch"));
  }

  @Test
  void hugeClaimedDimensionsAreRejectedBeforeAllocating() {
    OnnxGraphBuilder b = OnnxGraphBuilder.create("huge");
    b.input("x", 2, 4, 4);
    b.output(b.relu("r", "x"));
    ModelProto ok = b.build();
    // 10^6 x 10^6 = 10^12 floats (4 TB) claimed, 16 bytes present
    TensorProto huge = OnnxTensors.floatTensor("w", new float[4], 2, 2).toBuilder()
        .clearDims().addDims(1_000_000).addDims(1_000_000).build();
    ModelProto bad = ok.toBuilder().setGraph(ok.getGraph().toBuilder().addInitializer(huge)).build();
    Path file = dir.resolve("huge.onnx");
    org.axdse.multipliers.util.AtomicFiles.write(file, bad.toByteArray());
    assertTrue(failure(file).contains("1000000000000 elements"));
    // a claim within the cap but larger than the data present
    TensorProto lying = huge.toBuilder().clearDims().addDims(1000).build();
    Path lie = dir.resolve("lie.onnx");
    org.axdse.multipliers.util.AtomicFiles.write(lie,
        ok.toBuilder().setGraph(ok.getGraph().toBuilder().addInitializer(lying)).build().toByteArray());
    assertTrue(failure(lie).contains("holds 4 elements but dims claim 1000"));
  }
}
