#!/usr/bin/env bash
# compensate on the screening set: $1 quant, $2 method, designs...
cd "$(dirname "$0")/../.." && mkdir -p runs/r20 && cp -n ../shared/cifar10/resnet20.onnx runs/r20/ && { [ -f runs/r20/resnet20.preprocess.json ] || ./axdse model sidecar --mean 0.485,0.456,0.406 --std 0.229,0.224,0.225 --scale 0.00392156862745098 runs/r20/resnet20.onnx; }
q=$1; m=$2; shift 2
for d in "$@"; do
  f=runs/r20/mix-$d.json
  [ -f $f ] || f=$d
  r=$( { /usr/bin/time -f "wall %e cpu %U" nice -n 5 ./axdse compensate --model runs/r20/resnet20.onnx --data cifar10:runs/c10s --quant $q --per-channel --calib 200 \
     --config $f --method $m --threads 1 -q ; } 2>&1 | grep -E "^exact int|^uncompensated|^compensated|wall" | tr -s ' ' | tr '\n' ' ')
  echo "$q $m $d $r"
done
