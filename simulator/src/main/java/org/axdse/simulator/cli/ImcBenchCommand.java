package org.axdse.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axdse.multipliers.cli.flags.OutputFormat;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.simulator.data.Dataset;
import org.axdse.simulator.data.DatasetSpec;
import org.axdse.simulator.engine.LayerDataflow;
import org.axdse.simulator.engine.SetupPhase;
import org.axdse.simulator.imc.ImcArchitecture;
import org.axdse.simulator.imc.ImcKnobs;
import org.axdse.simulator.imc.ImcNetwork;
import org.axdse.simulator.imc.ImcSession;
import org.axdse.simulator.imc.ImcWorkload;
import org.axdse.simulator.kernels.ActivationPanel;
import org.axdse.simulator.kernels.ConvGeometry;
import org.axdse.simulator.kernels.KernelMode;
import org.axdse.simulator.kernels.Kernels;
import org.axdse.simulator.kernels.LookupTable;
import org.axdse.simulator.kernels.RowTables;
import org.axdse.simulator.kernels.WeightMatrix;
import org.axdse.simulator.model.Model;
import org.axdse.simulator.model.Preprocessing;
import org.axdse.simulator.onnx.OnnxImporter;
import org.axdse.simulator.quant.QuantizedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code axdse bench imc}: the bit-exact IMC simulation against the integer engine. Runs the evaluated images once
 * with every convolution and dense layer on the exact kernels and once through the IMC dataflow at full precision
 * (every plane and slice, full-resolution ADC), times each layer's accumulator computation in both (wall and
 * process CPU seconds, one run each, after a warm-up batch), and checks that the logits are equal bit for bit.
 * Default: the shared CIFAR-10 ResNet-20.
 */
@Command(
    name = "imc",
    mixinStandardHelpOptions = true,
    description = "Time the bit-exact IMC simulation against the integer engine per layer and check that "
        + "full-precision IMC equals the exact engine bit for bit (default: the shared CIFAR-10 ResNet-20).")
public final class ImcBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin BenchModelOptions bench;

  @Mixin OutputFormat output;

  @Mixin QuantizationOptions options;

  @Mixin ImcArchOption arch;

  @Override
  public Integer call() {
    options.check();
    boolean json = output.check() == OutputFormat.Format.JSON;
    ImcArchitecture a = arch.load();
    Path file = bench.modelFile();
    Preprocessing pre = bench.preprocessingOrBundled(file);
    Model m = OnnxImporter.load(file);
    DatasetSpec ds = bench.dataset();
    Dataset test = options.evaluationSet(ds, m);
    QuantizedModel q = options.calibrate(file, m, pre, options.calibrationSet(ds));
    try (Kernels k = Kernels.create(options.threads(), KernelMode.fromSystemProperty())) {
      ImcSession s = new ImcSession(m, q, test, a, k, 100);
      ImcNetwork net = s.network();
      int layers = net.workloads().size();
      Timed[] exact = new Timed[layers];
      Timed[] imc = new Timed[layers];
      MultiplierFormat f = q.config().mode().format(q.config().weightBits());
      for (int i = 0; i < layers; i++) {
        ImcWorkload w = net.workloads().get(i);
        if (w != null) {
          int rows = w.groups() * w.groupChannels();
          exact[i] = new Timed(new ExactFlow(WeightMatrix.ofValues(f, rows, w.reduction(),
              q.layer(i).weights().codes()), RowTables.ofLayer(LookupTable.exact(f), rows)));
          imc[i] = new Timed(net.layer(i, net.full()));
        }
      }
      int[] warm = {0};
      s.logits(exact, warm);
      s.logits(imc, warm);
      Arrays.stream(exact).filter(t -> t != null).forEach(Timed::reset);
      Arrays.stream(imc).filter(t -> t != null).forEach(Timed::reset);
      int[] all = s.all();
      double[] e = timed(() -> s.logits(exact, all));
      byte[] exactLogits = lastLogits;
      double[] i = timed(() -> s.logits(imc, all));
      boolean equal = Arrays.equals(exactLogits, lastLogits);
      print(json, m, a, test, net, exact, imc, e, i, equal, s.top1(exactLogits, all));
      return equal ? 0 : 1;
    }
  }

  private byte[] lastLogits;

  private double[] timed(java.util.function.Supplier<byte[]> run) {
    long cpu = SetupPhase.processCpuNanos();
    long t = System.nanoTime();
    lastLogits = run.get();
    return new double[] {(System.nanoTime() - t) / 1e9, (SetupPhase.processCpuNanos() - cpu) / 1e9};
  }

  private void print(boolean json, Model m, ImcArchitecture a, Dataset test, ImcNetwork net, Timed[] exact,
      Timed[] imc, double[] e, double[] i, boolean equal, double top1) {
    PrintWriter out = spec.commandLine().getOut();
    int n = test.size();
    ObjectNode root = new ObjectMapper().createObjectNode().put("model", m.name()).put("images", n)
        .put("architecture", a.name()).put("threads", options.threads()).put("logitsEqual", equal)
        .put("top1", top1).put("exactWallSeconds", e[0]).put("exactCpuSeconds", e[1]).put("imcWallSeconds", i[0])
        .put("imcCpuSeconds", i[1]);
    ArrayNode rows = root.putArray("layers");
    if (!json) {
      out.printf(Locale.ROOT, "model %s, %d images, %s, %d threads; full-precision IMC %s the exact engine "
          + "(top-1 %.2f%%)%n", m.name(), n, a.name(), options.threads(), equal ? "EQUALS" : "DIFFERS FROM",
          100 * top1);
      out.printf(Locale.ROOT, "%-28s %12s %10s %10s %8s %10s%n", "layer", "MACs/image", "exact s", "IMC s",
          "IMC/exact", "IMC GMAC/s");
    }
    List<ImcWorkload> ws = net.workloads();
    for (int l = 0; l < ws.size(); l++) {
      if (ws.get(l) == null) {
        continue;
      }
      double te = exact[l].nanos / 1e9;
      double ti = imc[l].nanos / 1e9;
      long macs = ws.get(l).macs();
      rows.addObject().put("layer", ws.get(l).layer()).put("macsPerImage", macs).put("exactSeconds", te)
          .put("imcSeconds", ti);
      if (!json) {
        out.printf(Locale.ROOT, "%-28s %,12d %10.3f %10.3f %8.1f %10.3f%n", ws.get(l).layer(), macs, te, ti, ti / te,
            macs * (double) n / ti / 1e9);
      }
    }
    if (json) {
      out.println(root.toPrettyString());
    } else {
      out.printf(Locale.ROOT, "whole network: exact %.2f s wall (%.2f s CPU), IMC %.2f s wall (%.2f s CPU): "
          + "%.1fx the exact engine's wall time%n", e[0], e[1], i[0], i[1], i[0] / e[0]);
    }
    out.flush();
  }

  /** A dataflow with its accumulated wall time. */
  private static final class Timed implements LayerDataflow {
    private final LayerDataflow inner;
    long nanos;

    Timed(LayerDataflow inner) {
      this.inner = inner;
    }

    void reset() {
      nanos = 0;
    }

    @Override
    public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] sums, Kernels k) {
      long t = System.nanoTime();
      inner.conv(g, batch, input, padCode, acc, sums, k);
      nanos += System.nanoTime() - t;
    }

    @Override
    public void gemm(ActivationPanel panel, int[] acc, Kernels k) {
      long t = System.nanoTime();
      inner.gemm(panel, acc, k);
      nanos += System.nanoTime() - t;
    }
  }

  /** The integer engine's exact kernels as a dataflow, so both sides are timed at the same place. */
  private record ExactFlow(WeightMatrix w, RowTables t) implements LayerDataflow {
    @Override
    public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, int[] acc, int[] sums, Kernels k) {
      k.conv(g, batch, input, padCode, w, t, acc, sums);
    }

    @Override
    public void gemm(ActivationPanel panel, int[] acc, Kernels k) {
      k.gemm(panel, w, t, acc);
    }
  }
}
