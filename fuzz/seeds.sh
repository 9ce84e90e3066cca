#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) with real guest inputs:
#   - every `statelessInputBytes` of the official tests-zkevm@v21 fixtures (fixtures/eest-v21),
#     extracted with python3 (no build needed);
#   - the shipped mainnet blocks (fixtures/mainnet) as guest inputs, written by the host CLI
#     (`zkevm input … --out DIR`) when a built `zkevm` is at hand (target/release/zkevm, as the
#     workspace tests leave it, or $ZKEVM); `--mainnet` builds it first when it is not.
# The validate and roundtrip targets share these seeds; trie and accelerators start from nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

MAINNET=auto
[ "${1:-}" = "--mainnet" ] && MAINNET=build
ZKEVM=${ZKEVM:-target/release/zkevm}

mkdir -p fuzz/corpus/validate fuzz/corpus/roundtrip fuzz/corpus/trie fuzz/corpus/accelerators

python3 - fuzz/corpus/validate fixtures/eest-v21/*.json.gz <<'PY'
import gzip, hashlib, json, os, sys

out, files = sys.argv[1], sys.argv[2:]
count = 0

def walk(node):
    global count
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "statelessInputBytes" and isinstance(value, str):
                data = bytes.fromhex(value.removeprefix("0x"))
                name = "eest-" + hashlib.sha1(data).hexdigest()
                with open(os.path.join(out, name), "wb") as f:
                    f.write(data)
                count += 1
            else:
                walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)

for path in files:
    with gzip.open(path, "rt") as f:
        walk(json.load(f))
print(f"seeds.sh: {count} EEST v21 inputs in {out}")
PY

if [ "$MAINNET" = build ] && [ ! -x "$ZKEVM" ]; then
  cargo build --release --locked -p zkevm-host
fi
if [ -x "$ZKEVM" ]; then
  "$ZKEVM" input fixtures/mainnet/*.json.gz --out fuzz/corpus/validate
  echo "seeds.sh: mainnet inputs from $ZKEVM in fuzz/corpus/validate"
else
  echo "seeds.sh: no $ZKEVM (run with --mainnet to build it): EEST seeds only"
fi
# (everything in the validate corpus, so roundtrip also starts from what validate has found)
for f in fuzz/corpus/validate/*; do
  [ -e "fuzz/corpus/roundtrip/${f##*/}" ] || cp "$f" fuzz/corpus/roundtrip/
done
ls -l fuzz/corpus/validate | tail -n +2 | awk '{n++; s+=$5} END {print "seeds.sh: validate corpus: " n " files, " s " bytes"}'
