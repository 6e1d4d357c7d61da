package org.axdse.explorer.cluster;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Hazelcast logs through java.util.logging at level WARNING and above only, one line per message and no stack
 * trace (unless {@code AXDSE_DEBUG} is set), prefixed {@code hazelcast:}. The JVM-wide notice that Hazelcast
 * runs without {@code --add-opens} (it only loses some metrics) is dropped.
 */
final class QuietLogging {
  private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");
  /** Hazelcast's "[host]:port [cluster] [version] " in front of every message. */
  private static final String MEMBER_PREFIX = "^\\[[^\\]]*]:\\d+ \\[[^\\]]*] \\[[^\\]]*] ";
  private static boolean installed;

  private QuietLogging() {}

  static synchronized void install() {
    System.setProperty("hazelcast.logging.type", "jdk");
    if (installed) {
      return;
    }
    installed = true;
    boolean debug = System.getenv("AXDSE_DEBUG") != null;
    HAZELCAST.setLevel(Level.WARNING);
    HAZELCAST.setUseParentHandlers(false);
    ConsoleHandler h = new ConsoleHandler();
    h.setLevel(Level.WARNING);
    h.setFilter(r -> debug || !String.valueOf(r.getMessage()).contains("proper access to required Java packages"));
    h.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        String m = formatMessage(r);
        Throwable t = r.getThrown();
        if (t != null && (m == null || m.isBlank())) {
          m = t.toString();
        }
        String text = String.valueOf(m).replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceFirst(MEMBER_PREFIX, "");
        StringBuilder line = new StringBuilder("hazelcast: ").append(text.strip());
        if (debug && t != null) {
          line.append(System.lineSeparator()).append(t);
        }
        return line.append(System.lineSeparator()).toString();
      }
    });
    HAZELCAST.addHandler(h);
  }
}
