package org.axdse.explorer.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.multipliers.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encodings that travel between members, the tags that protect them and the store that receives inputs. */
class WireFormatTest {
  private static final ClusterSecret SECRET = ClusterSecret.of("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private static final ClusterSecret OTHER = ClusterSecret.of("fedcba9876543210".getBytes(StandardCharsets.UTF_8));

  @TempDir Path tmp;

  private RunSpec spec(Path model, Path library) {
    InputTree m = RunSpec.inputOf(model.toString(), "--model");
    InputTree l = RunSpec.inputOf(library.toString(), "--library");
    return new RunSpec(new ProblemRequest(model.toString(), "/shared/data", "sym", library.toString(), 100, 0, 5,
        true), m.ref(), l.ref(), Map.of("conv1", List.of("exact", "m1")), "group:3", "f".repeat(64));
  }

  @Test
  void runSpecRoundTripsAndItsKeyIgnoresWhereTheFilesLie() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a/lib/sub"));
    Files.writeString(tmp.resolve("a/model.onnx"), "model bytes");
    Files.writeString(a.resolve("m1.v"), "module m1");
    Path b = Files.createDirectories(tmp.resolve("b/elsewhere/sub"));
    Files.writeString(tmp.resolve("b/model.onnx"), "model bytes");
    Files.writeString(b.resolve("m1.v"), "module m1");
    RunSpec s = spec(tmp.resolve("a/model.onnx"), tmp.resolve("a/lib"));
    RunSpec read = RunSpec.read(new Wire.Reader(s.encode()));
    assertArrayEquals(s.encode(), read.encode());
    assertEquals(s.key(), read.key());
    assertEquals(s.key(), spec(tmp.resolve("b/model.onnx"), tmp.resolve("b/elsewhere")).key(),
        "the same content under other paths is the same run");
    Files.writeString(tmp.resolve("b/model.onnx"), "other model");
    assertNotEquals(s.key(), spec(tmp.resolve("b/model.onnx"), tmp.resolve("b/elsewhere")).key());
    assertEquals(List.of("exact", "m1"), read.restrictions().get("conv1"));
    assertEquals("/shared/data", read.request().data(), "the data set travels as a reference");
  }

  @Test
  void storeKeepsShippedInputsByContentHashAndRejectsForgeries() throws Exception {
    Path lib = Files.createDirectories(tmp.resolve("lib/sub"));
    Files.writeString(lib.resolve("a.v"), "module a");
    InputTree tree = InputTree.read(tmp.resolve("lib"), "--library");
    Wire.Writer w = new Wire.Writer();
    tree.write(w);
    InputTree shipped = InputTree.read(new Wire.Reader(w.toBytes()));
    assertEquals(tree.hash(), shipped.hash());
    InputStore store = new InputStore(tmp.resolve("store"));
    assertFalse(store.has(tree.ref()));
    store.put(tree.ref(), shipped);
    assertEquals("module a", Files.readString(store.pathOf(tree.ref()).resolve("sub/a.v")));

    InputTree tampered = new InputTree(true, "", List.of(new InputTree.Entry("sub/a.v",
        "module evil".getBytes(StandardCharsets.UTF_8))));
    InputTree.InputRef ref = new InputTree.InputRef("0".repeat(64), true, "");
    assertThrows(Wire.MalformedException.class, () -> store.put(ref, tampered));
    assertThrows(Wire.MalformedException.class, () -> new InputTree.Entry("../escape", new byte[0]));
    assertThrows(Wire.MalformedException.class, () -> new InputTree.Entry("/etc/passwd", new byte[0]));
    assertThrows(Wire.MalformedException.class, () -> new InputTree.InputRef("a".repeat(64), false, ".."));
  }

  @Test
  void aModelTravelsWithItsPreprocessingSidecarAndLandsBesideIt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("models"));
    Files.writeString(dir.resolve("net.onnx"), "model bytes");
    Files.writeString(dir.resolve("net.preprocess.json"), "{\"scale\": 1}");
    InputTree tree = RunSpec.modelInputOf(dir.resolve("net.onnx").toString());
    Wire.Writer w = new Wire.Writer();
    tree.write(w);
    InputTree shipped = InputTree.read(new Wire.Reader(w.toBytes()));
    InputStore store = new InputStore(tmp.resolve("store"));
    store.put(tree.ref(), shipped);
    Path stored = store.pathOf(tree.ref());
    assertEquals("net.onnx", stored.getFileName().toString());
    assertEquals("model bytes", Files.readString(stored));
    assertEquals("{\"scale\": 1}", Files.readString(stored.resolveSibling("net.preprocess.json")));
    // the sidecar is part of the content identity: other preprocessing, other input
    Files.writeString(dir.resolve("net.preprocess.json"), "{\"scale\": 2}");
    assertNotEquals(tree.ref(), RunSpec.modelInputOf(dir.resolve("net.onnx").toString()).ref());
    // without a sidecar the model travels alone
    Files.delete(dir.resolve("net.preprocess.json"));
    assertEquals(1, RunSpec.modelInputOf(dir.resolve("net.onnx").toString()).entries().size());
    // a file input whose companions hold a path is refused
    InputTree bad = new InputTree(false, "net.onnx", List.of(new InputTree.Entry("net.onnx", new byte[1]),
        new InputTree.Entry("sub/x.json", new byte[1])));
    Wire.Writer bw = new Wire.Writer();
    bad.write(bw);
    assertThrows(Wire.MalformedException.class, () -> InputTree.read(new Wire.Reader(bw.toBytes())));
  }

  @Test
  void tagsBindTasksAndRepliesToTheSecret() {
    ClusterTask t = ClusterTask.signed(SECRET, ClusterTask.Kind.EVALUATE, new byte[] {1, 2, 3});
    assertTrue(t.verify(SECRET));
    assertFalse(t.verify(OTHER));
    byte[] reply = Reply.ok(new byte[] {9}).encode(SECRET, t.tag());
    assertArrayEquals(new byte[] {9}, Reply.decode(reply, SECRET, t.tag()).body());
    assertThrows(Reply.RejectedException.class, () -> Reply.decode(reply, OTHER, t.tag()));
    ClusterTask other = ClusterTask.signed(SECRET, ClusterTask.Kind.EVALUATE, new byte[] {1, 2, 4});
    assertThrows(Reply.RejectedException.class, () -> Reply.decode(reply, SECRET, other.tag()),
        "a reply cannot be replayed for another request");
    byte[] flipped = reply.clone();
    flipped[1] ^= 1;
    assertThrows(Reply.RejectedException.class, () -> Reply.decode(flipped, SECRET, t.tag()));
    assertNotEquals(SECRET.clusterName("axdse"), OTHER.clusterName("axdse"));
    assertTrue(SECRET.clusterName("axdse").startsWith("axdse-"));
  }

  @Test
  void malformedBodiesAreRejectedNotTrusted() {
    byte[] body = new Wire.Writer().putInt(Integer.MAX_VALUE).toBytes();
    assertThrows(Wire.MalformedException.class, () -> new Wire.Reader(body).getBytes());
    assertThrows(Wire.MalformedException.class, () -> new Wire.Reader(new byte[2]).getInt());
    Wire.Reader r = new Wire.Reader(new Wire.Writer().putInts(new int[] {4, 5}).putInt(1).toBytes());
    assertArrayEquals(new int[] {4, 5}, r.getInts());
    assertThrows(Wire.MalformedException.class, r::end);
  }

  @Test
  void secretComesFromAFileOrTheEnvironmentAndMustBeLongEnough() throws Exception {
    Path f = tmp.resolve("secret");
    Files.writeString(f, "0123456789abcdef\n");
    assertEquals(SECRET.clusterName("x"), ClusterSecret.load(f).clusterName("x"), "the newline is not part of it");
    Files.writeString(f, "short");
    BadInputException e = assertThrows(BadInputException.class, () -> ClusterSecret.load(f));
    assertTrue(e.getMessage().contains("at least 16 bytes"), e.getMessage());
    assertThrows(BadInputException.class, () -> ClusterSecret.load(tmp.resolve("missing")));
  }
}
