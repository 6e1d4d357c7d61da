import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.library.MultiplierCatalog;
import org.axdse.simulator.assign.AssignmentJson;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.data.Split;
import org.axdse.simulator.engine.AssignmentResolver;
import org.axdse.simulator.engine.Calibration;
import org.axdse.simulator.engine.InputCodes;
import org.axdse.simulator.engine.IntegerEngine;
import org.axdse.simulator.engine.ResolvedLayer;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.ModelQuantizer;
import org.axdse.simulator.quant.QuantConfig;
import org.axdse.simulator.quant.QuantMode;
import org.axdse.simulator.quant.QuantParams;
import org.axdse.simulator.quant.QuantizedModel;

/**
 * Throw-away measurement for docs/retraining.md (not part of the build): top-1 of EVAL.onnx's weights with the
 * activation parameters calibrated on CALIB.onnx (per-channel, seed 1, percentile; asym and 200 images unless [sym|asym] [N] follow),
 * as the retraining saw them, instead of a fresh calibration of EVAL.onnx. Both models must compute the same
 * function; the calibration model goes through the exporter first, so its tensor names match a retrained copy. Run from the repository root after a training build:
 * {@code java --add-modules jdk.incubator.vector -cp "explorer/target/axdse.jar:explorer/target/lib/*"
 * experiments/retraining/FixedCalib.java CALIB.onnx EVAL.onnx cifar10:runs/c10s ASSIGN.json [sym|asym] [N]}
 */
public class FixedCalib {
  public static void main(String[] a) throws java.io.IOException {
    Path calibModel = Path.of(a[0]), evalModel = Path.of(a[1]);
    DatasetSpec ds = DatasetSpec.parse(a[2]);
    QuantConfig qc = QuantConfig.defaults(a.length > 4 && a[4].equals("sym") ? QuantMode.SYMMETRIC
        : QuantMode.ASYMMETRIC);
    int calib = a.length > 5 ? Integer.parseInt(a[5]) : 200;
    qc = new QuantConfig(qc.mode(), true, 8, calib, 1L, qc.activationMethod(), qc.percentile());
    Preprocessing pre = Preprocessing.requiredFor(calibModel);
    try (Kernels k = Kernels.create(1, KernelMode.fromSystemProperty())) {
      // through the project's exporter and back, so that its tensor names are those of a retrained (exported) model
      Path roundTrip = java.nio.file.Files.createTempFile("fixedcalib", ".onnx");
      org.axdse.simulator.onnx.OnnxExporter.write(OnnxImporter.load(calibModel), roundTrip);
      QuantizedModel q = Calibration.run(OnnxImporter.load(roundTrip), pre, ds.load(Split.TRAIN).subset(calib, 1L),
          qc, k);
      Model me = OnnxImporter.load(evalModel);
      QuantizedModel qe = ModelQuantizer.requantizeWeights(me, q);
      Dataset test = ds.load(Split.TEST);
      List<ResolvedLayer> resolved = new AssignmentResolver(me, MultiplierCatalog.builtin(),
          qc.mode().format(8), qc.mode().label() + " quantization", false).resolve(AssignmentJson.read(Path.of(a[3])));
      RowTables[] tables = resolved.stream().map(ResolvedLayer::tables).toArray(RowTables[]::new);
      int batch = 100;
      int right = 0, rightExact = 0;
      IntegerEngine engine = new IntegerEngine(me, qe, k, batch);
      for (int s = 0; s < test.size(); s += batch) {
        int n = Math.min(batch, test.size() - s);
        int[] idx = java.util.stream.IntStream.range(s, s + n).toArray();
        Dataset b = test.select(idx);
        byte[] codes = InputCodes.of(b, pre, qe.tensor(me.input().name()));
        right += correct(engine.run(codes, 0, n, tables, (t, c, bb, p, cm) -> {}), b, engine);
        rightExact += correct(engine.runExact(codes, 0, n, (t, c, bb, p, cm) -> {}), b, engine);
      }
      System.out.printf("%s weights, activations of %s: exact int8 %.4f, assignment %.4f on %d images%n",
          evalModel, calibModel, rightExact / (double) test.size(), right / (double) test.size(), test.size());
    }
  }

  static int correct(byte[] logits, Dataset b, IntegerEngine e) {
    int per = e.logitsPerSample();
    QuantParams p = e.logitParams();
    int ok = 0;
    for (int i = 0; i < b.size(); i++) {
      int best = 0;
      double bv = -1e300;
      for (int c = 0; c < per; c++) {
        int code = logits[i * per + c];
        double v = p.dequantize(p.signed() ? code : code & 0xFF);
        if (v > bv) { bv = v; best = c; }
      }
      ok += best == b.label(i) ? 1 : 0;
    }
    return ok;
  }
}
