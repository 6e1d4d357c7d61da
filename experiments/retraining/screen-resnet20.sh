#!/usr/bin/env bash
# Run from the repository root after experiments/retraining/screening-set.py; writes runs/r20/mix-NAME.json.
# Screening: one design on layers 1-18 (stem and fc exact), 1000 training images (runs/c10s), energy and top-1.
cd "$(dirname "$0")/../.." && mkdir -p runs/r20 && cp -n ../shared/cifar10/resnet20.onnx runs/r20/ && { [ -f runs/r20/resnet20.preprocess.json ] || ./axdse model sidecar --mean 0.485,0.456,0.406 --std 0.229,0.224,0.225 --scale 0.00392156862745098 runs/r20/resnet20.onnx; }
q=$1; shift
for d in "$@"; do
  f=runs/r20/mix-$d.json
  [ -f $f ] || python3 -c "
import json,sys
json.dump({'layers':{str(l):sys.argv[1] for l in range(1,19)}},open(sys.argv[2],'w'))" $d $f
  r=$(nice -n 5 ./axdse evaluate --model runs/r20/resnet20.onnx --data cifar10:runs/c10s --quant $q --per-channel --calib 200 \
     --config $f --no-float --no-layer-stats --threads 1 2>&1 | grep -E "^exact-int8|^assignment|multiplier-only" | tr -s ' ' | tr '\n' ' ')
  echo "$q $d $r"
done
