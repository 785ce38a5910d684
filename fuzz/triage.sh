#!/usr/bin/env bash
# Minimises and replays what a fuzz/run.sh run found.
#
#   fuzz/triage.sh TARGET
#
# For every file in $FUZZ_OUT/TARGET/findings/default/{crashes,hangs}: afl-tmin shrinks it (into
# $FUZZ_OUT/TARGET/minimized/) against the instrumented harness fuzz/run.sh left in $FUZZ_OUT/TARGET/bin, then the
# plain harness replays it and prints the exception it ends with (or "no failure" once fixed). Turn each distinct
# failure into a file under fuzz/regressions/TARGET/ named after what it found: FuzzRegressionTests replays them.
set -euo pipefail

target="${1:?usage: fuzz/triage.sh reader|validator|serializer|document|lines|gzip}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="${FUZZ_OUT:-$root/artifacts/fuzz}/$target"
findings="$out/findings/default"
minimized="$out/minimized"
replay="$out/replay"
mkdir -p "$minimized"

echo "== build the plain (uninstrumented) harness for replays"
dotnet publish "$here/ConflictModel.Fuzz/ConflictModel.Fuzz.csproj" -c Release -o "$replay" --nologo -v quiet

export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1
shopt -s nullglob
for file in "$findings"/crashes/id:* "$findings"/hangs/id:*; do
  name="$(basename "$(dirname "$file")")-$(basename "$file" | cut -d, -f1 | tr ':' '-')"
  if [ ! -f "$minimized/$name" ]; then
    afl-tmin -t "${FUZZ_TIMEOUT_MS:-10000}" -m none -i "$file" -o "$minimized/$name" \
      -- dotnet "$out/bin/ConflictModel.Fuzz.dll" "$target" >/dev/null 2>&1 || cp "$file" "$minimized/$name"
  fi
  result="$(timeout 60 dotnet "$replay/ConflictModel.Fuzz.dll" --replay "$target" "$minimized/$name" 2>&1 | sed -n 2p || true)"
  echo "$name ($(stat -c %s "$minimized/$name") bytes): ${result:-no failure}"
done
