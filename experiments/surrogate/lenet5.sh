#!/usr/bin/env bash
# Surrogate-assisted against plain search on the bundled LeNet-5 (docs/surrogate.md, "LeNet-5"): for each seed, a
# plain run of 20 generations and a surrogate run of 4 generations resumed to 18 (the 4-generation run directory is
# kept as DIR-g4 to read its final front). Usage: experiments/surrogate/lenet5.sh OUT_DIR [SEED...] (default 1 2 3).
# The plain runs bypass the result cache; the surrogate runs keep the sensitivity in it (AXDSE_CACHE, see docs/cli.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"; shift
seeds=("$@"); [ $# -eq 0 ] && seeds=(1 2 3)
common=(--model models/lenet5.onnx --data fashion-mnist:data/fashion-mnist-test-2000 --calib-data holdout --calib 200
  --population 24 --eval-images 500 --baselines none --threads 1)
cd "$root"
for s in "${seeds[@]}"; do
  rm -rf "$out/plain-$s" "$out/surrogate-$s" "$out/surrogate-$s-g4"
  AXDSE_CACHE=off /usr/bin/time -f "plain $s: %e s wall, %U s user" nice -n 5 ./axdse search "${common[@]}" \
    --out "$out/plain-$s" --seed "$s" --generations 20 >"$out/plain-$s.log" 2>&1
  /usr/bin/time -f "surrogate $s part 1: %e s wall, %U s user" nice -n 5 ./axdse search "${common[@]}" \
    --out "$out/surrogate-$s" --seed "$s" --generations 4 --surrogate >"$out/surrogate-$s.log" 2>&1
  cp -r "$out/surrogate-$s" "$out/surrogate-$s-g4"
  /usr/bin/time -f "surrogate $s part 2: %e s wall, %U s user" nice -n 5 ./axdse search --resume "$out/surrogate-$s" \
    --generations 18 --threads 1 >>"$out/surrogate-$s.log" 2>&1
  python3 experiments/surrogate/compare.py "$out/plain-$s" "$out/surrogate-$s-g4" "$out/surrogate-$s"
done
