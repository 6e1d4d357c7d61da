package org.axdse.explorer.docs;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links and headings of Markdown files, read the way GitHub renders them: headings and links inside fenced code
 * blocks or code spans do not count, a heading's anchor is its GitHub slug, and a repeated slug gets {@code -1},
 * {@code -2}, ... appended.
 */
final class MarkdownLinks {

  /** A link target found at a line of a file. */
  record Link(Path file, int line, String target) {}

  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEF = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern MD_LINK_TEXT = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

  private MarkdownLinks() {}

  /**
   * GitHub's anchor for a heading's text: Markdown links reduced to their text, HTML tags, code and emphasis marks
   * removed, lower case, every character that is not a letter, digit, {@code _} or {@code -} dropped, spaces turned
   * into hyphens.
   */
  static String slug(String headingText) {
    String text = MD_LINK_TEXT.matcher(headingText).replaceAll("$1");
    text = HTML_TAG.matcher(text).replaceAll("").replace("`", "").replace("*", "");
    text = text.strip().toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK) {
        slug.appendCodePoint(c);
      } else if (c == ' ') {
        slug.append('-');
      }
    });
    return slug.toString();
  }

  /** The anchors of the headings in {@code lines}, in order, with GitHub's numbering of repeated slugs. */
  static Set<String> anchors(List<String> lines) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : lines) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (inFence || !m.matches()) {
        continue;
      }
      String base = slug(m.group(2));
      int count = seen.merge(base, 1, Integer::sum);
      anchors.add(count == 1 ? base : base + "-" + (count - 1));
    }
    return anchors;
  }

  /** Every link target of {@code lines} outside code, in order: inline links, images and reference definitions. */
  static List<Link> links(Path file, List<String> lines) {
    List<Link> links = new ArrayList<>();
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      String text = blankCodeSpans(line);
      Matcher def = REFERENCE_DEF.matcher(text);
      if (def.find()) {
        links.add(new Link(file, i + 1, def.group(1)));
      }
      Matcher m = INLINE_LINK.matcher(text);
      while (m.find()) {
        links.add(new Link(file, i + 1, m.group(1)));
      }
    }
    return links;
  }

  /** Replaces the content of code spans by {@code x}, so that brackets in code are not read as links. */
  private static String blankCodeSpans(String line) {
    Matcher m = CODE_SPAN.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "x".repeat(m.group(2).length()) + m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The dead links of the given Markdown files, one line each ({@code FILE:LINE: TARGET: problem}), paths relative to
   * {@code root}. External links (with a scheme such as {@code https:}) are not followed.
   */
  static List<String> deadLinks(Path root, List<Path> files) throws IOException {
    Map<Path, Set<String>> anchorCache = new HashMap<>();
    List<String> dead = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      anchorCache.put(file.toAbsolutePath().normalize(), anchors(lines));
      for (Link link : links(file, lines)) {
        String problem = problem(link, anchorCache);
        if (problem != null) {
          dead.add(root.relativize(file.toAbsolutePath()) + ":" + link.line() + ": " + link.target() + ": " + problem);
        }
      }
    }
    return dead;
  }

  private static String problem(Link link, Map<Path, Set<String>> anchorCache) throws IOException {
    String target = link.target();
    if (SCHEME.matcher(target).find()) {
      return null;
    }
    int hash = target.indexOf('#');
    String pathPart = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path file = link.file().toAbsolutePath().normalize();
    Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
    if (!Files.exists(resolved)) {
      return "no such file " + pathPart;
    }
    if (anchor == null) {
      return null;
    }
    if (!resolved.getFileName().toString().endsWith(".md") || Files.isDirectory(resolved)) {
      return "anchor into a file that is not Markdown";
    }
    Set<String> anchors = anchorCache.get(resolved);
    if (anchors == null) {
      anchors = anchors(Files.readAllLines(resolved, StandardCharsets.UTF_8));
      anchorCache.put(resolved, anchors);
    }
    return anchors.contains(anchor) ? null : "no heading with anchor #" + anchor;
  }
}
