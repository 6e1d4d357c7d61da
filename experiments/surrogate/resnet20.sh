#!/usr/bin/env bash
# Surrogate-assisted against plain search on the shared CIFAR-10 ResNet-20 (docs/surrogate.md, "ResNet-20"), seed 1:
# a plain run of 10 generations and a surrogate run of 2 generations resumed to 10, screening 300 images, final
# 1,000. With --kernel: instead, the kernel-granularity surrogate search at the layer-wise goal search's budget
# (screening 500, final 2,000, 20 generations) and the plain layer-wise search of 30 generations beside it.
# Usage: experiments/surrogate/resnet20.sh OUT_DIR [--kernel]. Needs ../shared/cifar10 (see README).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
common=(--model ../shared/cifar10/resnet20.onnx --preprocess simulator/src/test/resources/resnet20.preprocess.json
  --data cifar10:../shared/cifar10 --quant asym --per-channel --calib 200 --compensate both --max-accuracy-drop 0.5
  --restrict experiments/resnet20/restrict-compensated.json --population 16 --baselines none --seed 1 --threads 1)
cd "$root"
run() { # NAME ARGS...: one timed search (the caller's AXDSE_CACHE applies)
  local name="$1"; shift
  rm -rf "${out:?}/$name"
  /usr/bin/time -f "$name: %e s wall, %U s user" nice -n 5 ./axdse search "${common[@]}" \
    --out "$out/$name" "$@" >"$out/$name.log" 2>&1
}
if [ "${2:-}" = --kernel ]; then
  run kernel-surrogate --eval-images 500 --final-images 2000 --generations 20 --granularity kernel --surrogate
  AXDSE_CACHE=off run layer-plain --eval-images 500 --final-images 2000 --generations 30
  python3 experiments/surrogate/compare.py "$out/layer-plain" "$out/kernel-surrogate"
else
  AXDSE_CACHE=off run plain --eval-images 300 --final-images 1000 --generations 10
  run surrogate --eval-images 300 --final-images 1000 --generations 2 --surrogate
  cp -r "$out/surrogate" "$out/surrogate-g2"
  /usr/bin/time -f "surrogate part 2: %e s wall, %U s user" nice -n 5 ./axdse search \
    --resume "$out/surrogate" --generations 10 --threads 1 >>"$out/surrogate.log" 2>&1
  python3 experiments/surrogate/compare.py "$out/plain" "$out/surrogate-g2" "$out/surrogate"
fi
