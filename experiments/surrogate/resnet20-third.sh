#!/usr/bin/env bash
# The third-of-simulations goal on the shared CIFAR-10 ResNet-20 (docs/surrogate.md, "A third of the simulations,
# ResNet-20"): the settings of resnet20.sh (seed 1, screening 300 images, final 1,000), a plain run of 23 generations
# (about 190 simulations, so a generation of 8 is 4% of it) and a surrogate run (--surrogate-rounds R, default 5)
# of 6 generations (56 simulations, 29%), resumed to 7 (64, just above a third).
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
if [ ! -f "$out/plain/front.csv" ]; then
  AXDSE_CACHE=off run plain --generations 23
fi
name="surrogate-r$rounds"
run "$name" --generations 6 --surrogate --surrogate-rounds "$rounds"
cp -r "$out/$name" "$out/$name-g6"
/usr/bin/time -f "$name part 2: %e s wall, %U s user" nice -n 5 ./axdse search \
  --resume "$out/$name" --generations 7 --threads 1 >>"$out/$name.log" 2>&1
python3 experiments/surrogate/compare.py "$out/plain" "$out/$name-g6" "$out/$name"
