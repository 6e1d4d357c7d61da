package org.axdse.simulator.engine;

import java.nio.file.Path;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.onnx.OnnxImporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prefix cache on the edge-CNN models of {@code src/test/resources/compat}: a squeeze-and-excitation Mul reads
 * a tensor written before the SE convolutions, so a cut inside the block must keep it live. Resuming gives the
 * logits of a run from the input, bit for bit ({@link PrefixCacheTest#check}).
 */
class CompatPrefixCacheTest {
  @ParameterizedTest
  @ValueSource(strings = {"mbv3_op14", "effnet_op13", "acts_op13", "shufflenet_op13", "mbv2_op13"})
  void compatModelsResumeBitExactly(String name) {
    Model m = OnnxImporter.load(Path.of("src/test/resources/compat", name + ".onnx"));
    TinyNets t = new TinyNets(13);
    Dataset data = t.images(m, 32, 10);
    PrefixCacheTest.check(name, m, TinyNets.preprocessing(m, 10), data, 1L << 30, 2);
  }
}
