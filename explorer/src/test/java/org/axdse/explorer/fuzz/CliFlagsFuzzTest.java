package org.axdse.explorer.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the command line, in-process through picocli: 1,000 command lines, each a valid base command
 * (evaluate, compensate, search, multipliers import/export/show, worker) with one or two flags given a value that
 * is wrong for that flag by its documentation (negative or non-numeric counts, NaN, missing or wrong-kind files,
 * unknown enum values, foreign addresses), an unknown flag, or a required flag left out. Every case must exit 2
 * with one line naming the flag or the value, before any work that writes to the output directory.
 */
class CliFlagsFuzzTest {
  @TempDir Path tmp;

  private static final String[] COUNTS = {"-1", "-7", "abc", "NaN", "1.5", "2147483648", "", "0x10", "1e3",
      "99999999999"};
  private static final String[] ENUMS = {"junk", "", "-", "sym,asym"};
  private static final String[] REALS = {"NaN", "Infinity", "-Infinity", "-1", "abc", ""};

  private Path out;
  private Map<String, String[]> fileValues;

  @Test
  void junkFlagValues() throws IOException {
    Path root = Samples.repoRoot();
    String model = root.resolve("models/lenet5.onnx").toString();
    Path im = tmp.resolve("im.idx");
    Path lb = tmp.resolve("lb.idx");
    Files.write(im, Samples.idxImages(40, 28, 28));
    Files.write(lb, Samples.idxLabels(40));
    String data = "idx:" + im + "," + lb;
    out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "must not change\n");
    Path empty = Files.createFile(tmp.resolve("empty.json"));
    Path text = Files.writeString(tmp.resolve("hello.txt"), "hello\n");
    Path secret = Files.writeString(tmp.resolve("secret"), "0123456789abcdef-fuzz\n");
    Path table = tmp.resolve("t.csv");
    Files.writeString(table, "junk,not,a,table\n");
    String missing = tmp.resolve("no/such/file.json").toString();
    fileValues = Map.of("file", new String[] {missing, tmp.toString(), empty.toString(), text.toString(), model},
        "model", new String[] {missing, tmp.toString(), empty.toString(), text.toString()},
        "dir", new String[] {missing, text.toString()});

    Map<String, Command> commands = new LinkedHashMap<>();
    commands.put("evaluate", new Command(List.of("evaluate", "--model", model, "--data", data, "--calib", "20",
        "--limit", "20", "--threads", "1", "--no-float", "--no-layer-stats"), Map.ofEntries(
        Map.entry("--model", "model"), Map.entry("--data", "spec"), Map.entry("--calib", "count"),
        Map.entry("--limit", "count"), Map.entry("--threads", "count"), Map.entry("--weight-bits", "bits"),
        Map.entry("--quant", "enum"), Map.entry("--format", "enum"), Map.entry("--split", "enum"),
        Map.entry("--calib-method", "enum"), Map.entry("--config", "file"), Map.entry("--library", "dir"),
        Map.entry("--arch", "file"), Map.entry("--uniform", "name")), "--model"));
    commands.put("compensate", new Command(List.of("compensate", "--model", model, "--data", data, "--method",
        "bias", "--uniform", "s8x8_trunc4", "--calib", "20", "--limit", "20", "--split", "test", "--threads", "1",
        "--out", out.resolve("c.json").toString()), Map.of("--method", "enum", "--bias-order", "enum",
        "--epochs", "count", "--lr", "real", "--batch-size", "count", "--calib", "count", "--model", "model",
        "--data", "spec", "--uniform", "name"), "--method"));
    commands.put("search", new Command(List.of("search", "--model", model, "--data", data, "--calib-data",
        "holdout", "--calib", "20", "--population", "4", "--generations", "1", "--eval-images", "20",
        "--final-images", "20", "--threads", "1", "--out", out.resolve("run").toString()), Map.ofEntries(
        Map.entry("--population", "count"), Map.entry("--generations", "count"),
        Map.entry("--eval-images", "count"), Map.entry("--final-images", "count"), Map.entry("--threads", "count"),
        Map.entry("--calib-data", "calibration"), Map.entry("--restrict", "file"), Map.entry("--preprocess", "file"),
        Map.entry("--objectives", "enum"), Map.entry("--granularity", "enum"), Map.entry("--energy", "enum"),
        Map.entry("--compensate", "enum"), Map.entry("--budget", "duration"),
        Map.entry("--max-accuracy-drop", "real"), Map.entry("--backend", "enum"), Map.entry("--weight-bits", "bits"),
        Map.entry("--quant", "enum"), Map.entry("--library", "dir"), Map.entry("--model", "model")), "--model"));
    commands.put("import", new Command(List.of("multipliers", "import", "--into", out.resolve("lib").toString(),
        "--multiplier-format", "s8x2", table.toString()),
        Map.of("--multiplier-format", "enum", "--as", "enum"), "--into"));
    commands.put("export", new Command(List.of("multipliers", "export", "--file-format", "bin", "--out",
        out.resolve("x.bin").toString(), "s8x8_trunc4"), Map.of("--file-format", "enum"), "--out"));
    commands.put("worker", new Command(List.of("worker", "--secret-file", secret.toString(), "--threads", "1",
        "--bind", "127.0.0.1"), Map.of("--port", "port", "--members", "members", "--failure-timeout", "count",
        "--threads", "count", "--secret-file", "file", "--bind", "address"), "--secret-file"));

    SplittableRandom r = new SplittableRandom(301);
    List<String> names = List.copyOf(commands.keySet());
    try (Fuzzer z = new Fuzzer("CLI flags")) {
      for (int c = 0; c < Fuzzer.CASES; c++) {
        Command cmd = commands.get(names.get(r.nextInt(names.size())));
        List<String> args = new ArrayList<>(cmd.base);
        List<String> named = new ArrayList<>();
        int kind = r.nextInt(10);
        if (kind == 0) {
          args.add(args.size() - (cmd.positional() ? 1 : 0), "--no-such-flag");
          named.add("--no-such-flag");
        } else if (kind == 1) {
          int at = args.indexOf(cmd.required);
          args.remove(at + 1);
          args.remove(at);
          named.add(cmd.required);
        } else {
          List<String> flags = List.copyOf(cmd.flags.keySet());
          for (int k = 1 + (r.nextInt(4) == 0 ? 1 : 0); k > 0; k--) {
            String flag = flags.get(r.nextInt(flags.size()));
            String value = junk(cmd.flags.get(flag), r);
            set(args, flag, value, cmd.positional());
            named.add(flag);
            named.add(flag.substring(2));
            if (value.isBlank()) {
              named.addAll(List.of("''", "empty", "blank"));
            } else {
              named.add(value);
              named.add(value.substring(value.indexOf(':') + 1));
              named.addAll(List.of(value.split(",")));
            }
          }
        }
        z.runCli(String.join(" ", args.subList(0, Math.min(2, args.size()))), args, out, named);
      }
      z.finish();
    }
  }

  /** A base command line, its fuzzable flags with the kind of their values, and one required flag. */
  private record Command(List<String> base, Map<String, String> flags, String required) {
    boolean positional() {
      return base.get(0).equals("multipliers");
    }
  }

  private String junk(String kind, SplittableRandom r) {
    return switch (kind) {
      case "count" -> pick(COUNTS, r);
      case "bits" -> pick(new String[] {"0", "1", "9", "17", "-8", "abc"}, r);
      case "enum" -> pick(ENUMS, r);
      case "real" -> pick(REALS, r);
      case "file", "model", "dir" -> pick(fileValues.get(kind), r);
      case "spec" -> pick(new String[] {"junk:x", "idx:onlyone", "fashion-mnist:" + tmp.resolve("none"), "npy:a",
          "cifar10:" + fileValues.get("file")[2], ""}, r);
      case "calibration" -> pick(new String[] {"junk:x", "idx:onlyone", "fashion-mnist:" + tmp.resolve("none"),
          "npy:a", "holdout,holdout"}, r);
      case "name" -> pick(new String[] {"no_such_multiplier", "", "../../etc/passwd"}, r);
      case "duration" -> pick(new String[] {"abc", "-5m", "5x", "NaNh"}, r);
      case "address" -> pick(new String[] {"8.8.8.8", "999.1.1.1", "", "not a host"}, r);
      case "port" -> pick(new String[] {"-1", "65536", "abc", "99999"}, r);
      case "members" -> pick(new String[] {"junk", "host:99999", ":", "a:b"}, r);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** Sets {@code flag} to {@code value}: replaces its value when present, else adds it before any operand. */
  private static void set(List<String> args, String flag, String value, boolean positional) {
    int at = args.indexOf(flag);
    if (at >= 0) {
      args.set(at + 1, value);
    } else {
      int end = args.size() - (positional ? 1 : 0);
      args.add(end, value);
      args.add(end, flag);
    }
  }

  private static String pick(String[] values, SplittableRandom r) {
    return values[r.nextInt(values.length)];
  }
}
