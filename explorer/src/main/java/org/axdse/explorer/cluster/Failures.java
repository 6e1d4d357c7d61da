package org.axdse.explorer.cluster;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** One-line descriptions of the failures a remote call may end with (a member that left, a timeout, ...). */
final class Failures {
  private Failures() {}

  /** True when {@code t} says the target member left the cluster (or this member is shutting down). */
  static boolean memberLeft(Throwable t) {
    Throwable c = unwrap(t);
    return c instanceof MemberLeftException || c instanceof TargetNotMemberException
        || c instanceof HazelcastInstanceNotActiveException;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof ExecutionException || c instanceof CompletionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  static String describe(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof TimeoutException) {
      return "timed out";
    }
    String m = c.getMessage();
    String name = c.getClass().getSimpleName();
    return (m == null || m.isBlank() ? name : name + ": " + m).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
