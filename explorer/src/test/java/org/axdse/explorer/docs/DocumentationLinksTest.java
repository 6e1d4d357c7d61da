package org.axdse.explorer.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link and anchor in README.md and docs/*.md of this repository resolves. */
class DocumentationLinksTest {

  @Test
  void everyLinkOfTheDocumentationResolves() throws IOException {
    Path root = repositoryRoot();
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
    }
    assertTrue(files.size() > 1, "no pages in docs/");
    int links = 0;
    for (Path f : files) {
      links += MarkdownLinks.links(f, Files.readAllLines(f)).size();
    }
    assertTrue(links > 0, "no links found: the link reader is broken");
    List<String> dead = MarkdownLinks.deadLinks(root, files);
    assertTrue(dead.isEmpty(), () -> dead.size() + " dead link(s):\n" + String.join("\n", dead));
  }

  private static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("explorer"))) {
        return p;
      }
    }
    throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
  }
}
