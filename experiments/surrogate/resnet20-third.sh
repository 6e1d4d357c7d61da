#!/usr/bin/env bash
# The third-of-simulations goal on the shared CIFAR-10 ResNet-20 (docs/surrogate.md, "A third of the simulations
# on ResNet-20"): the settings of resnet20.sh (seed 1, screening 300 images, final 1,000). A plain run of 23
# generations (139 simulations: the plain search breeds duplicates, which it does not simulate again); a surrogate
# run (--surrogate-rounds R, default 5) of 6 generations resumed to 7; another of 2 generations resumed to 4. A
# resumed run equals the uninterrupted one, so the copies are the surrogate run after 2, 4, 6 and 7 generations.
# Parts whose run directory exists are skipped (the session-8 measurement ran the first three parts, then the last).
# Usage: experiments/surrogate/resnet20-third.sh OUT_DIR [R]. Needs ../shared/cifar10 (see README).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
rounds="${2:-5}"
common=(--model ../shared/cifar10/resnet20.onnx --preprocess simulator/src/test/resources/resnet20.preprocess.json
  --data cifar10:../shared/cifar10 --quant asym --per-channel --calib 200 --compensate both --max-accuracy-drop 0.5
  --restrict experiments/resnet20/restrict-compensated.json --population 16 --baselines none --seed 1 --threads 1
  --eval-images 300 --final-images 1000)
cd "$root"
run() { # NAME ARGS...: one timed search (the caller's AXDSE_CACHE applies)
  local name="$1"; shift
  rm -rf "${out:?}/$name"
  /usr/bin/time -f "$name: %e s wall, %U s user" nice -n 5 ./axdse search "${common[@]}" \
    --out "$out/$name" "$@" >"$out/$name.log" 2>&1
}
resume() { # NAME GENERATIONS: resume run NAME to GENERATIONS
  /usr/bin/time -f "$1 to $2: %e s wall, %U s user" nice -n 5 ./axdse search \
    --resume "$out/$1" --generations "$2" --threads 1 >>"$out/$1.log" 2>&1
}
s="surrogate-r$rounds"
if [ ! -f "$out/plain/front.csv" ]; then
  AXDSE_CACHE=off run plain --generations 23
fi
if [ ! -d "$out/$s-g6" ]; then
  run "$s" --generations 6 --surrogate --surrogate-rounds "$rounds"
  cp -r "$out/$s" "$out/$s-g6"
  resume "$s" 7
fi
if [ ! -d "$out/$s-g2" ]; then
  run "$s-g4" --generations 2 --surrogate --surrogate-rounds "$rounds"
  cp -r "$out/$s-g4" "$out/$s-g2"
  resume "$s-g4" 4
fi
python3 experiments/surrogate/compare.py "$out/plain" "$out/$s-g2" "$out/$s-g4" "$out/$s-g6" "$out/$s"
