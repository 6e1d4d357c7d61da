package org.axdse.explorer.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The one task class the cluster runs: a message kind, a body and the body's tag (HMAC with the cluster secret).
 * It is decoded by a fixed {@link IdentifiedDataSerializable} factory, never by Java serialization, and it runs
 * no code it carries: on a worker it hands the bytes to {@link WorkerService}, which checks the tag before it
 * decodes the body. The answer is a {@link Reply}, as bytes tagged by the worker.
 */
final class ClusterTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
  static final int FACTORY_ID = 0x41584453;
  static final int CLASS_ID = 1;
  private static final byte[] DOMAIN = "axdse-task".getBytes(StandardCharsets.UTF_8);

  /** What a task asks for. */
  enum Kind {
    /** Prove knowledge of the secret (body: a nonce); the answer gives the worker's thread count. */
    HANDSHAKE,
    /** Load a run's problem (body: {@link RunSpec}, with input files when the worker lacks them). */
    PREPARE,
    /** Evaluate one genome of a prepared run (body: run key, fidelity, genome). */
    EVALUATE
  }

  private byte kind;
  private byte[] body;
  private byte[] tag;
  private transient HazelcastInstance instance;

  /** For the serialization factory. */
  ClusterTask() {}

  private ClusterTask(Kind kind, byte[] body, byte[] tag) {
    this.kind = (byte) kind.ordinal();
    this.body = body;
    this.tag = tag;
  }

  /** A task of {@code kind} with {@code body}, tagged with {@code secret}. */
  static ClusterTask signed(ClusterSecret secret, Kind kind, byte[] body) {
    return new ClusterTask(kind, body, secret.tag(DOMAIN, new byte[] {(byte) kind.ordinal()}, body));
  }

  /** True when this task's tag was made with {@code secret}. */
  boolean verify(ClusterSecret secret) {
    return secret.verify(tag, DOMAIN, new byte[] {kind}, body);
  }

  /** The kind, or null for a kind this build does not know. */
  Kind kind() {
    return kind >= 0 && kind < Kind.values().length ? Kind.values()[kind] : null;
  }

  byte[] body() {
    return body;
  }

  byte[] tag() {
    return tag.clone();
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.instance = hz;
  }

  @Override
  public byte[] call() {
    Object service = instance == null ? null : instance.getUserContext().get(WorkerService.CONTEXT_KEY);
    if (!(service instanceof WorkerService worker)) {
      return Reply.unsigned("this member is not an axdse worker");
    }
    return worker.handle(this, instance.getCluster().getLocalMember().getUuid().toString());
  }

  @Override
  public int getFactoryId() {
    return FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeByte(kind);
    out.writeByteArray(body);
    out.writeByteArray(tag);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    kind = in.readByte();
    body = in.readByteArray();
    tag = in.readByteArray();
    if (body == null || tag == null) {
      throw new IOException("cluster task without body or tag");
    }
  }

  /** Creates {@link ClusterTask}s, and nothing else, from the bytes on the wire. */
  static final class Factory implements DataSerializableFactory {
    @Override
    public IdentifiedDataSerializable create(int classId) {
      return classId == CLASS_ID ? new ClusterTask() : null;
    }
  }
}
