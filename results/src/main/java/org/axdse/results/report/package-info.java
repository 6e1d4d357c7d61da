/**
 * The HTML report: one self-contained {@code report.html} per run directory (or per comparison of runs), with
 * the plots embedded as base64 PNG data URIs, the front, the configuration, the timings and the baseline
 * comparison; plus the {@code axdse report} command. Reports only read run directories and never change them
 * apart from adding {@code report.html} and {@code plots/}.
 */
package org.axdse.results.report;
