#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with SharpFuzz and AFL++ (Debian's afl++ package).
#
#   fuzz/run.sh TARGET [SECONDS]      TARGET: reader, validator, serializer, document, lines, gzip or csv-importer; SECONDS: 3600 unless given
#
# Publishes fuzz/ConflictModel.Fuzz, instruments the published ConflictModel.dll with the sharpfuzz tool pinned in
# fuzz/.config/dotnet-tools.json, and runs afl-fuzz on it for SECONDS with the committed seed corpus (fuzz/corpus)
# and dictionary (fuzz/conflictmodel.dict). Everything it writes goes to $FUZZ_OUT/TARGET (default:
# artifacts/fuzz/TARGET, ignored by git): bin/ (the instrumented harness) and findings/ (afl's queue, crashes/ and
# hangs/; findings/default/fuzzer_stats has the numbers). An existing findings/ is resumed.
# Needs: the .NET SDK of global.json, and afl-fuzz (apt-get install afl++). Run as any user; root is not needed.
# Environment: FUZZ_OUT (output root), FUZZ_TIMEOUT_MS (a run slower than this is a hang; default 10000),
# FUZZ_NICE (nice level for afl-fuzz and the target; default 0).
set -euo pipefail

target="${1:-}"
seconds="${2:-3600}"
case "$target" in
  reader|validator|serializer|document|lines|gzip|csv-importer) ;;
  *) echo "usage: fuzz/run.sh reader|validator|serializer|document|lines|gzip|csv-importer [SECONDS]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out_root="${FUZZ_OUT:-$root/artifacts/fuzz}"
out="$out_root/$target"
bin="$out/bin"
findings="$out/findings"
mkdir -p "$out"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 1; }

echo "== publish the harness to $bin"
rm -rf "$bin"
dotnet publish "$here/ConflictModel.Fuzz/ConflictModel.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet

# A target gets its own seed corpus and dictionary when it has them (fuzz/corpus-TARGET, fuzz/TARGET.dict): the CSV
# importers want CSV seeds and column names, not JSON documents and member names.
corpus="$here/corpus"
dict="$here/conflictmodel.dict"
instrument=("$bin/ConflictModel.dll")
if [ -d "$here/corpus-$target" ]; then corpus="$here/corpus-$target"; fi
if [ -f "$here/$target.dict" ]; then dict="$here/$target.dict"; fi
if [ "$target" = csv-importer ]; then instrument+=("$bin/ConflictModel.Interop.dll"); fi

echo "== instrument ${instrument[*]##*/}"
(cd "$here" && dotnet tool restore >/dev/null && for dll in "${instrument[@]}"; do dotnet tool run sharpfuzz "$dll"; done)

echo "== fuzz $target for $seconds s (afl-fuzz output in $findings)"
input="$corpus"
if [ -d "$findings/default/queue" ]; then
  input="-"   # resume the earlier run
fi

# SharpFuzz speaks afl's fork server protocol from managed code: afl cannot see instrumentation in the dotnet
# binary itself (AFL_SKIP_BIN_CHECK), and a .NET crash is an unhandled exception, not a core dump.
export AFL_SKIP_BIN_CHECK=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_SKIP_CPUFREQ=1
export AFL_NO_AFFINITY=1          # shared machines: do not pin to a core another process may want
export AFL_NO_UI=1                # plain status lines, for logs and background runs
export AFL_AUTORESUME=1
export DOTNET_TieredPGO=0         # steadier timings of the first executions
echo "start $(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$out/times"
set +e
nice -n "${FUZZ_NICE:-0}" afl-fuzz -i "$input" -o "$findings" -t "${FUZZ_TIMEOUT_MS:-10000}" -m none \
  -x "$dict" -V "$seconds" \
  -- dotnet "$bin/ConflictModel.Fuzz.dll" "$target"
status=$?
set -e
echo "end $(date -u +%Y-%m-%dT%H:%M:%SZ) status $status" >>"$out/times"

stats="$findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
  echo "== $target: numbers from $stats"
  grep -E '^(start_time|last_update|run_time|execs_done|execs_per_sec|corpus_count|corpus_found|stability|bitmap_cvg|saved_crashes|saved_hangs|unique_crashes|unique_hangs) ' "$stats" || true
fi
echo "crashes: $(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)  hangs: $(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)"
exit "$status"
