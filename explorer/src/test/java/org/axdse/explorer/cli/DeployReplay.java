package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axdse.simulator.deploy.DeployConfig;

/** The replay check of the round-trip ITs: {@code evaluate --config deploy.json} against the verified figures. */
final class DeployReplay {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployReplay() {}

  /**
   * Runs {@code evaluate --config} on {@code runDir}'s {@code deploy.json} on 1 and on 2 threads (with
   * {@code extra} flags such as {@code --library DIR}) and asserts that each reproduces {@code c}'s verified
   * images, accuracy and multiplier energy exactly.
   */
  static void assertReplaysOnOneAndTwoThreads(Path runDir, DeployConfig c, String... extra) throws Exception {
    for (String threads : new String[] {"1", "2"}) {
      List<String> args = new ArrayList<>(List.of("evaluate", "--config", runDir.resolve("deploy.json").toString()));
      args.addAll(List.of(extra));
      args.addAll(List.of("--no-float", "--no-layer-stats", "--format", "json", "-q", "--threads", threads));
      String[] eval = MixedWidthRoundTripIT.run(args.toArray(String[]::new));
      JsonNode e = JSON.readTree(eval[0]).get("evaluation");
      assertEquals(c.verified().images(), e.get("images").asInt());
      assertEquals(c.verified().accuracy(), e.get("assignment").get("top1").asDouble(), 0.0,
          "bit-for-bit replay on " + threads + " threads");
      assertEquals(c.verified().multiplierEnergy(), e.get("multiplierEnergy").asDouble(), 0.0);
    }
  }
}
