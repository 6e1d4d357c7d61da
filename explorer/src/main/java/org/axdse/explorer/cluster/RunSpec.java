package org.axdse.explorer.cluster;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axdse.explorer.backend.FloatFormats;
import org.axdse.explorer.backend.ImcOptions;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.QuantOptions;
import org.axdse.explorer.backend.ShareOptions;
import org.axdse.explorer.encoding.Granularity;
import org.axdse.simulator.engine.WidthSet;
import org.axdse.simulator.model.Preprocessing;

/**
 * What a worker needs to build the coordinator's problem: the {@link ProblemRequest}, the model and library by
 * content hash (when they are files or directories), the restrictions and granularity that define the genome
 * encoding, and the fingerprint of the search space the coordinator built, which the worker's must equal. The
 * data set travels as its reference only ({@code --data}): members read it through a path they all share, and so
 * do the quantization options' calibration data and preprocessing sidecar ({@code --calib-data},
 * {@code --preprocess}). The IMC target's architecture travels as its JSON text.
 *
 * @param model the model's content, or null when {@code --model} names no file or directory
 * @param library the library's content, or null for the built-in library
 */
record RunSpec(ProblemRequest request, InputTree.InputRef model, InputTree.InputRef library,
    Map<String, List<String>> restrictions, String granularity, String fingerprint) {

  RunSpec {
    Map<String, List<String>> r = new LinkedHashMap<>();
    restrictions.forEach((k, v) -> r.put(k, List.copyOf(v)));
    restrictions = java.util.Collections.unmodifiableMap(r);
    Granularity.parse(granularity);
  }

  /** The content of the model or library named by {@code value}, or null when it names no file or directory. */
  static InputTree inputOf(String value, String flag) {
    Path p = pathOf(value);
    return p == null ? null : InputTree.read(p, flag);
  }

  /**
   * The content of the model file named by {@code value} together with its preprocessing sidecar
   * ({@code M.preprocess.json}) where one lies beside it, so workers find the sidecar next to the stored model.
   */
  static InputTree modelInputOf(String value) {
    Path p = pathOf(value);
    return p == null ? null : InputTree.read(p, "--model", List.of(Preprocessing.sidecarOf(p)));
  }

  private static Path pathOf(String value) {
    if (value == null) {
      return null;
    }
    try {
      Path p = Path.of(value);
      return Files.exists(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * The key workers load this run under: a SHA-256 over the spec with files replaced by their content hashes,
   * so the same inputs under other paths share one loaded problem.
   */
  String key() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encode()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request a worker opens: model and library replaced by where it stored them. */
  ProblemRequest localRequest(Path modelPath, Path libraryPath) {
    ProblemRequest q = request;
    return new ProblemRequest(modelPath == null ? q.model() : modelPath.toString(), q.data(), q.quant(),
        libraryPath == null ? q.library() : libraryPath.toString(), q.screeningImages(), q.finalImages(), q.seed(),
        q.channelRanking(), q.quantization());
  }

  byte[] encode() {
    Wire.Writer w = new Wire.Writer();
    write(w);
    return w.toBytes();
  }

  void write(Wire.Writer w) {
    ProblemRequest q = request;
    w.putString(model == null ? q.model() : "").putString(q.data()).putString(q.quant())
        .putInt(q.screeningImages()).putInt(q.finalImages()).putLong(q.seed()).putBoolean(q.channelRanking());
    QuantOptions o = q.quantization();
    w.putInt(o.calibrationImages()).putString(o.calibrationData()).putInt(o.weightBits())
        .putBoolean(o.perChannel()).putString(o.preprocess()).putString(o.compensate())
        .putString(o.widthSet().label()).putString(o.imc() == null ? "" : o.imc().architecture())
        .putInt(o.imc() == null ? 0 : o.imc().minPlanes()).putInt(o.imc() == null ? 0 : o.imc().minSlices())
        .putInt(o.imc() == null ? 0 : o.imc().minAdcBits()).putInt(o.imc() == null ? 0 : o.imc().biasImages())
        .putString(o.imc() == null ? "" : o.imc().biasOrder()).putString(o.share() == null ? "" : o.share().label())
        .putString(String.join(",", o.numberFormats())).putString(o.precision())
        .putBoolean(o.recalibrate()).putString(o.calibrationMethod());
    w.putBoolean(q.library() != null && library == null).putString(library == null && q.library() != null
        ? q.library() : "");
    writeRef(w, model);
    writeRef(w, library);
    w.putInt(restrictions.size());
    restrictions.forEach((layer, ms) -> {
      w.putString(layer).putInt(ms.size());
      ms.forEach(w::putString);
    });
    w.putString(granularity).putString(fingerprint);
  }

  static RunSpec read(Wire.Reader r) {
    String modelName = r.getString();
    String data = r.getString();
    String quant = r.getString();
    int screening = r.getInt();
    int fin = r.getInt();
    long seed = r.getLong();
    boolean ranking = r.getBoolean();
    int calib = r.getInt();
    String calibData = r.getString();
    int weightBits = r.getInt();
    boolean perChannel = r.getBoolean();
    String preprocess = r.getString();
    String compensate = r.getString();
    String widths = r.getString();
    String imcArch = r.getString();
    int[] imcFloors = {r.getInt(), r.getInt(), r.getInt(), r.getInt()};
    String imcBiasOrder = r.getString();
    String share = r.getString();
    String formats = r.getString();
    String precision = r.getString();
    boolean recalibrate = r.getBoolean();
    String calibMethod = r.getString();
    boolean namedLibrary = r.getBoolean();
    String libraryName = r.getString();
    InputTree.InputRef model = readRef(r);
    InputTree.InputRef library = readRef(r);
    int n = count(r.getInt());
    Map<String, List<String>> restrictions = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String layer = r.getString();
      int k = count(r.getInt());
      List<String> ms = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        ms.add(r.getString());
      }
      restrictions.put(layer, ms);
    }
    String granularity = r.getString();
    String fingerprint = r.getString();
    try {
      ProblemRequest q = new ProblemRequest(model == null ? modelName : "shipped model", data, quant,
          namedLibrary ? libraryName : library == null ? null : "shipped library", screening, fin, seed, ranking,
          new QuantOptions(calib, calibData, weightBits, perChannel, preprocess, compensate,
              WidthSet.parse(widths, "weight widths").widths(), imcArch.isEmpty() ? null
                  : new ImcOptions(imcArch, imcFloors[0], imcFloors[1], imcFloors[2], imcFloors[3], imcBiasOrder),
              ShareOptions.fromLabel(share),
              FloatFormats.parse(formats, "number formats"), precision, recalibrate, calibMethod));
      return new RunSpec(q, model, library, restrictions, granularity, fingerprint);
    } catch (IllegalArgumentException | NullPointerException | org.axdse.multipliers.util.BadInputException e) {
      throw new Wire.MalformedException(e.getMessage());
    }
  }

  private static void writeRef(Wire.Writer w, InputTree.InputRef ref) {
    w.putBoolean(ref != null);
    if (ref != null) {
      ref.write(w);
    }
  }

  private static InputTree.InputRef readRef(Wire.Reader r) {
    return r.getBoolean() ? InputTree.InputRef.read(r) : null;
  }

  private static int count(int n) {
    if (n < 0 || n > 1_000_000) {
      throw new Wire.MalformedException("bad count " + n);
    }
    return n;
  }
}
