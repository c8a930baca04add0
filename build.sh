#!/usr/bin/env bash
# The one entry point: ./build.sh [build|test|sample|bench] — see README.md. The logic lives in eng/.
exec "$(dirname "$0")/eng/build.sh" "$@"
