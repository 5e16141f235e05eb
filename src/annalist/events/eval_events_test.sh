#!/bin/sh
# ctest eval_events_dev: `annalist eval events` on PETRARCH's dev unit-test records with the
# PETR.Validate dictionaries; fails when accuracy drops below the floors given.
# Usage: eval_events_test.sh ANNALIST SHARED_DIR MIN_CORRECT MAX_SPURIOUS
set -u
xml="$2/data/eventdata/PETR.UnitTest.dev.xml"
dicts="$2/data/eventdata/petrarch-dictionaries/validate"
if [ ! -f "$xml" ] || [ ! -d "$dicts" ]; then
  echo "SKIP: $xml or $dicts not found (shared data absent)"
  exit 77
fi
exec "$1" eval events "$xml" --dictionaries "petrarch:$dicts" --min-correct "$3" \
  --max-spurious "$4"
