package org.axdse.simulator.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.axdse.simulator.onnx.proto.OnnxSubset.TensorProto;
import org.axdse.simulator.onnx.proto.OnnxSubset.TensorProto.DataType;

/**
 * Decodes a TensorProto into a {@link Constant}. The element count claimed by {@code dims} is checked against a
 * cap and against the data actually present before anything is allocated, so a corrupt header claiming 10^12
 * elements fails with a message instead of exhausting memory.
 */
final class OnnxTensors {
  /** Largest constant we decode: 2^28 elements (1 GiB of floats), far above any model this project runs. */
  static final long MAX_ELEMENTS = 1L << 28;

  private OnnxTensors() {}

  /** The decoded tensor; {@code problem} messages are thrown as IllegalArgumentException for the caller to place. */
  static Constant decode(TensorProto t) {
    long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    long n = 1;
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
      }
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " overflow 64 bits");
      }
    }
    if (n > MAX_ELEMENTS) {
      throw new IllegalArgumentException("claims " + n + " elements " + Arrays.toString(dims) + ", more than the "
          + MAX_ELEMENTS + " supported");
    }
    if (t.getDataLocation() == 1) {
      throw new IllegalArgumentException("data stored in an external file, which is not supported");
    }
    int count = (int) n;
    ByteString raw = t.hasRawData() ? t.getRawData() : null;
    DataType type = DataType.forNumber(t.getDataType());
    if (type == null) {
      throw new IllegalArgumentException("unknown data type " + t.getDataType());
    }
    return switch (type) {
      case FLOAT -> Constant.ofFloats(dims, raw != null ? rawFloats(raw, count) : floats(t, count));
      case DOUBLE -> Constant.ofFloats(dims, raw != null ? rawDoubles(raw, count) : doubles(t, count));
      case INT64 -> Constant.ofLongs(dims, raw != null ? rawLongs(raw, count, 8) : int64s(t, count));
      case INT32 -> Constant.ofLongs(dims, raw != null ? rawLongs(raw, count, 4) : int32s(t, count));
      default -> throw new IllegalArgumentException("data type " + type + " is not supported");
    };
  }

  private static void expect(long actual, long count, String field, int elemSize) {
    if (actual != count * elemSize) {
      throw new IllegalArgumentException(field + " holds " + actual / Math.max(1, elemSize) + " elements but dims "
          + "claim " + count);
    }
  }

  private static ByteBuffer buffer(ByteString raw) {
    return raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static float[] rawFloats(ByteString raw, int count) {
    expect(raw.size(), count, "raw_data", 4);
    float[] v = new float[count];
    buffer(raw).asFloatBuffer().get(v);
    return v;
  }

  private static float[] rawDoubles(ByteString raw, int count) {
    expect(raw.size(), count, "raw_data", 8);
    ByteBuffer b = buffer(raw);
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) b.getDouble();
    }
    return v;
  }

  private static long[] rawLongs(ByteString raw, int count, int size) {
    expect(raw.size(), count, "raw_data", size);
    ByteBuffer b = buffer(raw);
    long[] v = new long[count];
    for (int i = 0; i < count; i++) {
      v[i] = size == 8 ? b.getLong() : b.getInt();
    }
    return v;
  }

  private static float[] floats(TensorProto t, int count) {
    expect(t.getFloatDataCount(), count, "float_data", 1);
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = t.getFloatData(i);
    }
    return v;
  }

  private static float[] doubles(TensorProto t, int count) {
    expect(t.getDoubleDataCount(), count, "double_data", 1);
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) t.getDoubleData(i);
    }
    return v;
  }

  private static long[] int64s(TensorProto t, int count) {
    expect(t.getInt64DataCount(), count, "int64_data", 1);
    return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] int32s(TensorProto t, int count) {
    expect(t.getInt32DataCount(), count, "int32_data", 1);
    return t.getInt32DataList().stream().mapToLong(Integer::longValue).toArray();
  }

  /** A float tensor with raw little-endian data, as the exporter writes it. */
  static TensorProto floatTensor(String name, float[] values, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return TensorProto.newBuilder().setName(name).setDataType(DataType.FLOAT_VALUE)
        .addAllDims(Arrays.stream(dims).boxed().toList()).setRawData(ByteString.copyFrom(b.array())).build();
  }

  /** An int64 tensor (shapes, axes, pads, slice bounds). */
  static TensorProto longTensor(String name, long[] values, long... dims) {
    return TensorProto.newBuilder().setName(name).setDataType(DataType.INT64_VALUE)
        .addAllDims(Arrays.stream(dims).boxed().toList())
        .addAllInt64Data(Arrays.stream(values).boxed().toList()).build();
  }
}
