#!/bin/bash
# Minnow must build warning-free with clang as well as gcc (-Werror makes a
# warning fail the build).  Builds everything with clang into build/clang.
cd "$(dirname "$0")/../.."
if ! command -v clang >/dev/null || ! command -v ld.lld >/dev/null; then
    echo "skip clang_build: clang or ld.lld is not installed"
    exit 0
fi
if out=$(make -s CC=clang B=build/clang all 2>&1); then
    echo "ok clang_build"
else
    echo "FAIL clang_build: make CC=clang failed:"
    echo "$out" | tail -n 15 | sed 's/^/    /'
fi
