package org.axdse.simulator.kernels;

/**
 * The integer kernels of the simulator: raw accumulators of GEMMs and convolutions whose every multiplication is
 * a product-table lookup, {@code C[n][m] = sum_k T_n[A[k][m]][W[n][k]]} (int32, wrapping), where {@code T_n} is
 * the table of output channel n. Zero points, bias and requantisation are the caller's.
 *
 * <p>One call uses all {@link #parallelism()} threads, tiling over 128-column blocks (and row ranges when there
 * are few blocks); results are identical for any thread count and any {@link KernelMode}. Outputs go to
 * caller-provided arrays; per-thread scratch is reused, so a call allocates only a few small task objects.
 * Calls on one instance must not overlap; close it to stop its threads.
 */
public final class Kernels implements AutoCloseable {
  private static final int BLOCK = Scratch.BLOCK;

  private final KernelMode mode;
  private final BilinearPolicy bilinear;
  private final TaskRunner runner;

  private Kernels(int parallelism, KernelMode mode, BilinearPolicy bilinear) {
    if (mode == null || bilinear == null) {
      throw new IllegalArgumentException("kernel mode and bilinear policy are required");
    }
    this.mode = mode;
    this.bilinear = bilinear;
    this.runner = new TaskRunner(parallelism);
  }

  /** Kernels on {@code parallelism} threads in {@code mode}. */
  public static Kernels create(int parallelism, KernelMode mode) {
    return create(parallelism, mode, BilinearPolicy.fromSystemProperty());
  }

  /** Like {@link #create(int, KernelMode)} with a given {@link BilinearPolicy} (benchmarks of either path). */
  public static Kernels create(int parallelism, KernelMode mode, BilinearPolicy bilinear) {
    if (mode.vector() && !KernelMode.vectorSupported()) {
      throw new IllegalStateException("vector kernels need 512-bit vectors, which this machine lacks");
    }
    return new Kernels(parallelism, mode, bilinear);
  }

  /** Like {@link #create(int, KernelMode)} without the hardware check: emulated vectors are slow but exact. */
  static Kernels createUnchecked(int parallelism, KernelMode mode) {
    return new Kernels(parallelism, mode, BilinearPolicy.fromSystemProperty());
  }

  /** Like {@link #createUnchecked(int, KernelMode)} with a given {@link BilinearPolicy} (tests). */
  static Kernels createUnchecked(int parallelism, KernelMode mode, BilinearPolicy bilinear) {
    return new Kernels(parallelism, mode, bilinear);
  }

  /** Kernels on every available core, in the mode of {@link KernelMode#fromSystemProperty()}. */
  public static Kernels create() {
    return new Kernels(Runtime.getRuntime().availableProcessors(), KernelMode.fromSystemProperty(),
        BilinearPolicy.fromSystemProperty());
  }

  public KernelMode mode() {
    return mode;
  }

  /** When rows with a bilinear table take the bilinear kernel. */
  public BilinearPolicy bilinear() {
    return bilinear;
  }

  public int parallelism() {
    return runner.parallelism();
  }

  /**
   * {@code c[n * M + m] = sum_k T_n[a(k, m)][w(n, k)]} for every row n of {@code w} and column m of {@code a}
   * (a dense layer is this with M = batch). {@code c} needs {@code w.rows() * a.cols()} ints.
   */
  public void gemm(ActivationPanel a, WeightMatrix w, RowTables t, int[] c) {
    check(w, t, a.rows(), (long) w.rows() * a.cols(), c);
    int m = a.cols();
    int blocks = (m + BLOCK - 1) / BLOCK;
    int chunk = rowChunk(blocks, w.rows());
    int chunks = (w.rows() + chunk - 1) / chunk;
    byte[] data = a.data();
    int lda = a.stride();
    runner.run(blocks * chunks, task -> {
      int col0 = task % blocks * BLOCK;
      int r0 = task / blocks * chunk;
      Scratch s = Scratch.get(w.cols(), chunk);
      BlockGemm.compute(mode, bilinear, data, col0, lda, Math.min(BLOCK, m - col0), w, t, r0,
          Math.min(w.rows(), r0 + chunk), c, m, col0, s);
    });
  }

  /**
   * Convolves {@code batch} images: {@code out[n * M + m]} with {@code M = batch * outH * outW} and {@code m = (b *
   * outH + oy) * outW + ox} is the raw accumulator of output channel n. {@code input} is channel-major, {@code
   * [inC][batch][inH][inW]} (so {@code out} is the next layer's layout); padding reads {@code padCode}. Weights
   * are {@code outC x (inC / groups * kH * kW)}. When {@code columnSums} is not null it receives, at {@code [group *
   * M + m]}, the sum over k of the im2col activation values (pad codes included) of each group.
   */
  public void conv(ConvGeometry g, int batch, byte[] input, byte padCode, WeightMatrix w, RowTables t, int[] out,
      int[] columnSums) {
    Im2Col.checkInput(g, batch, input);
    if (w.rows() != g.outChannels()) {
      throw new IllegalArgumentException("weights have " + w.rows() + " rows for " + g.outChannels() + " channels");
    }
    int m = batch * g.outHeight() * g.outWidth();
    check(w, t, g.reduction(), (long) g.outChannels() * m, out);
    boolean signed = t.format().signed();
    convBlocks(g, batch, input, padCode, signed, columnSums, (a, aOff, lda, cols, r0, r1, col0, s) ->
        BlockGemm.compute(mode, bilinear, a, aOff, lda, cols, w, t, r0, r1, out, m, col0, s));
  }

  /**
   * {@link #conv} for a layer whose products are two 16-bit pieces ({@link PieceTables}): {@code out0} and {@code
   * out1} receive the sums of the low and the high piece, exactly what two {@code conv} calls with the two pieces
   * as ordinary tables give, from one im2col. On the vector path a block of at most 64 columns reads both pieces in
   * one pass over the activations ({@link PieceTableKernel}); a wider block runs {@link VectorTableKernel}'s
   * two-tile weight-stationary row once per piece, which measured faster than one pass over single tiles.
   */
  public void convPieces(ConvGeometry g, int batch, byte[] input, byte padCode, WeightMatrix w, PieceTables t,
      int[] out0, int[] out1, int[] columnSums) {
    Im2Col.checkInput(g, batch, input);
    if (w.rows() != g.outChannels() || w.cols() != g.reduction() || !t.format().equals(w.format())) {
      throw new IllegalArgumentException("weights " + w.rows() + " x " + w.cols() + " (" + w.format() + ") for "
          + g + " with " + t.format() + " pieces");
    }
    int m = batch * g.outHeight() * g.outWidth();
    long size = (long) g.outChannels() * m;
    if (out0 == null || out1 == null || out0.length < size || out1.length < size) {
      throw new IllegalArgumentException("outputs need " + size + " ints");
    }
    int kLen = g.reduction();
    byte[] codes = w.codesArray();
    boolean signed = t.format().signed();
    convBlocks(g, batch, input, padCode, signed, columnSums, (a, aOff, lda, cols, r0, r1, col0, s) -> {
      boolean vector = mode.vector() && cols >= BlockGemm.MIN_VECTOR_COLUMNS
          && TwoTableSelect.AVAILABLE;
      for (int n = r0; n < r1; n++) {
        if (vector && cols <= 64) {
          PieceTableKernel.row(a, aOff, lda, kLen, cols, codes, n * kLen, w.byCodeArray(), t.planes(), s.sums, out0,
              out1, n * m + col0);
        } else if (vector) {
          VectorTableKernel.row(a, aOff, lda, kLen, cols, codes, n * kLen, w.byCodeArray(), w.zeroCodes(n),
              t.table(0), s.ks, s.sums, out0, n * m + col0);
          VectorTableKernel.row(a, aOff, lda, kLen, cols, codes, n * kLen, w.byCodeArray(), w.zeroCodes(n),
              t.table(1), s.ks, s.sums, out1, n * m + col0);
        } else {
          ScalarKernel.row(a, aOff, lda, kLen, cols, codes, n * kLen, t.byWeight(0), s.acc, out0, n * m + col0);
          ScalarKernel.row(a, aOff, lda, kLen, cols, codes, n * kLen, t.byWeight(1), s.acc, out1, n * m + col0);
        }
      }
    });
  }

  /** One block of a convolution's GEMM: rows {@code [r0, r1)} over {@code cols} columns from {@code col0}. */
  private interface ConvBlock {
    void compute(byte[] a, int aOff, int lda, int cols, int r0, int r1, int col0, Scratch s);
  }

  /**
   * The tasks of a convolution: 128-column blocks of each group (and row ranges when there are few blocks), each
   * block's im2col panel (or the input itself for a pointwise layer) handed to {@code body}, column sums as {@link
   * #conv} describes.
   */
  private void convBlocks(ConvGeometry g, int batch, byte[] input, byte padCode, boolean signed, int[] columnSums,
      ConvBlock body) {
    int m = batch * g.outHeight() * g.outWidth();
    if (columnSums != null && columnSums.length < (long) g.groups() * m) {
      throw new IllegalArgumentException("column sums need " + (long) g.groups() * m + " ints");
    }
    int blocks = (m + BLOCK - 1) / BLOCK;
    int perGroup = g.groupOutChannels();
    int chunk = rowChunk(blocks * g.groups(), perGroup);
    int chunks = (perGroup + chunk - 1) / chunk;
    int kLen = g.reduction();
    boolean shifted = mode.vector() && ShiftedIm2Col.applies(g);
    runner.run(g.groups() * blocks * chunks, task -> {
      int col0 = task % blocks * BLOCK;
      int group = task / blocks % g.groups();
      int r0 = group * perGroup + task / blocks / g.groups() * chunk;
      int cols = Math.min(BLOCK, m - col0);
      Scratch s = Scratch.get(kLen, chunk);
      int first = group * g.groupInChannels() * m + col0;
      int tileEnd = first + (kLen - 1) * m + (cols > 64 ? BLOCK : 64);
      byte[] a;
      int aOff;
      int lda;
      if (g.isPointwise() && tileEnd <= input.length) {
        a = input;
        aOff = first;
        lda = m;
      } else {
        if (shifted) {
          ShiftedIm2Col.fill(g, batch, input, group, padCode, col0, cols, s.block, 0, BLOCK, s.positions);
        } else {
          Im2Col.fill(g, batch, input, group, padCode, col0, cols, s.block, 0, BLOCK);
        }
        a = s.block;
        aOff = 0;
        lda = BLOCK;
      }
      body.compute(a, aOff, lda, cols, r0, Math.min((group + 1) * perGroup, r0 + chunk), col0, s);
      if (columnSums != null && r0 == group * perGroup) {
        ColumnSums.of(mode, a, aOff, lda, kLen, cols, signed, columnSums, group * m + col0, s.sums);
      }
    });
  }

  /** Rows per task: all rows, unless there are too few column blocks to keep every thread busy. */
  private int rowChunk(int blocks, int rows) {
    int wanted = 4 * parallelism();
    if (blocks >= wanted || rows <= 4) {
      return rows;
    }
    int chunks = Math.min((wanted + blocks - 1) / blocks, (rows + 3) / 4);
    return ((rows + chunks - 1) / chunks + 3) / 4 * 4;
  }

  private static void check(WeightMatrix w, RowTables t, int kLen, long outSize, int[] c) {
    if (w.cols() != kLen) {
      throw new IllegalArgumentException("weights have " + w.cols() + " columns, the activations " + kLen + " rows");
    }
    if (t.rows() != w.rows()) {
      throw new IllegalArgumentException("tables for " + t.rows() + " rows, weights have " + w.rows());
    }
    if (!t.format().equals(w.format())) {
      throw new IllegalArgumentException("table format " + t.format() + " differs from weights " + w.format());
    }
    if (c == null || c.length < outSize) {
      throw new IllegalArgumentException("output needs " + outSize + " ints");
    }
  }

  /**
   * Runs {@code tasks} independent tasks on this instance's threads (the engine's elementwise passes). Each task
   * must write outputs no other task touches, so results do not depend on the thread count. Must not overlap
   * with other calls on this instance.
   */
  public void parallelFor(int tasks, java.util.function.IntConsumer task) {
    runner.run(tasks, task);
  }

  @Override
  public void close() {
    runner.close();
  }
}
