#!/usr/bin/env bash
# The host's `prove` feature (sp1-sdk) compiles protobuf definitions at build time: it needs
# Debian's protobuf-compiler (protoc). Installs it when missing.
set -euo pipefail
command -v protoc >/dev/null && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends protobuf-compiler >/dev/null
command -v protoc >/dev/null || { echo "prover-deps.sh: protoc is still missing" >&2; exit 1; }
