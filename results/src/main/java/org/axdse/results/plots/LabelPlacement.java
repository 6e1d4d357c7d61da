package org.axdse.results.plots;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Greedy placement of point labels without overlap. Labels are placed in the order given; each tries boxes around
 * its anchor (right, left, above, below, then the diagonals, on rings of growing distance) and takes the first that
 * lies inside the bounds and intersects no placed label and no obstacle (e.g. a marker). A label that finds no
 * free box is left out: the plot's tooltips still name its point. Placed labels beyond the first ring get a leader
 * line. This is the classic greedy heuristic for point-feature labelling (Christensen, Marks and Shieber, "An
 * empirical study of algorithms for point-feature label placement", ACM TOG 14(3), 1995).
 */
final class LabelPlacement {
  /** Distances (pixels) from the anchor to the nearest side of the label box, nearest ring first. */
  static final double[] RINGS = {5, 16, 30, 48, 70};
  /** Boxes are kept this far (pixels) apart. */
  static final double GAP = 1;

  /** A label to place: its text, its anchor in pixels and the size of its text box. */
  record Label(String text, double x, double y, double width, double height) {
    Label {
      Objects.requireNonNull(text, "text");
      if (!(width > 0 && height > 0)) {
        throw new IllegalArgumentException("label box must have a positive size: " + width + " x " + height);
      }
    }
  }

  /** A placed label: its text box and whether it needs a leader line back to its anchor. */
  record Placed(Label label, Rectangle2D box, boolean leader) {}

  private LabelPlacement() {}

  /** Places {@code labels} in order inside {@code bounds}, avoiding {@code obstacles} and each other. */
  static List<Placed> place(List<Label> labels, List<Rectangle2D> obstacles, Rectangle2D bounds) {
    List<Rectangle2D> taken = new ArrayList<>(obstacles);
    List<Placed> placed = new ArrayList<>();
    for (Label label : labels) {
      for (int ring = 0; ring < RINGS.length; ring++) {
        Rectangle2D box = firstFree(label, RINGS[ring], taken, bounds);
        if (box != null) {
          taken.add(box);
          placed.add(new Placed(label, box, ring > 0));
          break;
        }
      }
    }
    return placed;
  }

  /** The boxes a label tries at distance {@code d} from its anchor, in order of preference. */
  static List<Rectangle2D> candidates(Label l, double d) {
    double w = l.width();
    double h = l.height();
    double diagonal = d / Math.sqrt(2);
    return List.of(
        box(l.x() + d, l.y() - h / 2, w, h),
        box(l.x() - d - w, l.y() - h / 2, w, h),
        box(l.x() - w / 2, l.y() - d - h, w, h),
        box(l.x() - w / 2, l.y() + d, w, h),
        box(l.x() + diagonal, l.y() - diagonal - h, w, h),
        box(l.x() - diagonal - w, l.y() - diagonal - h, w, h),
        box(l.x() + diagonal, l.y() + diagonal, w, h),
        box(l.x() - diagonal - w, l.y() + diagonal, w, h));
  }

  /** True when the two boxes come closer than {@link #GAP}. */
  static boolean collide(Rectangle2D a, Rectangle2D b) {
    return a.getMinX() < b.getMaxX() + GAP && b.getMinX() < a.getMaxX() + GAP
        && a.getMinY() < b.getMaxY() + GAP && b.getMinY() < a.getMaxY() + GAP;
  }

  private static Rectangle2D firstFree(Label label, double d, List<Rectangle2D> taken, Rectangle2D bounds) {
    for (Rectangle2D box : candidates(label, d)) {
      if (bounds.contains(box) && taken.stream().noneMatch(t -> collide(t, box))) {
        return box;
      }
    }
    return null;
  }

  private static Rectangle2D box(double x, double y, double w, double h) {
    return new Rectangle2D.Double(x, y, w, h);
  }
}
