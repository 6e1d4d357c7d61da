package org.axdse.explorer.cli;

import java.util.Locale;
import org.axdse.multipliers.util.BadInputException;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code axdse completion bash|zsh}: prints the shell completion script picocli generates from the command tree
 * (every subcommand, option and enumerated value). The script is bash; zsh runs it through {@code bashcompinit},
 * which the script loads itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a shell completion script: source <(axdse completion bash), or put the output of "
        + "axdse completion zsh in a file on your fpath.")
final class CompletionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", description = "bash or zsh (default: bash)")
  String shell = "bash";

  @Override
  public void run() {
    String s = shell.toLowerCase(Locale.ROOT);
    if (!s.equals("bash") && !s.equals("zsh")) {
      throw new BadInputException("completion: expected bash or zsh, got '" + shell + "'");
    }
    String script = AutoComplete.bash("axdse", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
  }
}
