/**
 * The HTML report: one self-contained {@code report.html} per run directory (or per comparison of runs). The
 * Pareto plot and its zoomed view are inline SVG with a tooltip per point (one small embedded script, no network
 * at view time); the other plots are base64 PNG data URIs. Then the front, the configuration, the timings and the
 * baseline comparison; plus the {@code axdse report} command. Titles show paths relative to the working directory.
 * Reports only read run directories and never change them apart from adding {@code report.html} and {@code plots/}.
 */
package org.axdse.results.report;
