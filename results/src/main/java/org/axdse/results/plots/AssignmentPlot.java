package org.axdse.results.plots;

import java.util.List;
import org.axdse.results.run.EvaluatedPoint;
import org.axdse.results.run.MultiplierInfo;
import org.axdse.results.run.RunConfig;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The multiplier assignment of one point: one bar per layer, as high as the layer's multiplier's relative power
 * and coloured by multiplier (the same colour for a multiplier in every chart). For a per-channel point the bar
 * shows the mean relative power over the layer's channels, coloured by the layer's named multiplier.
 */
public final class AssignmentPlot {
  public static final String X_LABEL = "Layer";
  public static final String Y_LABEL = "Relative multiplier power (exact = 1)";

  private AssignmentPlot() {}

  /** Throws {@link IllegalArgumentException} when the run's library does not list a multiplier the point uses. */
  public static JFreeChart chart(RunConfig config, EvaluatedPoint point) {
    List<MultiplierInfo> library = config.multipliers();
    // Series are multipliers and categories layers; a stacked renderer draws the one non-empty cell per layer.
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<String> names = point.layerMultipliers();
    for (int layer = 0; layer < names.size(); layer++) {
      double power = point.channelMultipliers().isEmpty()
          ? power(config, names.get(layer))
          : point.channelMultipliers().get(layer).stream().mapToDouble(n -> power(config, n)).average()
              .orElse(0);
      data.addValue(power, names.get(layer), config.layerName(layer));
    }
    StackedBarRenderer r = new StackedBarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setMaximumBarWidth(0.08);
    for (int s = 0; s < data.getRowCount(); s++) {
      r.setSeriesPaint(s, ChartStyle.multiplierColor(library, (String) data.getRowKey(s)));
    }
    CategoryAxis x = new CategoryAxis(X_LABEL);
    if (names.size() > 12) {
      x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    }
    NumberAxis y = new NumberAxis(Y_LABEL);
    y.setRange(0, Math.max(1.05, maxPower(library) * 1.05));
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    return ChartStyle.finish(new JFreeChart("Assignment of point " + point.id(), JFreeChart.DEFAULT_TITLE_FONT,
        plot, true));
  }

  private static double power(RunConfig config, String name) {
    MultiplierInfo m = config.multiplier(name);
    if (m == null) {
      throw new IllegalArgumentException("the run's library does not list multiplier " + name);
    }
    return m.relativePower();
  }

  private static double maxPower(List<MultiplierInfo> library) {
    return library.stream().mapToDouble(MultiplierInfo::relativePower).max().orElse(1);
  }
}
