package org.axdse.explorer.cluster;

import com.hazelcast.cluster.Member;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the coordinator knows of one worker member: whether it passed the handshake and prepared the run, its
 * thread count (how many candidates it is given at once), whether it is still in the cluster, and how many
 * evaluations it returned.
 */
final class WorkerState {
  /** Where a worker is in its life with this run. */
  enum Status {
    PREPARING,
    READY,
    /** Failed the secret check: never given work, its replies never accepted. */
    REFUSED,
    /** Could not prepare the run (see the log). */
    FAILED,
    /** Left the cluster. */
    GONE
  }

  private final Member member;
  private volatile Status status = Status.PREPARING;
  private volatile int threads;
  private int inFlight;
  private final AtomicLong evaluations = new AtomicLong();

  WorkerState(Member member) {
    this.member = member;
  }

  Member member() {
    return member;
  }

  /** host:port of the member. */
  String address() {
    return member.getAddress().getHost() + ":" + member.getAddress().getPort();
  }

  Status status() {
    return status;
  }

  void ready(int workerThreads) {
    threads = workerThreads;
    status = Status.READY;
  }

  void status(Status s) {
    status = s;
  }

  boolean usable() {
    return status == Status.READY;
  }

  int threads() {
    return threads;
  }

  /** Candidates in flight on this worker (touched by the coordinator thread only). */
  int inFlight() {
    return inFlight;
  }

  void started() {
    inFlight++;
  }

  void ended() {
    inFlight--;
  }

  long evaluations() {
    return evaluations.get();
  }

  void evaluated() {
    evaluations.incrementAndGet();
  }
}
