/**
 * Results of a search: Pareto fronts, quality indicators, plots, the HTML report and deployment configs.
 */
package org.axdse.results;
