package org.axdse.explorer.training.cli;

import java.util.List;
import org.axdse.explorer.cli.SubcommandProvider;

/** Registers the DJL-based commands with {@code axdse} when the {@code training} profile is built. */
public final class TrainingCommands implements SubcommandProvider {
  @Override
  public List<Object> subcommands() {
    return List.of(new TrainCommand());
  }
}
