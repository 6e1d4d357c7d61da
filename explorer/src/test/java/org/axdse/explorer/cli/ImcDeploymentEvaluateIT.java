package org.axdse.explorer.cli;

import static org.axdse.explorer.cli.InProcess.oneLine;
import static org.axdse.explorer.cli.InProcess.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axdse.simulator.imc.ImcDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axdse evaluate --config deploy.json} of an IMC deployment runs it: the same output as {@code axdse imc
 * evaluate --config deploy.json} (recorded model and data, or those given), the recorded bias correction applied;
 * a flag of {@code evaluate} without a meaning for IMC is a one-line error.
 */
class ImcDeploymentEvaluateIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATA = "fashion-mnist";

  @TempDir Path dir;

  private Path deployment(String name, int biasImages, String biasOrder) throws Exception {
    Path file = dir.resolve(name);
    new ImcDeployment(repo("models/lenet5.onnx").toString(), "", DATA, "asym", true, 8, 20,
        JSON.readTree(repo("data/isaac.imc.json").toFile()), Map.of("0", "p6-s3-a6", "2", "p8-s3-a6"), null, null,
        null, biasImages, biasOrder).write(file);
    return file;
  }

  @Test
  void runsTheDeploymentAsImcEvaluate() throws Exception {
    String[] corrected = new String[2];
    int k = 0;
    for (Path file : List.of(deployment("plain.json", 0, ""), deployment("bias.json", 8, "network"))) {
      String viaEvaluate = ImcSearchIT.axdse(List.of("evaluate", "--config", file.toString(), "--limit", "40",
          "--format", "json", "--threads", "2", "-q"));
      String viaImc = ImcSearchIT.axdse(List.of("imc", "evaluate", "--model", repo("models/lenet5.onnx").toString(),
          "--data", DATA, "--config", file.toString(), "--limit", "40", "--format", "json", "--threads", "1", "-q"));
      assertEquals(viaImc, viaEvaluate, file.toString());
      JsonNode r = JSON.readTree(viaEvaluate);
      assertEquals(40, r.path("images").asInt());
      corrected[k++] = r.path("compensate").asText() + " " + r.path("top1").asText();
    }
    assertEquals("none", corrected[0].split(" ")[0]);
    assertEquals("bias", corrected[1].split(" ")[0], "the recorded correction is applied");
    assertNotEquals(corrected[0], corrected[1]);
  }

  @Test
  void flagsWithoutMeaningForImcAreOneLineErrors() throws Exception {
    Path file = deployment("d.json", 0, "");
    oneLine(InProcess.axdse("evaluate", "--config", file.toString(), "--no-float", "--limit", "5"), "d.json",
        "--no-float does not apply");
    oneLine(InProcess.axdse("evaluate", "--config", file.toString(), "--quant", "sym", "--limit", "5"),
        "quantization.quant is asym but --quant sym was given");
  }
}
