package org.axdse.explorer.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axdse.explorer.backend.LayerLoss;
import org.axdse.explorer.backend.LayerLossMeter;
import org.axdse.explorer.backend.StopSignal;
import org.axdse.explorer.backend.StoppedException;
import org.axdse.explorer.encoding.ApproximableLayer;
import org.axdse.explorer.encoding.GenomeCodec;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.ProgressListener;
import org.axdse.results.run.Metric;

/**
 * The seeds of {@code search --init allocation}: every design each layer allows is measured alone in its layer
 * ({@link LayerLossMeter}: the logit change on the screening images, compensated as the candidates are, and the
 * energy of that one-layer assignment), then {@link Allocation} lists the Lagrangian-optimal assignments as if
 * savings and losses added over layers, and {@code count} of them, spread along that path ({@link
 * Allocation#spread}), become genomes (every gene of a layer on the layer's choice). The measurements and the seeds are written to {@value #FILE}.
 */
final class AllocationSeeds {
  static final String FILE = "allocation.json";
  static final String FORMAT = "axdse-allocation-1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AllocationSeeds() {}

  /** The measured figures and the seeds. */
  record Result(List<LayerLoss> measured, List<Allocation.State> seeds, List<int[]> genomes, double seconds) {}

  /**
   * Measures every allowed design of every layer (the exact design costs nothing and is not run), then spreads
   * {@code count >= 1} seeds over the allocation path. {@code energy} is the search's energy objective (the
   * search has refused system energy without a system model before this). A stop
   * request ends the measurements ({@link StoppedException}).
   */
  static Result of(GenomeCodec codec, LayerLossMeter meter, Metric energy, int count, Progress progress,
      StopSignal stop) {
    long t0 = System.nanoTime();
    String exact = codec.space().exactMultiplier();
    List<ApproximableLayer> layers = codec.space().layers();
    int total = 0;
    for (ApproximableLayer l : layers) {
      total += (int) l.allowed().stream().filter(m -> !m.equals(exact)).count();
    }
    progress.info(String.format(Locale.ROOT, "--init allocation: measuring %d designs, each alone in its layer, "
        + "on the screening images", total));
    List<LayerLoss> measured = new ArrayList<>();
    List<List<Allocation.Option>> options = new ArrayList<>();
    try (ProgressListener.Task task = progress.tasks().start("one-layer losses", total, "designs")) {
      for (ApproximableLayer l : layers) {
        List<Allocation.Option> o = new ArrayList<>();
        for (int i = 0; i < l.allowed().size(); i++) {
          String m = l.allowed().get(i);
          if (m.equals(exact)) {
            o.add(new Allocation.Option(i, 0, 0));
            continue;
          }
          if (stop.isStopRequested()) {
            throw new StoppedException();
          }
          LayerLoss x = meter.measure(l.name(), m);
          measured.add(x);
          double e = energy == Metric.SYSTEM_ENERGY ? x.systemEnergy() : x.multiplierEnergy();
          o.add(new Allocation.Option(i, 1 - e, x.logitChange()));
          task.advance(1);
        }
        options.add(o);
      }
    }
    List<Allocation.State> seeds = Allocation.spread(Allocation.path(options), count);
    List<int[]> genomes = new ArrayList<>();
    for (Allocation.State s : seeds) {
      int[] g = codec.allExact();
      for (int l = 0; l < layers.size(); l++) {
        g = codec.withLayer(g, l, layers.get(l).allowed().get(s.choice()[l]));
      }
      genomes.add(g);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    progress.info(String.format(Locale.ROOT, "--init allocation: %d designs measured in %.1f s; %d seeds from "
        + "summed loss %.3g to %.3g", total, seconds, seeds.size(), seeds.get(0).loss(),
        seeds.get(seeds.size() - 1).loss()));
    return new Result(measured, seeds, genomes, seconds);
  }

  /** Writes {@code result} to {@code dir}/{@value #FILE}, atomically. */
  static void write(Path dir, GenomeCodec codec, Result result) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("loss", "mean squared change of the logit codes against the exact network, screening images");
    doc.put("seconds", result.seconds());
    List<Map<String, Object>> m = new ArrayList<>();
    for (LayerLoss x : result.measured()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("layer", x.layer());
      e.put("design", x.design());
      e.put("logitChange", x.logitChange());
      e.put("top1", x.top1());
      e.put("multiplierEnergy", x.multiplierEnergy());
      if (!Double.isNaN(x.systemEnergy())) {
        e.put("systemEnergy", x.systemEnergy());
      }
      m.add(e);
    }
    doc.put("measured", m);
    List<Map<String, Object>> s = new ArrayList<>();
    for (int i = 0; i < result.seeds().size(); i++) {
      Allocation.State st = result.seeds().get(i);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("summedLoss", st.loss());
      e.put("summedSaving", st.saving());
      Map<String, String> layers = new LinkedHashMap<>();
      List<String> chosen = codec.layerMultipliers(result.genomes().get(i));
      for (int l = 0; l < chosen.size(); l++) {
        layers.put(codec.space().layers().get(l).name(), chosen.get(l));
      }
      e.put("layers", layers);
      s.add(e);
    }
    doc.put("seeds", s);
    try {
      AtomicFiles.write(dir.resolve(FILE), JSON.writeValueAsBytes(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
