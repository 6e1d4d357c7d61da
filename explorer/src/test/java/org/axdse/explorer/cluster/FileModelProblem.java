package org.axdse.explorer.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.axdse.explorer.backend.ProblemFactory;
import org.axdse.explorer.backend.ProblemRequest;
import org.axdse.explorer.backend.SearchProblem;
import org.axdse.explorer.search.SyntheticProblem;

/**
 * A problem factory that reads its "model" from a file (holding a synthetic model spec) and requires a library
 * directory with {@code library.txt}, so tests can see that workers receive the coordinator's files. Counts how
 * often it loads.
 */
final class FileModelProblem implements ProblemFactory {
  final AtomicInteger loads = new AtomicInteger();

  @Override
  public SearchProblem open(ProblemRequest r) {
    try {
      String spec = Files.readString(Path.of(r.model())).strip();
      if (!Files.isRegularFile(Path.of(r.library()).resolve("library.txt"))) {
        throw new IllegalStateException("no library.txt in " + r.library());
      }
      loads.incrementAndGet();
      return new SyntheticProblem().open(new ProblemRequest(spec, r.data(), r.quant(), null, r.screeningImages(),
          r.finalImages(), r.seed(), r.channelRanking()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
