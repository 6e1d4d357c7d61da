/**
 * The flags every {@code axdse} command spells the same way, as picocli mixins: {@code --format table|json} for
 * results on stdout and {@code --quiet}/{@code --progress-every} for progress on stderr. Progress never goes to
 * stdout, so JSON output stays parseable while a bar or periodic lines run.
 */
package org.axdse.multipliers.cli.flags;
