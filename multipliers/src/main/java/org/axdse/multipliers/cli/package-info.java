/**
 * The {@code axdse multipliers} subcommands: list, show, import and export. Commands parse and validate options
 * and delegate to the library, metrics, cost and io packages; they hold no logic of their own.
 */
package org.axdse.multipliers.cli;
