#!/usr/bin/env bash
# Scale test (issue 17): Agora on standard parts, as docs/deploy.md describes, on this one machine.
#
#   bash scripts/scale-test.sh            # builds only if .next has no build
#   bash scripts/scale-test.sh --build    # builds first in any case
#
# It starts, all of its own and on loopback only:
#   - a PostgreSQL primary and a streaming replica made from it by `pg_basebackup -R` (two new
#     clusters in a temporary folder: the server on 5432 is never touched);
#   - Redis (REDIS_URL, for the Next.js cache handler);
#   - two app instances (`next start`) on the same build, both with DATABASE_URL = the primary,
#     DATABASE_REPLICA_URLS = the replica and REDIS_URL;
#   - nginx in front of them, with deploy/nginx.conf itself (ports and log path rewritten);
# migrates the primary and loads the demo data, then checks (scripts/scale-test-checks.ts):
#   a. a forum post made on instance A is on instance B's thread page at once (anonymous and signed in);
#   b. results withdrawn on A are gone from B's public results pages at once;
#   c. the dashboards read from the replica (its table statistics grow, the primary's do not);
#   e. SIGTERM of instance B (a restart) during a stream of GETs through nginx loses no request;
#      then B starts again and rejoins;
#   d. SIGKILL of instance A during such a stream loses no request (a page A had begun to send
#      is counted apart: no balancer can re-send it).
# It prints PASS/FAIL per check and a summary, exits non-zero on any failure, and tears everything
# down on the way out (Ctrl-C included). Logs of the run stay in .data/scale-test/.
#
# Needs: PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup), redis-server, nginx, psql,
# Chromium (/usr/bin/chromium, as the end-to-end tests). Run as root, it installs Debian's
# redis-server and nginx when missing (and runs PostgreSQL as the `postgres` user).
# Time: about 2 minutes on the 2-core development machine, plus a build when one is needed.
#
# Ports (environment): SCALE_PG_PRIMARY_PORT 5440, SCALE_PG_REPLICA_PORT 5441, SCALE_REDIS_PORT 6390,
# SCALE_APP_A_PORT 3301, SCALE_APP_B_PORT 3302, SCALE_NGINX_PORT 8090.
# SCALE_APP_COMMAND: how an instance starts, %i standing for its port (default: the ExecStart,
# NODE_OPTIONS and MALLOC_ARENA_MAX of deploy/agora@.service, so the test runs instances as the
# documented units do).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

PG_PRIMARY_PORT="${SCALE_PG_PRIMARY_PORT:-5440}"
PG_REPLICA_PORT="${SCALE_PG_REPLICA_PORT:-5441}"
REDIS_PORT="${SCALE_REDIS_PORT:-6390}"
APP_A_PORT="${SCALE_APP_A_PORT:-3301}"
APP_B_PORT="${SCALE_APP_B_PORT:-3302}"
NGINX_PORT="${SCALE_NGINX_PORT:-8090}"
UNIT="deploy/agora@.service"
APP_COMMAND="${SCALE_APP_COMMAND:-$(sed -n 's/^ExecStart=//p' "$UNIT")}"
APP_NODE_OPTIONS="$(sed -n 's/^Environment="\{0,1\}NODE_OPTIONS=\([^"]*\)"\{0,1\}$/\1/p' "$UNIT")"
APP_MALLOC_ARENA_MAX="$(sed -n 's/^Environment="\{0,1\}MALLOC_ARENA_MAX=\([^"]*\)"\{0,1\}$/\1/p' "$UNIT")"
if [[ "$APP_COMMAND" != *%i* ]]; then echo "scale test: the app command has no %i for the port: $APP_COMMAND" >&2; exit 2; fi
BUILD=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    *) echo "unknown option $arg (see the header of $0)" >&2; exit 2 ;;
  esac
done

step() { printf '\n=== %s (at %ss) ===\n' "$*" "$SECONDS"; }
die() { echo "scale test: $*" >&2; exit 1; }

LOGS="$ROOT/.data/scale-test"
rm -rf "$LOGS" && mkdir -p "$LOGS"
WORK="$(mktemp -d /tmp/agora-scale.XXXXXX)"
chmod 755 "$WORK"
PIDS=()      # process groups to end: redis, the instances, nginx
PG_DIRS=()   # clusters to stop

teardown() {
  local status=$?
  set +e
  step "teardown"
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
  for dir in "${PG_DIRS[@]}"; do as_pg "$PG_BIN/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1; done
  cp "$WORK"/*.log "$LOGS"/ 2>/dev/null
  rm -rf "$WORK"
  echo "logs: $LOGS"
  exit "$status"
}
trap teardown EXIT
trap 'exit 130' INT TERM

step "system packages"
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing: ${missing[*]} (Debian: apt-get install -y ${missing[*]})"
  fi
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
[ -x "$PG_BIN/initdb" ] || PG_BIN="$(dirname "$(command -v initdb || echo /nonexistent/initdb)")"
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL server binaries not found (set PG_BIN, or apt-get install -y postgresql)"
command -v psql >/dev/null 2>&1 || die "psql not found (apt-get install -y postgresql-client)"

# PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || die "no postgres user to run PostgreSQL as"
  as_pg() { runuser -u postgres -- "$@"; }
  chown postgres "$WORK"
else
  as_pg() { "$@"; }
fi

for port in "$PG_PRIMARY_PORT" "$PG_REPLICA_PORT" "$REDIS_PORT" "$APP_A_PORT" "$APP_B_PORT" "$NGINX_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is already in use (see the SCALE_*_PORT settings)"; fi
done

if [ "$BUILD" = 1 ] || [ ! -f .next/BUILD_ID ]; then
  step "production build (next build, then the survey worker)"
  npm run build
fi

# ---------------------------------------------------------------------------------------------
step "PostgreSQL primary on $PG_PRIMARY_PORT"
PRIMARY="$WORK/primary"
REPLICA="$WORK/replica"
as_pg "$PG_BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
# Same settings on both clusters; the replica is a copy, so its port is given on its command line.
pg_options() { echo "-c listen_addresses=127.0.0.1 -c port=$1 -c unix_socket_directories=$WORK -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on -c fsync=off"; }
PG_DIRS+=("$PRIMARY")
as_pg "$PG_BIN/pg_ctl" -D "$PRIMARY" -l "$WORK/postgres-primary.log" -o "$(pg_options "$PG_PRIMARY_PORT")" -w start >/dev/null
psql_at() { psql -X -h 127.0.0.1 -p "$1" -U postgres -d "$2" -Atq -c "$3"; }
psql_at "$PG_PRIMARY_PORT" postgres "create database agora"
PRIMARY_URL="postgres://postgres@127.0.0.1:$PG_PRIMARY_PORT/agora"
REPLICA_URL="postgres://postgres@127.0.0.1:$PG_REPLICA_PORT/agora"

step "migrations and the demo data on the primary"
# One secret for the run: it also encrypts the demo staff's TOTP keys the seed stores.
AUTH_SECRET_RUN="$(node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))")"
NODE_ENV=production AGORA_SEED_DEMO=1 DATABASE_URL="$PRIMARY_URL" AUTH_SECRET="$AUTH_SECRET_RUN" \
  npx tsx --conditions=react-server db/prepare.ts --seed=demo

step "streaming replica on $PG_REPLICA_PORT (pg_basebackup -R)"
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -D "$REPLICA" -R -X stream -c fast
PG_DIRS+=("$REPLICA")
as_pg "$PG_BIN/pg_ctl" -D "$REPLICA" -l "$WORK/postgres-replica.log" -o "$(pg_options "$PG_REPLICA_PORT")" -w start >/dev/null
[ "$(psql_at "$PG_REPLICA_PORT" agora "select pg_is_in_recovery()")" = t ] || die "the replica is not in recovery"
for _ in $(seq 1 50); do
  [ "$(psql_at "$PG_PRIMARY_PORT" postgres "select count(*) from pg_stat_replication where state = 'streaming'")" = 1 ] && break
  sleep 0.2
done
[ "$(psql_at "$PG_PRIMARY_PORT" postgres "select count(*) from pg_stat_replication where state = 'streaming'")" = 1 ] || die "the primary has no streaming replica"
echo "replica streaming from the primary"

# ---------------------------------------------------------------------------------------------
step "Redis on $REDIS_PORT"
setsid redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
redis-cli -p "$REDIS_PORT" ping >/dev/null || die "Redis did not start"

step "two app instances ($APP_A_PORT, $APP_B_PORT)"
start_instance() { # port → its process group id
  local port="$1"
  # shellcheck disable=SC2086 # APP_COMMAND is a command line
  NODE_ENV=production NODE_OPTIONS="$APP_NODE_OPTIONS" MALLOC_ARENA_MAX="$APP_MALLOC_ARENA_MAX" DATABASE_URL="$PRIMARY_URL" DATABASE_REPLICA_URLS="$REPLICA_URL" REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
    AUTH_SECRET="$AUTH_SECRET_RUN" TRUSTED_PROXIES=1 PUBLIC_URL="http://127.0.0.1:$NGINX_PORT" MAIL_DIR="$WORK/mail" \
    setsid ${APP_COMMAND//%i/$port} >"$WORK/app-$port.log" 2>&1 &
  PIDS+=("$!")
  disown "$!" # check d kills it: no "Killed" notice from this shell
  echo "$!" >"$WORK/app-$port.pgid"
}
start_instance "$APP_A_PORT"
start_instance "$APP_B_PORT"
for port in "$APP_A_PORT" "$APP_B_PORT"; do
  for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.5; done
  curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" || { tail -n 30 "$WORK/app-$port.log" >&2; die "instance $port did not start"; }
  echo "instance $port up"
done

step "nginx on $NGINX_PORT (deploy/nginx.conf)"
mkdir -p "$WORK/nginx"
chmod 777 "$WORK/nginx"
sed -e "s/127\.0\.0\.1:3001/127.0.0.1:$APP_A_PORT/; s/127\.0\.0\.1:3002/127.0.0.1:$APP_B_PORT/" \
  -e "s|^\( *\)listen 80;|\1listen 127.0.0.1:$NGINX_PORT;|; /listen \[::\]:80;/d" \
  -e "s|/var/log/nginx/agora.access.log|$WORK/nginx-access.log|" deploy/nginx.conf >"$WORK/agora-site.conf"
for expected in "127.0.0.1:$APP_A_PORT" "127.0.0.1:$APP_B_PORT" "listen 127.0.0.1:$NGINX_PORT;" "$WORK/nginx-access.log"; do
  grep -qF "$expected" "$WORK/agora-site.conf" || die "deploy/nginx.conf no longer has the lines this script rewrites ($expected)"
done
{
  [ "$(id -u)" = 0 ] && echo "user www-data www-data;"
  cat <<EOF
daemon off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  include $WORK/agora-site.conf;
}
EOF
} >"$WORK/nginx.conf"
"$NGINX" -t -q -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" -p "$WORK/nginx" || die "nginx refused the configuration"
setsid "$NGINX" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" -p "$WORK/nginx" &
PIDS+=("$!")
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/health" && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/health" || die "nginx did not answer"

# ---------------------------------------------------------------------------------------------
step "checks"
export SCALE_APP_A="http://127.0.0.1:$APP_A_PORT" SCALE_APP_B="http://127.0.0.1:$APP_B_PORT" SCALE_NGINX="http://127.0.0.1:$NGINX_PORT" \
  SCALE_PRIMARY_URL="$PRIMARY_URL" SCALE_REPLICA_URL="$REPLICA_URL" SCALE_NGINX_LOG="$WORK/nginx-access.log" SCALE_RESULTS="$WORK/results.jsonl"
checks() { # the checks named, each bounded in time by the checks file; the whole call by `timeout`
  SCALE_APP_A_PGID="$(cat "$WORK/app-$APP_A_PORT.pgid")" SCALE_APP_B_PGID="$(cat "$WORK/app-$APP_B_PORT.pgid")" \
    timeout 600 npx tsx scripts/scale-test-checks.ts "$1" || true
}
# c, a, b; then e stops instance B gracefully, as `systemctl restart` would.
checks c,a,b,e
step "instance $APP_B_PORT started again; waiting for nginx to send it requests"
start_instance "$APP_B_PORT"
back=0
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$APP_B_PORT/api/health" 2>/dev/null || { sleep 0.5; continue; }
  # nginx tries a failed instance again 10 s after its failure (fail_timeout in deploy/nginx.conf).
  curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/health"
  if tail -n 1 "$WORK/nginx-access.log" | grep -q "upstream=127.0.0.1:$APP_B_PORT "; then back=1; break; fi
  sleep 0.5
done
[ "$back" = 1 ] && echo "nginx sends requests to $APP_B_PORT again" || echo "nginx did not send requests to $APP_B_PORT again within a minute"
# d kills instance A outright.
checks d

step "summary"
npx tsx scripts/scale-test-checks.ts summary
