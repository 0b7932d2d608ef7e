#!/usr/bin/env bash
# The production stack on this machine (`make serve`): the production settings, gunicorn with
# commons_site/gunicorn.conf.py, WhiteNoise for static files and the background worker
# (manage.py db_worker) alongside. Ctrl-C, or a TERM to this script, stops both; if either stops on
# its own, the other is stopped too.
#
# SQLite under var/, the embedded search engine and the file cache by default; PostgreSQL, a search
# cluster and Redis when DATABASE_URL, SEARCH_URL and CACHE_URL (or REDIS_URL) name them, with the
# matching extra (postgres, cluster, redis) installed on first use. Any other setting comes from the
# environment as on a server (docs/configuration.md). Without SECRET_KEY a throwaway key is made for
# this run; ALLOWED_HOSTS defaults to this machine's names and the HTTPS redirect is off, since
# nothing here terminates TLS (set SECURE_SSL_REDIRECT=true behind a proxy that does).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIN=${BIN:-.venv/bin}
export DJANGO_SETTINGS_MODULE=commons_site.settings.production
export HOST=${HOST:-127.0.0.1}
export PORT=${PORT:-8000}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
export TASKS_BACKEND=${TASKS_BACKEND:-database}
if [ -z "${SECRET_KEY:-}" ]; then
  SECRET_KEY=$("$BIN/python" -c "import secrets; print(secrets.token_urlsafe(64))")
  export SECRET_KEY
  key_note="a throwaway key made for this run (sign-ins end when it stops; set SECRET_KEY to keep one)"
else
  key_note="from SECRET_KEY"
fi

# A URL with its password hidden, for printing.
redact() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

# The extras a named service needs, installed once.
cache_url=${CACHE_URL:-${REDIS_URL:-}}
extras=()
case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*|pgsql://*) "$BIN/python" -c "import psycopg" 2>/dev/null || extras+=(postgres) ;;
esac
case "${SEARCH_URL:-embedded}" in
  embedded) ;;
  *) "$BIN/python" -c "import elasticsearch, opensearchpy" 2>/dev/null || extras+=(cluster) ;;
esac
if [ -n "$cache_url" ]; then
  "$BIN/python" -c "import redis" 2>/dev/null || extras+=(redis)
fi
if [ ${#extras[@]} -gt 0 ]; then
  extras_list=$(IFS=,; echo "${extras[*]}")
  echo "== Installing what the named services need: .[$extras_list]"
  PYTHONWARNINGS=ignore "$BIN/python" -m pip install --quiet -e ".[$extras_list]"
fi

mkdir -p var
echo "== Migrating the database"
"$BIN/python" manage.py migrate --noinput
echo "== Collecting static files (served by WhiteNoise)"
"$BIN/python" manage.py collectstatic --noinput --verbosity 0

if [ "$TASKS_BACKEND" = database ]; then
  worker_note="manage.py db_worker (background work queued in the database)"
else
  worker_note="none: TASKS_BACKEND=$TASKS_BACKEND runs background work inside each request"
fi
echo "== Serving the production settings"
echo "   URL:           http://$HOST:$PORT/"
echo "   web server:    gunicorn, $WEB_CONCURRENCY sync workers (commons_site/gunicorn.conf.py)"
echo "   worker:        $worker_note"
echo "   database:      $(redact "${DATABASE_URL:-sqlite:///var/commons.sqlite3}")"
echo "   search engine: $(redact "${SEARCH_URL:-embedded}")"
if [ -n "$cache_url" ]; then
  echo "   cache:         Redis at $(redact "$cache_url")"
else
  echo "   cache:         files in ${CACHE_DIR:-var/cache} (one machine; CACHE_URL=redis://… to share one)"
fi
echo "   SECRET_KEY:    $key_note"
echo "   ALLOWED_HOSTS: $ALLOWED_HOSTS"
echo "   HTTPS redirect: $SECURE_SSL_REDIRECT"
echo "   Ctrl-C stops both."

pids=()
running() { local pid; for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
stop() {
  trap - INT TERM EXIT
  local pid tries
  if [ "${1:-}" = interrupted ]; then
    # Ctrl-C reached every process in the terminal's group: give them a few seconds to stop on their
    # own, since a second signal makes the worker abandon a task it is running.
    for tries in $(seq 50); do running || break; sleep 0.1; done
  fi
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "== Stopped gunicorn${pids[1]:+ and the worker}"
}
trap 'stop interrupted; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

"$BIN/gunicorn" --config commons_site/gunicorn.conf.py &
pids+=($!)
if [ "$TASKS_BACKEND" = database ]; then
  # The daily job as a django-tasks schedule (docs/deployment.md): queued once, then each run queues the next.
  "$BIN/python" manage.py daily --schedule
  "$BIN/python" manage.py db_worker --interval 1 &
  pids+=($!)
fi
echo "   gunicorn pid ${pids[0]}${pids[1]:+, worker pid ${pids[1]}}"

# Until one of them stops (or a signal arrives): then the EXIT trap stops the other.
status=0
stopped=
wait -n -p stopped "${pids[@]}" || status=$?
if [ "$stopped" = "${pids[0]}" ]; then name=gunicorn; else name="the worker"; fi
echo "== $name stopped (exit status $status); stopping the rest"
exit "$status"
