#!/bin/bash
# Session-15 circuit probe (issue 16): the offset and transposed multiplier shapes under ResNet-20's layer
# distributions. Usage, from the repository root after a build (./axdse builds it):
#   bash experiments/resnet20/circuit-probes/run.sh [DISTRIBUTION.json ...]
# Without arguments it probes every layer of experiments/resnet20/lib-loss-s14/distributions/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
. "$root/scripts/jdk.sh" && axdse_find_jdk >/dev/null
jars=$(find ~/.m2/repository/com/fasterxml/jackson/core -name 'jackson-*-2*.jar' ! -name '*sources*' | sort | tr '\n' ':')
cp="$root/multipliers/target/classes:$jars"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$cp" "$here"/src/org/axdse/multipliers/generators/CircuitProbe.java
if [ $# -eq 0 ]; then set -- "$root"/experiments/resnet20/lib-loss-s14/distributions/*.json; fi
java -cp "$out:$cp" org.axdse.multipliers.generators.CircuitProbe "$@"
