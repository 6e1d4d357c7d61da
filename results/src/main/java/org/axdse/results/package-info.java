/**
 * Results of a search: Pareto fronts, quality indicators, plots and the HTML report. This module reads run files
 * and draws; it runs no inference (it depends on {@code multipliers} only for its file helpers). Picking a point
 * and writing {@code deploy.json} lives in {@code org.axdse.explorer.pick}, next to the simulator it needs.
 */
package org.axdse.results;
