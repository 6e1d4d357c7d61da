package org.axdse.explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code axdse completion}: the generated script completes every subcommand, at every level, in bash and zsh. */
class CompletionCommandTest {
  private static String script(String shell) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertEquals(0, cl.execute("completion", shell));
    return out.toString();
  }

  private static void names(CommandLine cl, List<String> into) {
    for (var e : cl.getSubcommands().entrySet()) {
      into.add(e.getKey());
      names(e.getValue(), into);
    }
  }

  @Test
  void theScriptNamesEverySubcommand() {
    List<String> all = new ArrayList<>();
    names(Main.commandLine(), all);
    assertTrue(all.containsAll(List.of("evaluate", "sidecar", "kernels", "completion")), all.toString());
    String bash = script("bash");
    for (String name : all) {
      // picocli lists the subcommands of each level in a quoted, space-separated "commands" variable
      assertTrue(bash.matches("(?s).*commands=\"[^\"]*\\b" + name + "\\b[^\"]*\".*"), "not completed: " + name);
    }
    assertTrue(bash.contains("--format"), "options are completed too");
  }

  @Test
  void zshGetsTheSameScriptWhichLoadsBashcompinit() {
    String zsh = script("zsh");
    assertEquals(script("bash"), zsh);
    assertTrue(zsh.contains("bashcompinit"), "zsh runs the bash script through bashcompinit");
  }

  @Test
  void anUnknownShellIsAOneLineError() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("completion", "fish"));
    assertEquals("axdse: completion: expected bash or zsh, got 'fish'", err.toString().strip());
  }
}
