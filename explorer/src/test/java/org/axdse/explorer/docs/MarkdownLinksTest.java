package org.axdse.explorer.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownLinksTest {

  @Test
  void slugFollowsGitHub() {
    // lower case, code marks dropped, ':' dropped, each space one hyphen: "and `--backend" gives "and---backend"
    assertEquals("cluster-axdse-worker-and---backend-hazelcast",
        MarkdownLinks.slug("Cluster: `axdse worker` and `--backend hazelcast`"));
    assertEquals("picking-a-configuration-axdse-pick", MarkdownLinks.slug("Picking a configuration: `axdse pick`"));
    // a link keeps its text only; '.' and '/' are dropped, '_' stays
    assertEquals("for-docscli-md_x", MarkdownLinks.slug("For [docs/cli](cli.md) .md_x"));
  }

  @Test
  void repeatedHeadingsAreNumberedAndFencedOnesIgnored() {
    List<String> lines = List.of("# Title", "## Progress", "```sh", "# on host 1", "```", "## Progress", "### Progress");
    assertEquals(List.of("title", "progress", "progress-1", "progress-2"),
        List.copyOf(MarkdownLinks.anchors(lines)));
  }

  @Test
  void linksInCodeAreNotLinks() {
    List<String> lines = List.of("see [the page](a.md#x) and `[a](b)`", "```", "[c](d)", "```", "![img](p.png)");
    List<String> targets = MarkdownLinks.links(Path.of("f.md"), lines).stream().map(MarkdownLinks.Link::target)
        .toList();
    assertEquals(List.of("a.md#x", "p.png"), targets);
  }

  @Test
  void deadFileAndDeadAnchorAreReportedLiveOnesAreNot(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/search.md"), "# Search\n\n## Checkpoint, resume\n");
    Files.writeString(root.resolve("README.md"), String.join("\n",
        "# Front", "## Install",
        "[ok](docs/search.md#checkpoint-resume) [ok too](#install) [web](https://example.org/x#y)",
        "[gone](docs/missing.md)",
        "[bad anchor](docs/search.md#checkpoint)",
        "[bad local](#installing)"));
    List<String> dead = MarkdownLinks.deadLinks(root, List.of(root.resolve("README.md")));
    assertEquals(List.of(
        "README.md:4: docs/missing.md: no such file docs/missing.md",
        "README.md:5: docs/search.md#checkpoint: no heading with anchor #checkpoint",
        "README.md:6: #installing: no heading with anchor #installing"), dead);
    assertTrue(MarkdownLinks.deadLinks(root, List.of(root.resolve("docs/search.md"))).isEmpty());
  }
}
