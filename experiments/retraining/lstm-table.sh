#!/usr/bin/env bash
# LSTM recovery table: two designs x (bias, weights, both, retrain 1 and 2 epochs), all 10,000 test images.
cd "$(dirname "$0")/../.."
for d in s8x8_trunc10_cc s8x8_bam_h2v8; do
  M="--model models/lstm.onnx --data fashion-mnist --quant sym --per-channel --uniform $d"
  for m in bias weights both; do
    echo "=== $d $m $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "wall %e s cpu %U+%S s" nice -n 5 ./axdse compensate $M --method $m --threads 1 -q 2>&1
  done
  for e in 1 2; do
    echo "=== $d retrain e$e $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "wall %e s cpu %U+%S s" nice -n 5 ./axdse compensate $M --method retrain --epochs $e --threads 1 \
      --out runs/lstm/lstm-$d-e$e.onnx -q 2>&1
  done
done
echo "=== done $(date -u +%T)"
