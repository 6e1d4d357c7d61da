/*
 * Native exact GEMM of the integer engine: 8-bit codes times 8-bit weight planes with AVX-512 VNNI (vpdpbusd),
 * int32 sums that wrap exactly as the Java int path's do. Called through JNI from
 * org.axdse.simulator.kernels.NativeKernels; see that class and docs/performance.md ("Native exact path").
 *
 * Block layout (as the Java kernels): activation code of column i at reduction index k is a[aOff + k * lda + i],
 * i < cols <= 128, readable up to whole 64-column tiles. Weight plane p of row n at k is w[p * planeStride + n *
 * kPad + k], a signed byte s, with real value v_p = s + beta_p; the row's product sum is
 * sum_p scale_p * sum_k a * v_p. vpdpbusd multiplies unsigned by signed bytes, so a signed activation code a is
 * fed as a_u = a + 128 (a xor 0x80) and
 *   sum_k a * v = sum_k a_u * s + beta * sum_k a_u + alpha * sum_k s + K * alpha * beta,   alpha = -128 or 0,
 * every term in 32-bit two's complement (unsigned arithmetic in C, so wrapping is defined), which is the integer
 * identity the Java int path computes modulo 2^32.
 *
 * Licensed under the Apache License, Version 2.0.
 */
#include <jni.h>
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TARGET __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx512vnni")))
#define TARGET_VBMI __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx512vnni,avx512vbmi")))
#define INLINE static inline __attribute__((always_inline))

/*
 * Interleaves the block into groups of 4 k per column (the operand order of vpdpbusd): group g, tile t, column j
 * at out[(g * tiles + t) * 256 + 4 * j + q] = a_u at k = 4g + q (0 beyond K), and sums the unsigned codes of each
 * column over k into colsum[64 * t + j].
 */
TARGET static void interleave(const int8_t *a, int lda, int kLen, int groups, int tiles, int flip, uint8_t *out,
    int32_t *colsum) {
  const __m512i x = _mm512_set1_epi8(flip ? (char) 0x80 : 0);
  const __m512i ones = _mm512_set1_epi8(1);
  for (int t = 0; t < tiles; t++) {
    __m512i s0 = _mm512_setzero_si512(), s1 = s0, s2 = s0, s3 = s0;
    for (int g = 0; g < groups; g++) {
      __m512i r[4];
      for (int q = 0; q < 4; q++) {
        int k = 4 * g + q;
        r[q] = k < kLen ? _mm512_xor_si512(_mm512_loadu_si512(a + (size_t) k * lda + 64 * t), x)
                        : _mm512_setzero_si512();
      }
      __m512i lo01 = _mm512_unpacklo_epi8(r[0], r[1]);
      __m512i hi01 = _mm512_unpackhi_epi8(r[0], r[1]);
      __m512i lo23 = _mm512_unpacklo_epi8(r[2], r[3]);
      __m512i hi23 = _mm512_unpackhi_epi8(r[2], r[3]);
      /* q_i, 128-bit block L: columns 16 L + 4 i .. 16 L + 4 i + 3, four bytes (k) each */
      __m512i q0 = _mm512_unpacklo_epi16(lo01, lo23);
      __m512i q1 = _mm512_unpackhi_epi16(lo01, lo23);
      __m512i q2 = _mm512_unpacklo_epi16(hi01, hi23);
      __m512i q3 = _mm512_unpackhi_epi16(hi01, hi23);
      /* transpose the 4 x 4 matrix of 128-bit blocks: o_v holds columns 16 v .. 16 v + 15 in order */
      __m512i t0 = _mm512_shuffle_i32x4(q0, q1, 0x44);
      __m512i t1 = _mm512_shuffle_i32x4(q0, q1, 0xEE);
      __m512i t2 = _mm512_shuffle_i32x4(q2, q3, 0x44);
      __m512i t3 = _mm512_shuffle_i32x4(q2, q3, 0xEE);
      __m512i o0 = _mm512_shuffle_i32x4(t0, t2, 0x88);
      __m512i o1 = _mm512_shuffle_i32x4(t0, t2, 0xDD);
      __m512i o2 = _mm512_shuffle_i32x4(t1, t3, 0x88);
      __m512i o3 = _mm512_shuffle_i32x4(t1, t3, 0xDD);
      uint8_t *dst = out + ((size_t) g * tiles + t) * 256;
      _mm512_store_si512(dst, o0);
      _mm512_store_si512(dst + 64, o1);
      _mm512_store_si512(dst + 128, o2);
      _mm512_store_si512(dst + 192, o3);
      s0 = _mm512_dpbusd_epi32(s0, o0, ones);
      s1 = _mm512_dpbusd_epi32(s1, o1, ones);
      s2 = _mm512_dpbusd_epi32(s2, o2, ones);
      s3 = _mm512_dpbusd_epi32(s3, o3, ones);
    }
    _mm512_storeu_si512(colsum + 64 * t, s0);
    _mm512_storeu_si512(colsum + 64 * t + 16, s1);
    _mm512_storeu_si512(colsum + 64 * t + 32, s2);
    _mm512_storeu_si512(colsum + 64 * t + 48, s3);
  }
}

/* The plane's terms of one row: scale * (acc + beta * colsum + rowTerm), stored or added, masked to valid columns. */
TARGET INLINE void finish(__m512i acc, const int32_t *colsum, int32_t beta, int32_t rowTerm, int32_t scale,
    int32_t *c, __mmask16 m, int add) {
  __m512i v = _mm512_add_epi32(acc, _mm512_mullo_epi32(_mm512_loadu_si512(colsum), _mm512_set1_epi32(beta)));
  v = _mm512_add_epi32(v, _mm512_set1_epi32(rowTerm));
  if (scale != 1) {
    v = _mm512_mullo_epi32(v, _mm512_set1_epi32(scale));
  }
  if (add) {
    v = _mm512_add_epi32(v, _mm512_maskz_loadu_epi32(m, c));
  }
  _mm512_mask_storeu_epi32(c, m, v);
}

/* R rows (1 to 4) of one 64-column tile: R x 4 accumulators of 16 columns. */
/* The 4 weights of group g of a row, as one 32-bit lane (a plain load: x86 allows unaligned loads). */
INLINE int32_t quad(const int8_t *row, int g) {
  int32_t v;
  memcpy(&v, row + 4 * (size_t) g, 4);
  return v;
}

TARGET INLINE void rows_tile(int R, const uint8_t *blk, int tiles, int t, int groups, const int8_t **wq,
    int32_t *const *cp, const int32_t *colsum, int32_t beta, const int32_t *rowTerm, int32_t scale, int valid,
    int add) {
  __m512i acc[4][4];
#pragma GCC unroll 4
  for (int r = 0; r < R; r++) {
#pragma GCC unroll 4
    for (int v = 0; v < 4; v++) {
      acc[r][v] = _mm512_setzero_si512();
    }
  }
  const uint8_t *base = blk + (size_t) t * 256;
  const size_t step = (size_t) tiles * 256;
  for (int g = 0; g < groups; g++) {
    const uint8_t *p = base + g * step;
    __m512i a0 = _mm512_load_si512(p);
    __m512i a1 = _mm512_load_si512(p + 64);
    __m512i a2 = _mm512_load_si512(p + 128);
    __m512i a3 = _mm512_load_si512(p + 192);
#pragma GCC unroll 4
    for (int r = 0; r < R; r++) {
      __m512i b = _mm512_set1_epi32(quad(wq[r], g));
      acc[r][0] = _mm512_dpbusd_epi32(acc[r][0], a0, b);
      acc[r][1] = _mm512_dpbusd_epi32(acc[r][1], a1, b);
      acc[r][2] = _mm512_dpbusd_epi32(acc[r][2], a2, b);
      acc[r][3] = _mm512_dpbusd_epi32(acc[r][3], a3, b);
    }
  }
  for (int v = 0; v < 4; v++) {
    int left = valid - 16 * v;
    if (left <= 0) {
      break;
    }
    __mmask16 m = left >= 16 ? (__mmask16) 0xFFFF : (__mmask16) ((1u << left) - 1);
    for (int r = 0; r < R; r++) {
      finish(acc[r][v], colsum + 64 * t + 16 * v, beta, rowTerm[r], scale, cp[r] + 64 * t + 16 * v, m, add);
    }
  }
}

TARGET static void gemm(const int8_t *a, int lda, int cols, int kLen, int signedA, const int8_t *w, int kPad,
    int planes, size_t planeStride, const int32_t *info, const int32_t *rowSums, int rowsTotal, const int32_t *rows,
    int count, int32_t *c, int ldc, uint8_t *blk) {
  int tiles = cols > 64 ? 2 : 1;
  int groups = kPad / 4;
  int32_t colsum[128];
  interleave(a, lda, kLen, groups, tiles, signedA, blk, colsum);
  uint32_t alpha = signedA ? (uint32_t) -128 : 0u;
  for (int p = 0; p < planes; p++) {
    int32_t scale = info[2 * p];
    uint32_t beta = (uint32_t) info[2 * p + 1];
    const int8_t *wp = w + p * planeStride;
    const int32_t *sums = rowSums + (size_t) p * rowsTotal;
    int add = p > 0;
    for (int i = 0; i < count; i += 4) {
      int R = count - i < 4 ? count - i : 4;
      const int8_t *wq[4];
      int32_t *cp[4];
      int32_t rowTerm[4];
      for (int r = 0; r < R; r++) {
        int n = rows[i + r];
        wq[r] = wp + (size_t) n * kPad;
        cp[r] = c + (size_t) n * ldc;
        rowTerm[r] = (int32_t) (alpha * (uint32_t) sums[n] + (uint32_t) kLen * alpha * beta);
      }
      for (int t = 0; t < tiles; t++) {
        int valid = cols - 64 * t < 64 ? cols - 64 * t : 64;
        switch (R) {
          case 4: rows_tile(4, blk, tiles, t, groups, wq, cp, colsum, (int32_t) beta, rowTerm, scale, valid, add); break;
          case 3: rows_tile(3, blk, tiles, t, groups, wq, cp, colsum, (int32_t) beta, rowTerm, scale, valid, add); break;
          case 2: rows_tile(2, blk, tiles, t, groups, wq, cp, colsum, (int32_t) beta, rowTerm, scale, valid, add); break;
          default: rows_tile(1, blk, tiles, t, groups, wq, cp, colsum, (int32_t) beta, rowTerm, scale, valid, add); break;
        }
      }
    }
  }
}

/*
 * What this CPU runs: bit 0 the exact GEMM (AVX-512 F, BW, DQ, VL and VNNI), bit 1 the table kernel (bit 0's set
 * and AVX-512 VBMI).
 */
JNIEXPORT jint JNICALL Java_org_axdse_simulator_kernels_NativeKernels_supported(JNIEnv *env, jclass cls) {
  (void) env;
  (void) cls;
  __builtin_cpu_init();
  int base = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
      && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl")
      && __builtin_cpu_supports("avx512vnni");
  int vbmi = base && __builtin_cpu_supports("avx512vbmi");
  return base | (vbmi << 1);
}

static jboolean bad(JNIEnv *env, const char *what) {
  jclass e = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
  if (e != NULL) {
    (*env)->ThrowNew(env, e, what);
  }
  return JNI_FALSE;
}

/*
 * Checks every index the kernel will touch against the arrays' lengths (an error here is a bug in the caller:
 * it throws IllegalArgumentException rather than read or write outside an array), then runs it; work is the
 * caller's scratch for the interleaved block (no native memory is kept between calls). False when an array could
 * not be pinned (nothing written).
 */
JNIEXPORT jboolean JNICALL Java_org_axdse_simulator_kernels_NativeKernels_gemm(JNIEnv *env, jclass cls,
    jbyteArray a, jint aOff, jint lda, jint cols, jint kLen, jboolean signedA, jbyteArray w, jint kPad,
    jint planes, jint planeStride, jintArray info, jintArray rowSums, jint rowsTotal, jintArray rows, jint count,
    jintArray c, jint ldc, jint col0, jbyteArray work) {
  (void) cls;
  if (cols <= 0 || cols > 128 || kLen <= 0 || (kPad & 3) != 0 || kPad < kLen || count <= 0 || planes < 1
      || planes > 2 || aOff < 0 || lda < 0 || ldc < 0 || col0 < 0 || rowsTotal <= 0) {
    return bad(env, "native gemm: bad sizes");
  }
  int tiles = cols > 64 ? 2 : 1;
  if ((int64_t) aOff + (int64_t) (kLen - 1) * lda + 64 * tiles > (*env)->GetArrayLength(env, a)
      || (int64_t) (planes - 1) * planeStride + (int64_t) rowsTotal * kPad > (*env)->GetArrayLength(env, w)
      || planeStride < (int64_t) rowsTotal * kPad || 2 * planes > (*env)->GetArrayLength(env, info)
      || (int64_t) planes * rowsTotal > (*env)->GetArrayLength(env, rowSums)
      || count > (*env)->GetArrayLength(env, rows)
      || (int64_t) (kPad / 4) * tiles * 256 + 64 > (*env)->GetArrayLength(env, work)) {
    return bad(env, "native gemm: array too short");
  }
  int32_t in[4];
  (*env)->GetIntArrayRegion(env, info, 0, 2 * planes, (jint *) in);
  jsize cLen = (*env)->GetArrayLength(env, c);
  jint *pr = (*env)->GetIntArrayElements(env, rows, NULL);
  if (pr == NULL) {
    return JNI_FALSE;
  }
  for (int i = 0; i < count; i++) {
    if (pr[i] < 0 || pr[i] >= rowsTotal || (int64_t) pr[i] * ldc + col0 + cols > cLen) {
      (*env)->ReleaseIntArrayElements(env, rows, pr, JNI_ABORT);
      return bad(env, "native gemm: row out of range");
    }
  }
  jbyte *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
  jbyte *pw = (*env)->GetPrimitiveArrayCritical(env, w, NULL);
  jint *ps = (*env)->GetPrimitiveArrayCritical(env, rowSums, NULL);
  jint *pc = (*env)->GetPrimitiveArrayCritical(env, c, NULL);
  jbyte *pb = (*env)->GetPrimitiveArrayCritical(env, work, NULL);
  int ok = pa && pw && ps && pc && pb;
  if (ok) {
    /* the interleaved block, 64-byte aligned inside the caller's work array (it has 64 bytes to spare) */
    uint8_t *blk = (uint8_t *) pb + ((64 - ((uintptr_t) pb & 63)) & 63);
    gemm((const int8_t *) pa + aOff, lda, cols, kLen, signedA, (const int8_t *) pw, kPad, planes,
        (size_t) planeStride, in, ps, rowsTotal, pr, count, pc + col0, ldc, blk);
  }
  if (pb) (*env)->ReleasePrimitiveArrayCritical(env, work, pb, JNI_ABORT);
  if (pc) (*env)->ReleasePrimitiveArrayCritical(env, c, pc, 0);
  if (ps) (*env)->ReleasePrimitiveArrayCritical(env, rowSums, ps, JNI_ABORT);
  if (pw) (*env)->ReleasePrimitiveArrayCritical(env, w, pw, JNI_ABORT);
  if (pa) (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
  (*env)->ReleaseIntArrayElements(env, rows, pr, JNI_ABORT);
  return ok ? JNI_TRUE : JNI_FALSE;
}

/*
 * The table kernel: the algorithm of the Java VectorTableKernel (byte-plane lookups with two-table selects, 16-bit
 * sums of the full lanes and of the odd bytes, flushed to int32 every 256 additions), in C, all table rows of a
 * block in one call. A weight code's plane row is 512 bytes: the low bytes of T - base for the 256 activation codes,
 * then the high bytes; T = lo + 256 * hi + base.
 */
#define CHUNK 256

TARGET_VBMI INLINE __m512i lookup(__m512i x, __mmask64 neg, const uint8_t *p) {
  __m512i lo = _mm512_permutex2var_epi8(_mm512_loadu_si512(p), x, _mm512_loadu_si512(p + 64));
  __m512i hi = _mm512_permutex2var_epi8(_mm512_loadu_si512(p + 128), x, _mm512_loadu_si512(p + 192));
  return _mm512_mask_blend_epi8(neg, lo, hi);
}

/* The 16-bit sums of one 64-column tile: full lanes and odd bytes of the low and high planes. */
typedef struct {
  __m512i lf, lo, hf, ho;
} tile_sums;

/* Looks up 64 activation codes at x in the plane row p and adds them to the tile's sums. */
TARGET_VBMI INLINE void accumulate(tile_sums *s, const uint8_t *x, const uint8_t *p) {
  __m512i v = _mm512_loadu_si512(x);
  __mmask64 neg = _mm512_movepi8_mask(v);
  __m512i l = lookup(v, neg, p);
  __m512i h = lookup(v, neg, p + 256);
  s->lf = _mm512_add_epi16(s->lf, l);
  s->lo = _mm512_add_epi16(s->lo, _mm512_srli_epi16(l, 8));
  s->hf = _mm512_add_epi16(s->hf, h);
  s->ho = _mm512_add_epi16(s->ho, _mm512_srli_epi16(h, 8));
}

/*
 * Adds a tile's 16-bit sums to c (stores them on the first chunk), plus offset per column: lane j of the full
 * sums holds column 2j plus 256 times column 2j + 1, the odd sums column 2j + 1, both modulo 2^16 and exact since
 * at most 256 bytes were added; so column 2j is full - 256 odd. The two columns of a lane are interleaved back
 * into column order with one two-source word permutation per 32 columns.
 */
TARGET_VBMI static void flush_tile(const tile_sums *s, int32_t offset, int32_t *c, int valid, int first) {
  static const int16_t order[64] = {
      0, 32, 1, 33, 2, 34, 3, 35, 4, 36, 5, 37, 6, 38, 7, 39, 8, 40, 9, 41, 10, 42, 11, 43, 12, 44, 13, 45, 14, 46,
      15, 47, 16, 48, 17, 49, 18, 50, 19, 51, 20, 52, 21, 53, 22, 54, 23, 55, 24, 56, 25, 57, 26, 58, 27, 59, 28,
      60, 29, 61, 30, 62, 31, 63};
  __m512i idx0 = _mm512_loadu_si512(order);
  __m512i idx1 = _mm512_loadu_si512(order + 32);
  __m512i loEven = _mm512_sub_epi16(s->lf, _mm512_slli_epi16(s->lo, 8));
  __m512i hiEven = _mm512_sub_epi16(s->hf, _mm512_slli_epi16(s->ho, 8));
  __m512i lo[2] = {_mm512_permutex2var_epi16(loEven, idx0, s->lo), _mm512_permutex2var_epi16(loEven, idx1, s->lo)};
  __m512i hi[2] = {_mm512_permutex2var_epi16(hiEven, idx0, s->ho), _mm512_permutex2var_epi16(hiEven, idx1, s->ho)};
  __m512i off = _mm512_set1_epi32(offset);
  for (int q = 0; q < 4; q++) {
    int left = valid - 16 * q;
    if (left <= 0) {
      break;
    }
    __mmask16 m = left >= 16 ? (__mmask16) 0xFFFF : (__mmask16) ((1u << left) - 1);
    __m256i l16 = q % 2 == 0 ? _mm512_castsi512_si256(lo[q / 2]) : _mm512_extracti64x4_epi64(lo[q / 2], 1);
    __m256i h16 = q % 2 == 0 ? _mm512_castsi512_si256(hi[q / 2]) : _mm512_extracti64x4_epi64(hi[q / 2], 1);
    __m512i v = _mm512_add_epi32(_mm512_cvtepu16_epi32(l16), _mm512_slli_epi32(_mm512_cvtepu16_epi32(h16), 8));
    v = _mm512_add_epi32(v, off);
    if (!first) {
      v = _mm512_add_epi32(v, _mm512_maskz_loadu_epi32(m, c + 16 * q));
    }
    _mm512_mask_storeu_epi32(c + 16 * q, m, v);
  }
}

/* One row: k in ks[0 .. count) (the row's code-sorted order, zero-row codes skipped by the caller). */
TARGET_VBMI static void table_row(const uint8_t *a, int lda, int cols, const uint8_t *codes, const int32_t *ks,
    int count, const uint8_t *planes, int32_t base, int32_t *c) {
  int tiles = cols > 64 ? 2 : 1;
  int from = 0;
  do {
    int to = count - from < CHUNK ? count : from + CHUNK;
    __m512i z = _mm512_setzero_si512();
    tile_sums t0 = {z, z, z, z};
    tile_sums t1 = {z, z, z, z};
    if (tiles == 2) {
      for (int i = from; i < to; i++) {
        int k = ks[i];
        const uint8_t *p = planes + (size_t) codes[k] * 512;
        accumulate(&t0, a + (size_t) k * lda, p);
        accumulate(&t1, a + (size_t) k * lda + 64, p);
      }
    } else {
      for (int i = from; i < to; i++) {
        int k = ks[i];
        accumulate(&t0, a + (size_t) k * lda, planes + (size_t) codes[k] * 512);
      }
    }
    int32_t offset = (int32_t) ((uint32_t) base * (uint32_t) (to - from));
    flush_tile(&t0, offset, c, cols < 64 ? cols : 64, from == 0);
    if (tiles == 2) {
      flush_tile(&t1, offset, c + 64, cols - 64, from == 0);
    }
    from = to;
  } while (from < count);
}

/*
 * Table rows of one block: for each listed row n, c[n * ldc + col0 + i] = sum_k T_n[a(k, i)][w(n, k)] over the k
 * of order[n * kLen + skip .. (n + 1) * kLen), with T_n's plane rows at planes[rowPlane[n] ..] and its base
 * rowBase[n]. Every index is checked first (IllegalArgumentException: a caller's bug).
 */
JNIEXPORT jboolean JNICALL Java_org_axdse_simulator_kernels_NativeKernels_table(JNIEnv *env, jclass cls,
    jbyteArray a, jint aOff, jint lda, jint cols, jint kLen, jbyteArray codes, jintArray order, jintArray rows,
    jintArray skip, jint count, jbyteArray planes, jintArray rowPlane, jintArray rowBase, jint codeCount,
    jintArray c, jint ldc, jint col0) {
  (void) cls;
  if (cols <= 0 || cols > 128 || kLen <= 0 || count <= 0 || aOff < 0 || lda < 0 || ldc < 0 || col0 < 0
      || codeCount <= 0 || codeCount > 256) {
    return bad(env, "native table: bad sizes");
  }
  int tiles = cols > 64 ? 2 : 1;
  jsize rowsTotal = (*env)->GetArrayLength(env, rowPlane);
  if ((int64_t) aOff + (int64_t) (kLen - 1) * lda + 64 * tiles > (*env)->GetArrayLength(env, a)
      || (int64_t) rowsTotal * kLen > (*env)->GetArrayLength(env, codes)
      || (int64_t) rowsTotal * kLen > (*env)->GetArrayLength(env, order)
      || rowsTotal > (*env)->GetArrayLength(env, rowBase)
      || count > (*env)->GetArrayLength(env, rows) || count > (*env)->GetArrayLength(env, skip)) {
    return bad(env, "native table: array too short");
  }
  jsize cLen = (*env)->GetArrayLength(env, c);
  jsize pLen = (*env)->GetArrayLength(env, planes);
  jint *pr = (*env)->GetIntArrayElements(env, rows, NULL);
  jint *psk = (*env)->GetIntArrayElements(env, skip, NULL);
  jint *prp = (*env)->GetIntArrayElements(env, rowPlane, NULL);
  jint *prb = (*env)->GetIntArrayElements(env, rowBase, NULL);
  int ok = pr && psk && prp && prb;
  for (int i = 0; ok && i < count; i++) {
    int n = pr[i];
    ok = n >= 0 && n < rowsTotal && psk[i] >= 0 && psk[i] <= kLen && prp[n] >= 0
        && (int64_t) prp[n] + (int64_t) codeCount * 512 <= pLen && (int64_t) n * ldc + col0 + cols <= cLen;
  }
  jbyte *pa = NULL, *pw = NULL, *pp = NULL;
  jint *po = NULL, *pc = NULL;
  if (ok) {
    pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    pw = (*env)->GetPrimitiveArrayCritical(env, codes, NULL);
    po = (*env)->GetPrimitiveArrayCritical(env, order, NULL);
    pp = (*env)->GetPrimitiveArrayCritical(env, planes, NULL);
    pc = (*env)->GetPrimitiveArrayCritical(env, c, NULL);
    int mapped = pa && pw && po && pp && pc;
    /* order[] is a permutation of each row's k and codes[] < codeCount by construction: WeightMatrix refuses codes
       beyond its format's width, builds order[] by a counting sort and never changes either, and Kernels checks
       that the tables share the weights' format; they are not rechecked per block (it cost a tenth of the time) */
    if (mapped) {
      for (int i = 0; i < count; i++) {
        int n = pr[i];
        table_row((const uint8_t *) pa + aOff, lda, cols, (const uint8_t *) pw + (size_t) n * kLen,
            po + (size_t) n * kLen + psk[i], kLen - psk[i], (const uint8_t *) pp + prp[n], prb[n],
            pc + (size_t) n * ldc + col0);
      }
    }
    if (pc) (*env)->ReleasePrimitiveArrayCritical(env, c, pc, 0);
    if (pp) (*env)->ReleasePrimitiveArrayCritical(env, planes, pp, JNI_ABORT);
    if (po) (*env)->ReleasePrimitiveArrayCritical(env, order, po, JNI_ABORT);
    if (pw) (*env)->ReleasePrimitiveArrayCritical(env, codes, pw, JNI_ABORT);
    if (pa) (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
    ok = mapped;
  } else if (pr && psk && prp && prb) {
    ok = -1;
  }
  if (prb) (*env)->ReleaseIntArrayElements(env, rowBase, prb, JNI_ABORT);
  if (prp) (*env)->ReleaseIntArrayElements(env, rowPlane, prp, JNI_ABORT);
  if (psk) (*env)->ReleaseIntArrayElements(env, skip, psk, JNI_ABORT);
  if (pr) (*env)->ReleaseIntArrayElements(env, rows, pr, JNI_ABORT);
  if (ok < 0) {
    return bad(env, "native table: index out of range");
  }
  return ok ? JNI_TRUE : JNI_FALSE;
}
