package org.axdse.explorer.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The coordinator's table of worker members. Each member that joins is checked and prepared on a background
 * thread: a handshake (a nonce in a tagged task; the worker's tagged answer must name its own member id, so it
 * cannot be relayed from another member) and then the run's {@link RunSpec}, followed by the input files when the
 * worker lacks them. Only members that pass both get work; members that fail the secret check are refused and
 * logged. Membership changes are logged through {@code log} (any thread).
 */
final class Workers implements MembershipListener, AutoCloseable {
  private static final long HANDSHAKE_SECONDS = 30;

  private final HazelcastInstance hz;
  private final IExecutorService executor;
  private final ClusterSecret secret;
  private final RunSpec spec;
  private final InputTree model;
  private final InputTree library;
  private final long prepareSeconds;
  private final Consumer<String> log;
  private final Map<UUID, WorkerState> states = new ConcurrentHashMap<>();
  private final ExecutorService admin = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "axdse-cluster-admin");
    t.setDaemon(true);
    return t;
  });
  private final SecureRandom random = new SecureRandom();
  private UUID listener;

  Workers(HazelcastInstance hz, ClusterSecret secret, RunSpec spec, InputTree model, InputTree library,
      long prepareSeconds, Consumer<String> log) {
    this.hz = hz;
    this.executor = hz.getExecutorService(ClusterNode.EXECUTOR);
    this.secret = secret;
    this.spec = spec;
    this.model = model;
    this.library = library;
    this.prepareSeconds = prepareSeconds;
    this.log = log;
  }

  /** Starts watching the membership and prepares the members already there, waiting for them. */
  void start() {
    listener = hz.getCluster().addMembershipListener(this);
    List<Future<?>> pending = new ArrayList<>();
    for (Member m : hz.getCluster().getMembers()) {
      WorkerState s = new WorkerState(m);
      if (!m.localMember() && states.putIfAbsent(m.getUuid(), s) == null) {
        pending.add(admin.submit(() -> prepare(s)));
      }
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        log.accept("cluster: preparing a worker failed: " + e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void memberAdded(MembershipEvent e) {
    Member m = e.getMember();
    WorkerState s = new WorkerState(m);
    if (m.localMember() || states.putIfAbsent(m.getUuid(), s) != null) {
      return;
    }
    log.accept("cluster: member " + s.address() + " joined; it takes work from the next generation on");
    admin.submit(() -> prepare(s));
  }

  @Override
  public void memberRemoved(MembershipEvent e) {
    WorkerState s = states.get(e.getMember().getUuid());
    if (s != null && s.status() != WorkerState.Status.GONE) {
      boolean wasWorking = s.usable();
      s.status(WorkerState.Status.GONE);
      if (wasWorking) {
        log.accept("cluster: worker " + s.address() + " left the cluster");
      }
    }
  }

  /** The workers ready to take work now, in a fixed order (by address). */
  List<WorkerState> ready() {
    return states.values().stream().filter(WorkerState::usable)
        .sorted(java.util.Comparator.comparing(WorkerState::address)).toList();
  }

  /** Every member ever seen, by address. */
  List<WorkerState> all() {
    return states.values().stream().sorted(java.util.Comparator.comparing(WorkerState::address)).toList();
  }

  private void prepare(WorkerState s) {
    try {
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      Reply hello = call(s, ClusterTask.Kind.HANDSHAKE, new Wire.Writer().putBytes(nonce).toBytes(),
          HANDSHAKE_SECONDS);
      Wire.Reader r = new Wire.Reader(hello.body());
      String uuid = hello.status() == Reply.Status.OK ? r.getString() : "";
      if (!uuid.equals(s.member().getUuid().toString())) {
        throw new Reply.RejectedException("handshake answered for another member");
      }
      int threads = r.getInt();
      Reply prepared = call(s, ClusterTask.Kind.PREPARE, prepareBody(false), prepareSeconds);
      if (prepared.status() == Reply.Status.NEED_INPUTS) {
        byte[] body = prepareBody(true);
        log.accept(String.format(java.util.Locale.ROOT, "cluster: shipping the run's inputs to %s (%.1f MB)",
            s.address(), body.length / 1e6));
        prepared = call(s, ClusterTask.Kind.PREPARE, body, prepareSeconds);
      }
      if (prepared.status() != Reply.Status.OK) {
        s.status(WorkerState.Status.FAILED);
        log.accept("cluster: worker " + s.address() + " cannot prepare the run: " + prepared.message());
        return;
      }
      if (s.status() == WorkerState.Status.PREPARING) {
        s.ready(Math.max(1, threads));
        log.accept("cluster: worker " + s.address() + " ready with " + threads + " threads");
      }
    } catch (Reply.RejectedException e) {
      s.status(WorkerState.Status.REFUSED);
      log.accept("cluster: refused member " + s.address() + ": it failed the secret check (" + e.getMessage() + ")");
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      if (s.status() != WorkerState.Status.GONE) {
        s.status(WorkerState.Status.FAILED);
      }
      log.accept("cluster: member " + s.address() + " did not answer: " + Failures.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private byte[] prepareBody(boolean withFiles) {
    Wire.Writer w = new Wire.Writer();
    spec.write(w);
    w.putBoolean(withFiles);
    if (withFiles) {
      if (model != null) {
        model.write(w);
      }
      if (library != null) {
        library.write(w);
      }
    }
    return w.toBytes();
  }

  private Reply call(WorkerState s, ClusterTask.Kind kind, byte[] body, long seconds)
      throws ExecutionException, InterruptedException, TimeoutException {
    ClusterTask task = ClusterTask.signed(secret, kind, body);
    byte[] reply = executor.submitToMember(task, s.member()).get(seconds, TimeUnit.SECONDS);
    return Reply.decode(reply, secret, task.tag());
  }

  @Override
  public void close() {
    admin.shutdownNow();
    if (listener != null && hz.getLifecycleService().isRunning()) {
      hz.getCluster().removeMembershipListener(listener);
    }
  }
}
