package org.axdse.results.plots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.results.run.GenerationRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Hypervolume of the search's archive after each generation, for one run or several (one line each).
 * Generations whose hypervolume was not computed are left out.
 */
public final class ConvergencePlot {
  public static final String X_LABEL = "Generation";
  public static final String Y_LABEL = "Hypervolume (normalised, see README)";

  private ConvergencePlot() {}

  public static JFreeChart chart(List<GenerationRecord> history) {
    Map<String, List<GenerationRecord>> one = new LinkedHashMap<>();
    one.put("hypervolume", history);
    return chart(one);
  }

  /** One line per named run, in map order. */
  public static JFreeChart chart(Map<String, List<GenerationRecord>> histories) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    int i = 0;
    for (Map.Entry<String, List<GenerationRecord>> e : histories.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), true, true);
      for (GenerationRecord g : e.getValue()) {
        if (!Double.isNaN(g.hypervolume())) {
          s.add(g.generation(), g.hypervolume());
        }
      }
      data.addSeries(s);
      r.setSeriesPaint(i, ChartStyle.palette(i));
      r.setSeriesStroke(i, ChartStyle.LINE);
      r.setSeriesShape(i, ChartStyle.dot(5));
      i++;
    }
    NumberAxis x = new NumberAxis(X_LABEL);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, x, new NumberAxis(Y_LABEL), r);
    return ChartStyle.finish(new JFreeChart("Convergence", JFreeChart.DEFAULT_TITLE_FONT, plot,
        histories.size() > 1));
  }
}
