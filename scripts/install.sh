#!/usr/bin/env bash
# Installs everything the solver needs on a Debian/Ubuntu machine into ./.venv.
#   bash scripts/install.sh          the solver
#   bash scripts/install.sh --dev    the solver and its test tools
# System packages: g++ compiles C++ programs, bubblewrap isolates them, python3 runs contestants' Python.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--dev" ] && extras="[dev,ray]"  # the tests start a local Ray cluster

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=""
for pkg in g++ bubblewrap python3 python3-venv; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done
if [ -n "$need" ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
# The CPU build of torch first: a bare torch requirement would fetch a multi-GB CUDA build.
.venv/bin/pip install -q torch==2.13.0
.venv/bin/pip install -q -e ".${extras}"
echo "installed: $(.venv/bin/python -c 'import torch, transformers; print("torch", torch.__version__, "transformers", transformers.__version__)')"
