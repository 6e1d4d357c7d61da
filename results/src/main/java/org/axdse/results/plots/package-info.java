/**
 * Charts of a run with JFreeChart, rendered headless to PNG (ChartUtils) and SVG (Batik's SVGGraphics2D; not
 * JFreeSVG, which is GPL): the Pareto scatter (whole plane or a {@link org.axdse.results.plots.ZoomWindow} near the
 * exact accuracy), hypervolume convergence, the per-layer assignment of one point and a comparison of several
 * runs' fronts. Point labels are placed greedily so that none overlaps another; Pareto SVGs carry one invisible
 * hover target with an SVG title per point ({@link org.axdse.results.plots.PointTips}). Chart builders return a
 * {@link org.jfree.chart.JFreeChart} and never touch the disk; {@link org.axdse.results.plots.ChartFiles} writes
 * them, atomically.
 */
package org.axdse.results.plots;
