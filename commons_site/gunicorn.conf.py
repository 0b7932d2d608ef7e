"""gunicorn's settings for the commons: `gunicorn -c commons_site/gunicorn.conf.py commons_site.wsgi`
(`make serve` does this; docs/deployment.md). Read from the environment like the site's settings:
WEB_CONCURRENCY, HOST, PORT, GUNICORN_TIMEOUT."""

import gc
import os

wsgi_app = "commons_site.wsgi:application"

# HOST 0.0.0.0 behind a load balancer; the default answers this machine only.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Sync workers: each handles one request at a time, which is what Django's ORM and the SQLite and
# psycopg connections expect, and slow clients are kept away by the proxy in front. Two workers per
# core is a good start for pages that mostly wait on the database; WEB_CONCURRENCY is the name
# hosting platforms set.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))

# Loading Django once in the master and forking the workers from it saves memory and start-up time
# and shows a broken configuration before any worker starts. Each worker still opens its own
# database connections, because Django opens them on the first query, never at import.
preload_app = True

# A request still running after this many seconds gets its worker killed and restarted: long enough
# for a large upload being screened (SCREENING_SUBMISSION_SECONDS is 60), short enough that a stuck
# request does not hold a worker for good.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "90"))
# On a restart or Ctrl-C, requests in progress get this long to finish. (No keepalive: sync workers
# close each connection after its response, which is what a proxy in front expects of them.)
graceful_timeout = 30

# Restart each worker after about a thousand requests (spread, so they do not all restart at once)
# so that memory a long-lived process slowly gathers is given back.
max_requests = 1000
max_requests_jitter = 100

# One line per request on stdout, where a process manager or container runtime collects it:
# client, time, request line, status, bytes, duration in microseconds, user agent.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s"'

# X-Forwarded-* headers are trusted only from FORWARDED_ALLOW_IPS (gunicorn reads it itself; default
# this machine): set it to the address of the proxy or load balancer in front.

# No control socket (gunicorn 25.1+): every gunicorn of a user shares one default path, so a second
# site or a benchmark's server on the same machine would take it over; signals do the same job.
control_socket_disable = True

# Workers' heartbeat files in memory rather than on a disk that might be slow or read-only.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


def when_ready(server):
    """Close whatever database connection start-up opened (an app's ready() that queried) before the
    workers are forked from this process, so that no two processes ever share one."""
    from django.db import connections

    connections.close_all()
    # Everything loaded so far (Django, Wagtail, the site's modules and settings) lives as long as
    # the process: moved out of the garbage collector's reach, it is not walked again on every full
    # collection in each worker (which cost about 4 ms of a 50 ms signed-in page), and its memory
    # pages stay shared between the workers forked from here (the gc module's documentation).
    gc.freeze()
