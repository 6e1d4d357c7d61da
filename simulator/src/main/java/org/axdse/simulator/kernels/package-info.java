/**
 * Integer kernels of the quantized engine: GEMM and convolution accumulators in which every multiplication is a
 * product-table lookup ({@code C[n][m] = sum_k T_n[A[k][m]][W[n][k]]}, int32). Exact channels take a multiply-add
 * path (float32 fused multiply-adds where float32 holds every partial sum exactly, int32 otherwise), 16-bit tables
 * a byte-plane vector lookup path, tables whose error is bilinear in the operand bits (truncated, broken-array,
 * perforated designs; {@link org.axdse.simulator.kernels.BilinearForm}) the exact path plus bit-plane popcounts
 * where {@link org.axdse.simulator.kernels.BilinearPolicy} predicts a saving, anything else a scalar path; every
 * path, thread count and
 * {@link org.axdse.simulator.kernels.KernelMode} gives bit-identical sums. Tables are compiled once into
 * {@link org.axdse.simulator.kernels.LookupTable}s; outputs and scratch are reused, not allocated per call.
 */
package org.axdse.simulator.kernels;
