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
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.axdse.multipliers.util.AtomicFiles;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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
    return svg(chart, width, height, "", (document, root, info) -> { });
  }

  /** Adds elements to a chart's SVG after the chart is drawn; {@code info} holds the plot's data area. */
  interface SvgOverlay {
    void decorate(Document document, Element root, ChartRenderingInfo info);
  }

  /**
   * The chart as SVG, decorated by {@code overlay}. Every id Batik generates starts with {@code idPrefix}, so that
   * several charts can be inlined in one HTML page. The root gets a viewBox, so the drawing scales with its box.
   */
  static String svg(JFreeChart chart, int width, int height, String idPrefix, SvgOverlay overlay) {
    Document document;
    try {
      document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML document builder", e);
    }
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
    context.setIDGenerator(new SVGIDGenerator() {
      @Override
      public String generateID(String prefix) {
        return super.generateID(idPrefix + prefix);
      }
    });
    SVGGraphics2D g2 = new SVGGraphics2D(context, false);
    g2.setSVGCanvasSize(new Dimension(width, height));
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart.draw(g2, new Rectangle(0, 0, width, height), info);
    Element root = g2.getRoot();
    root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
    overlay.decorate(document, root, info);
    StringWriter out = new StringWriter();
    try {
      g2.stream(root, out, true, false);
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
