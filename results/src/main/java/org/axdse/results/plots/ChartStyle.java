package org.axdse.results.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.axdse.results.run.MultiplierInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/** The look shared by every chart: white background, light grid, a colour-blind-safe palette (Okabe-Ito). */
final class ChartStyle {
  private ChartStyle() {}

  static final Color GREY = new Color(150, 150, 150, 110);
  static final Color FRONT = new Color(0, 114, 178);
  static final Color BASELINE = new Color(230, 159, 0);
  static final Color EXACT = new Color(213, 94, 0);
  static final BasicStroke LINE = new BasicStroke(1.6f);

  private static final Color[] PALETTE = {
    new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
    new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), new Color(0, 0, 0),
    new Color(120, 94, 240), new Color(100, 143, 255), new Color(254, 97, 0), new Color(220, 38, 127),
  };

  static Paint palette(int index) {
    Color base = PALETTE[index % PALETTE.length];
    int round = index / PALETTE.length;
    return round == 0 ? base : round % 2 == 1 ? base.darker() : base.brighter();
  }

  /** A stable colour for a multiplier: by its position in the library, so every chart agrees. */
  static Paint multiplierColor(List<MultiplierInfo> library, String name) {
    for (int i = 0; i < library.size(); i++) {
      if (library.get(i).name().equals(name)) {
        return palette(i);
      }
    }
    return Color.GRAY;
  }

  static Shape dot(double size) {
    return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
  }

  static JFreeChart finish(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(new Color(225, 225, 225));
      xy.setRangeGridlinePaint(new Color(225, 225, 225));
      ((NumberAxis) xy.getRangeAxis()).setAutoRangeIncludesZero(false);
      ((NumberAxis) xy.getDomainAxis()).setAutoRangeIncludesZero(false);
    }
    return chart;
  }
}
