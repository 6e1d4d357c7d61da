/**
 * Charts of a run with JFreeChart, rendered headless to PNG (ChartUtils) and SVG (Batik's SVGGraphics2D; not
 * JFreeSVG, which is GPL): the Pareto scatter, hypervolume convergence, the per-layer assignment of one point and
 * a comparison of several runs' fronts. Chart builders return a {@link org.jfree.chart.JFreeChart} and never
 * touch the disk; {@link org.axdse.results.plots.ChartFiles} writes them, atomically.
 */
package org.axdse.results.plots;
