package org.axdse.explorer.cli;

import java.util.List;

/**
 * Contributes subcommands that live outside the core build, such as {@code train}, which needs the DJL
 * {@code training} Maven profile. Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.axdse.explorer.cli.SubcommandProvider} entry), so {@link Main} compiles and runs
 * without them and simply lacks their commands.
 */
public interface SubcommandProvider {

  /** The picocli command objects to add under {@code axdse}; each must carry a {@code @Command} name. */
  List<Object> subcommands();
}
