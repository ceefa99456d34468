# A throwaway PostgreSQL cluster on 127.0.0.1 for the test suite (sourced by .ci/run).
#
# `postgres_start` installs PostgreSQL from Debian's packages when no server binaries are found,
# runs initdb into a temporary folder (socket there too), starts it on a free loopback port and
# exports HAJIZ_TEST_POSTGRES_URL (a trusted superuser, no password: nothing but this machine
# can reach it). `postgres_stop` stops the cluster and removes the folder.

postgres_bin() {
  # The newest installed server version wins.
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  fi
}

postgres_start() {
  local bin port
  bin="$(postgres_bin)"
  if [ -z "$bin" ]; then
    echo "== installing PostgreSQL (Debian packages)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(postgres_bin)"
  fi
  if [ -z "$bin" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi
  HAJIZ_PG_BIN="$bin"
  # In /tmp, which the postgres user can reach whatever TMPDIR says.
  HAJIZ_PG_DIR="$(mktemp -d /tmp/hajiz-pg-XXXXXX)"
  HAJIZ_PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the unprivileged postgres user
    # (the Debian package creates it; make it when only the binaries are there).
    if ! id -u postgres >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    fi
    chown postgres: "$HAJIZ_PG_DIR"
    HAJIZ_PG_AS=(runuser -u postgres --)
  fi
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "${HAJIZ_PG_AS[@]}" "$bin/initdb" -D "$HAJIZ_PG_DIR/data" -U hajiz --auth=trust \
    --encoding=UTF8 --no-locale >"$HAJIZ_PG_DIR/initdb.log" 2>&1 \
    || { cat "$HAJIZ_PG_DIR/initdb.log" >&2; return 1; }
  # Durability is worthless for a throwaway cluster: no fsync makes the tests' DDL fast.
  "${HAJIZ_PG_AS[@]}" "$bin/pg_ctl" -D "$HAJIZ_PG_DIR/data" -l "$HAJIZ_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $HAJIZ_PG_DIR -c max_connections=300" \
    -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$HAJIZ_PG_DIR/server.log" >&2; return 1; }
  export HAJIZ_TEST_POSTGRES_URL="postgresql://hajiz@127.0.0.1:$port/postgres"
  echo "== $("$bin/postgres" --version) on 127.0.0.1:$port"
}

postgres_stop() {
  if [ -n "${HAJIZ_PG_DIR:-}" ] && [ -d "$HAJIZ_PG_DIR" ]; then
    "${HAJIZ_PG_AS[@]}" "$HAJIZ_PG_BIN/pg_ctl" -D "$HAJIZ_PG_DIR/data" -m immediate stop \
      >/dev/null 2>&1 || true
    rm -rf "$HAJIZ_PG_DIR"
  fi
}
