package org.axdse.results.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.axdse.multipliers.util.AtomicFiles;
import org.axdse.multipliers.util.BadInputException;
import org.axdse.multipliers.util.JsonFiles;
import org.axdse.results.pareto.Direction;

/**
 * JSON reading and writing for run files: snake_case field names, NaN written as {@code null} (so any JSON
 * parser reads the files) and read back as NaN, every field required, unknown fields rejected. Failures become
 * one {@link BadInputException} line naming the file, the line and the field.
 */
final class RunJson {
  private RunJson() {}

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .addModule(module())
      .injectableValues(new InjectableValues.Std().addValue(EvaluatedPoint.ABSENT_MEMORY, Double.NaN)
          .addValue(EvaluatedPoint.ABSENT_LATENCY, Double.NaN))
      .build();

  static void write(Path file, Object value) {
    AtomicFiles.write(file, out -> {
      MAPPER.writeValue(out, value);
      out.write('\n');
    });
  }

  static <T> T read(Path file, Class<T> type) {
    return JsonFiles.read(file, MAPPER, type);
  }


  private static SimpleModule module() {
    SimpleModule m = new SimpleModule("axdse-run");
    m.addSerializer(Double.class, new NanAsNull());
    m.addSerializer(Double.TYPE, new NanAsNull());
    m.addDeserializer(Double.TYPE, new NullAsNan());
    m.addDeserializer(Double.class, new NullAsNan());
    m.addSerializer(Direction.class, new StdScalarSerializer<>(Direction.class) {
      @Override
      public void serialize(Direction d, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(d.label());
      }
    });
    m.addDeserializer(Direction.class, new StdScalarDeserializer<>(Direction.class) {
      @Override
      public Direction deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Direction.parse(p.getValueAsString(""));
      }
    });
    return m;
  }

  private static final class NanAsNull extends StdScalarSerializer<Double> {
    NanAsNull() {
      super(Double.class);
    }

    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (v.isNaN() || v.isInfinite()) {
        g.writeNull();
      } else {
        g.writeNumber(v);
      }
    }
  }

  private static final class NullAsNan extends StdScalarDeserializer<Double> {
    NullAsNan() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      return (Double) c.handleUnexpectedToken(Double.class, p);
    }

    @Override
    public Double getNullValue(DeserializationContext c) {
      return Double.NaN;
    }
  }

  record RunFile(int formatVersion, RunConfig run) {
    RunFile {
      checkVersion(formatVersion);
    }
  }

  record PointsFile(int formatVersion, List<EvaluatedPoint> points) {
    PointsFile {
      checkVersion(formatVersion);
    }
  }

  record BaselinesFile(int formatVersion, List<Baseline> baselines) {
    BaselinesFile {
      checkVersion(formatVersion);
    }
  }

  record TimingsFile(int formatVersion, Timings timings) {
    TimingsFile {
      checkVersion(formatVersion);
    }
  }

  static final int FORMAT_VERSION = 1;

  private static void checkVersion(int v) {
    if (v != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "unsupported format_version " + v + " (this build reads " + FORMAT_VERSION + ")");
    }
  }
}
