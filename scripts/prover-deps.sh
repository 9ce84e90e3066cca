#!/usr/bin/env bash
# The host's `prove` feature (sp1-sdk) compiles protobuf definitions at build time: the build script
# of sp1-prover-types runs protoc on its proto/*.proto, which import Google's well-known types from
# /usr/include. Debian splits these: protoc is in protobuf-compiler, the well-known .proto files in
# libprotobuf-dev (not a dependency of protobuf-compiler). Installs both when anything is missing,
# then checks that everything is there, naming what is not.
set -euo pipefail

PACKAGES=(protobuf-compiler libprotobuf-dev)
# Every well-known type the SP1 protos import (sp1-prover-types 6.10.0). To refresh after an SP1
# update: grep -rh 'import "google/protobuf/' ~/.cargo/registry/src/*/sp1-*/proto
WELL_KNOWN_PROTOS=(google/protobuf/empty.proto)
INCLUDE_DIR=/usr/include

# Sets MISSING to what the build would lack; succeeds when nothing is missing.
check() {
  MISSING=()
  command -v protoc >/dev/null || MISSING+=("protoc (not on PATH; package protobuf-compiler)")
  local proto
  for proto in "${WELL_KNOWN_PROTOS[@]}"; do
    [ -f "$INCLUDE_DIR/$proto" ] || MISSING+=("$INCLUDE_DIR/$proto (package libprotobuf-dev)")
  done
  # protoc must also be able to use them, as the build script does.
  if [ "${#MISSING[@]}" -eq 0 ] \
    && ! protoc -I"$INCLUDE_DIR" --descriptor_set_out=/dev/null "${WELL_KNOWN_PROTOS[@]}" 2>/dev/null; then
    MISSING+=("a protoc that compiles ${WELL_KNOWN_PROTOS[*]} (protoc -I$INCLUDE_DIR failed)")
  fi
  [ "${#MISSING[@]}" -eq 0 ]
}

check && exit 0
echo "prover-deps.sh: missing: ${MISSING[*]}; installing ${PACKAGES[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
if ! check; then
  echo "prover-deps.sh: still missing after installing ${PACKAGES[*]}:" >&2
  printf '  %s\n' "${MISSING[@]}" >&2
  exit 1
fi
