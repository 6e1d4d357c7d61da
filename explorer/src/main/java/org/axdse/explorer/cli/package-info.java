/**
 * The {@code axdse} command line. The root command gathers the subcommands each module contributes and owns the
 * error policy: a user error is one line on standard error and a non-zero exit code, never a stack trace.
 */
package org.axdse.explorer.cli;
