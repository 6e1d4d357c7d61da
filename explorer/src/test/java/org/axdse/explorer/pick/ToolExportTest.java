package org.axdse.explorer.pick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axdse.multipliers.io.ToolTables;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.Assignment;
import org.axdse.simulator.assign.LayerAssignment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool tables and load_tables.py that pick writes beside deploy.json. */
class ToolExportTest {
  static final String CONV = "/features/conv1/Conv";
  static final MultiplierCatalog CATALOG = MultiplierCatalog.builtin();

  @TempDir Path out;
  Path deploy;
  String script;

  @BeforeEach
  void export() throws IOException {
    Map<String, LayerAssignment> layers = new LinkedHashMap<>();
    layers.put(CONV, LayerAssignment.uniform("s8x8_trunc4"));
    layers.put("fc", LayerAssignment.uniform("s8x8_perf_r0"));
    layers.put("fc2", LayerAssignment.uniform("u8x8_perf_r0r1"));
    layers.put("conv2", LayerAssignment.perChannel(List.of("s8x8_trunc4", "s8x8_exact_bw")));
    Map<String, String> kinds = Map.of(CONV, "conv", "fc", "linear", "fc2", "linear", "conv2", "conv");
    Path py = ToolExport.write(new Assignment(layers), kinds, CATALOG, out);
    deploy = out.resolve("deploy");
    assertEquals(deploy.resolve("load_tables.py"), py);
    script = Files.readString(py);
  }

  @Test
  void tablesAreWrittenPerMultiplierAndOrientation() {
    for (String m : List.of("s8x8_trunc4", "s8x8_perf_r0", "u8x8_perf_r0r1", "s8x8_exact_bw")) {
      assertTrue(Files.isRegularFile(deploy.resolve("adapt/" + m + ".h")), m);
      // a linear-layer header only where conv2d's weight-major table differs from the activation-major one
      boolean orderFree = ToolTables.orderFree(CATALOG.byName(m).table());
      assertEquals(!orderFree, Files.exists(deploy.resolve("adapt/" + m + "_linear.h")), m);
      // TorchApprox holds int16: every signed 8x8 product fits, unsigned 255 * 255 does not
      assertEquals(m.startsWith("s"), Files.exists(deploy.resolve("torchapprox/" + m + ".npy")), m);
    }
    assertFalse(ToolTables.orderFree(CATALOG.byName("s8x8_perf_r0").table()), "perforation drops a weight row");
  }

  @Test
  void scriptIsValidPythonNamingEveryLayerAndExistingFiles() throws Exception {
    Result compiled = python(List.of("-m", "py_compile", deploy.resolve("load_tables.py").toString()));
    assertEquals(0, compiled.code(), compiled.output());
    for (String layer : List.of(CONV, "fc", "fc2", "conv2")) {
      assertTrue(script.contains("\"" + layer + "\": "), layer);
    }
    assertTrue(script.contains("\"fc\": {\"kind\": \"linear\", \"multiplier\": \"s8x8_perf_r0\", "
        + "\"adapt\": \"s8x8_perf_r0_linear\", \"torchapprox\": \"torchapprox/s8x8_perf_r0.npy\"}"), script);
    assertTrue(script.contains("\"torchapprox\": None"), "u8x8 has no TorchApprox table");
    int referenced = 0;
    for (Matcher m = Pattern.compile("\"adapt\": \"([^\"]+)\"").matcher(script); m.find(); referenced++) {
      assertTrue(Files.isRegularFile(deploy.resolve("adapt/" + m.group(1) + ".h")), m.group(1));
    }
    for (Matcher m = Pattern.compile("\"torchapprox\": \"([^\"]+)\"").matcher(script); m.find(); referenced++) {
      assertTrue(Files.isRegularFile(deploy.resolve(m.group(1))), m.group(1));
    }
    assertEquals(3 + 2, referenced, "three uniform layers with headers, two with TorchApprox tables");
  }

  @Test
  void scriptLoadsTheTablesIntoTorchApproxLayersAndAdapt() throws Exception {
    assumeTrue(python(List.of("-c", "import numpy")).code() == 0, "numpy is not installed");
    Path adaptRoot = out.resolve("adapt-checkout");
    String program = String.join("\n",
        "import sys",
        "sys.path.insert(0, sys.argv[1])",
        "import load_tables as lt",
        "class Op: pass",
        "class Layer:",
        "    def __init__(self): self.approx_op = Op()",
        "class Model:",
        "    def __init__(self): self.m = {'conv1': Layer(), 'fc': Layer(), 'fc2': Layer(), 'conv2': Layer()}",
        "    def named_modules(self): return self.m.items()",
        "model = Model()",
        "print(','.join(lt.load_torchapprox(model, {sys.argv[3]: 'conv1'})))",
        "t = model.m['fc'].approx_op.lut",
        "print(t.dtype, t.shape, int(t[(-3) & 0xFF, 5]))",
        "print(lt.install_adapt(sys.argv[2])['fc'])");
    Result r = python(List.of("-c", program, deploy.toString(), adaptRoot.toString(), CONV));
    assertEquals(0, r.code(), r.output());
    String[] lines = r.output().strip().split("\n");
    assertEquals(CONV + ",fc", lines[0], "fc2 (unsigned) has no table; conv2 is per channel");
    // TorchApprox entry [(uint8) a][(uint8) w] for a = -3, w = 5
    int expected = CATALOG.byName("s8x8_perf_r0").table().product(-3, 5);
    assertEquals("int16 (256, 256) " + expected, lines[1]);
    assertEquals("s8x8_perf_r0_linear", lines[2]);
    assertTrue(Files.isRegularFile(adaptRoot.resolve("adapt/cpu-kernels/axx_mults/s8x8_perf_r0_linear.h")));
  }

  record Result(int code, String output) {}

  static Result python(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("python3"));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
    return new Result(p.exitValue(), output);
  }
}
