package org.axdse.results.plots;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.axdse.multipliers.util.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.w3c.dom.Document;

/** Renders charts to PNG and SVG bytes and writes them atomically. Works headless (no display needed). */
public final class ChartFiles {
  static {
    // JFreeChart draws rotated text (the y-axis label) through a TextLayout by default, a workaround for old
    // JDKs that Batik turns into glyph outlines; plain drawString keeps the label as SVG text.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartFiles() {}

  public static byte[] png(JFreeChart chart, int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The chart as a standalone SVG document; text stays text, so labels are searchable and selectable. */
  public static String svg(JFreeChart chart, int width, int height) {
    Document document;
    try {
      document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML document builder", e);
    }
    SVGGraphics2D g2 = new SVGGraphics2D(document);
    g2.setSVGCanvasSize(new Dimension(width, height));
    chart.draw(g2, new Rectangle(0, 0, width, height));
    StringWriter out = new StringWriter();
    try {
      g2.stream(out, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      g2.dispose();
    }
    return out.toString();
  }

  public static void writePng(Path file, JFreeChart chart, int width, int height) {
    AtomicFiles.write(file, png(chart, width, height));
  }

  public static void writeSvg(Path file, JFreeChart chart, int width, int height) {
    AtomicFiles.write(file, svg(chart, width, height).getBytes(StandardCharsets.UTF_8));
  }
}
