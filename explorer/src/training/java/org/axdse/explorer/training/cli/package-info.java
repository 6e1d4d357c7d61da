/**
 * The {@code axdse train} command, registered through {@link org.axdse.explorer.cli.SubcommandProvider} so that
 * the core build runs without DJL.
 */
package org.axdse.explorer.training.cli;
