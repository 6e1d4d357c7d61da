package org.axdse.explorer.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axdse.explorer.backend.ProblemFactory;

/**
 * {@code axdse worker}: a cluster member that evaluates candidates for coordinators of its cluster. It builds each
 * run's problem with its own {@link ProblemFactory} from the shipped inputs, once per run key, and runs only the
 * fixed {@link ClusterTask}, after checking its tag. Close it to leave the cluster.
 */
public final class Worker implements AutoCloseable {
  private final HazelcastInstance hz;
  private final WorkerService service;
  private final Path tempStore;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Worker(HazelcastInstance hz, WorkerService service, Path tempStore) {
    this.hz = hz;
    this.service = service;
    this.tempStore = tempStore;
  }

  /**
   * Starts a worker with {@code threads} evaluation threads that keeps shipped inputs in {@code store} (null: a
   * temporary directory deleted on close) and reports to {@code log} (any thread).
   */
  public static Worker start(ProblemFactory factory, ClusterOptions options, int threads, Path store,
      Consumer<String> log) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1: " + threads);
    }
    Path dir = store;
    Path temp = null;
    try {
      if (dir == null) {
        temp = Files.createTempDirectory("axdse-worker-");
        dir = temp;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    WorkerService service = new WorkerService(factory, options.secret(), new InputStore(dir), threads, log);
    HazelcastInstance hz = ClusterNode.start(options, "worker", threads, Map.of(WorkerService.CONTEXT_KEY, service));
    Worker w = new Worker(hz, service, temp);
    hz.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
        w.stopped.countDown();
      }
    });
    hz.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {
        log.accept("member " + address(e) + " joined (" + e.getMembers().size() + " members)");
      }

      @Override
      public void memberRemoved(MembershipEvent e) {
        log.accept("member " + address(e) + " left (" + e.getMembers().size() + " members)");
      }
    });
    return w;
  }

  private static String address(MembershipEvent e) {
    return e.getMember().getAddress().getHost() + ":" + e.getMember().getAddress().getPort();
  }

  /** host:port this member listens on. */
  public String address() {
    var a = hz.getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  /** Members of the cluster, this one included. */
  public int members() {
    return hz.getCluster().getMembers().size();
  }

  /** Candidates this worker has evaluated. */
  public long evaluations() {
    return service.evaluations();
  }

  /** Blocks until the member has shut down. */
  public void awaitShutdown() throws InterruptedException {
    if (hz.getLifecycleService().isRunning()) {
      stopped.await();
    }
  }

  @Override
  public void close() {
    hz.shutdown();
    service.close();
    if (tempStore != null) {
      try (Stream<Path> files = Files.walk(tempStore)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
