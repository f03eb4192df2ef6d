# Installs and starts what the test suite needs beyond Python: a PostgreSQL server on
# 127.0.0.1 only, Chromium for browser tests, poppler for PDF rendering, pango for WeasyPrint.
# Source it (it exports FORCEWATCH_TEST_PG_URL); needs root, as on CI machines.
set -euo pipefail

FW_PG_PORT="${FW_PG_PORT:-55432}"
FW_PG_DIR="${FW_PG_DIR:-/tmp/forcewatch-pg}"
FW_DEBS="postgresql chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"

fw_install_debs() {
  local missing=()
  for p in $FW_DEBS; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "services: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

fw_start_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  if ! "$bin/pg_isready" -h 127.0.0.1 -p "$FW_PG_PORT" -q; then
    rm -rf "$FW_PG_DIR"; mkdir -p "$FW_PG_DIR"; chown postgres: "$FW_PG_DIR"
    runuser -u postgres -- "$bin/initdb" -D "$FW_PG_DIR/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$FW_PG_DIR/data" -l "$FW_PG_DIR/log" -w start \
      -o "-c listen_addresses=127.0.0.1 -p $FW_PG_PORT -k $FW_PG_DIR -c fsync=off" >/dev/null
  fi
  export FORCEWATCH_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$FW_PG_PORT/postgres"
  echo "services: PostgreSQL at $FORCEWATCH_TEST_PG_URL"
}

fw_install_debs
fw_start_postgres
