#!/usr/bin/env bash
# CI: build the one-folder application and run its self-test offscreen; print its size, the
# build time, the start-up time and the self-test time. Exits non-zero if either step fails.
#   bash packaging/ci_selftest.sh            (from anywhere; Linux and macOS)
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
PYTHON=${PYTHON:-python3}

now() { "$PYTHON" -c 'import time; print(time.time())'; }
elapsed() { "$PYTHON" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

t0=$(now)
"$PYTHON" packaging/build.py
t1=$(now)

app=dist/initviz
exe=$app/initviz
[ -x "$exe" ] || { echo "ci_selftest: $exe was not built" >&2; exit 1; }

# Start-up: the bundle unpacks nothing (one folder); --help loads Python, Qt, NumPy and
# pyqtgraph and exits before any window.
s0=$(now)
"$exe" --help >/dev/null
s1=$(now)

# The bundle carries the translations: the command line reads them without Qt.
"$exe" --lang zh_CN --help | grep -q "用法" ||
    { echo "ci_selftest: the bundle's --help is not in Chinese with --lang zh_CN" >&2; exit 1; }

r0=$(now)
"$exe" --selftest
r1=$(now)

echo "ci_selftest: $(du -sh "$app" | cut -f1) on disk ($(du -s --apparent-size -BM "$app" 2>/dev/null | cut -f1 || true) apparent)," \
     "build $(elapsed "$t0" "$t1") s (environment included)," \
     "start-up (--help) $(elapsed "$s0" "$s1") s," \
     "selftest $(elapsed "$r0" "$r1") s"
