"""gunicorn settings for SafeNow, all overridable from the environment.

Settings are validated here, in the master, so a bad variable stops start-up
before any worker forks. Logs (error and access) go through the same
structlog formatter as the app, with the same PII redaction.
"""

import os
import sys
import tempfile

# Prometheus multiprocess mode: each worker writes its samples to files here.
# prometheus_client picks its value storage when first imported, so this must
# happen before anything imports safenow (and with it prometheus_client).
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="safenow-prom-")
os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

from safenow.logging_setup import build_formatter  # noqa: E402
from safenow.settings import Settings, SettingsError  # noqa: E402

try:
    _settings = Settings.from_env()
except SettingsError as exc:
    sys.stderr.write(f"{exc}\n")
    sys.exit(2)

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8080")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# Slow model calls are bounded by MODEL_READ_TIMEOUT_S; leave headroom above it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# Kubernetes sends SIGTERM and stops routing; finish in-flight requests.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "0"))
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'


_formatter = {
    "()": build_formatter,
    "log_format": _settings.LOG_FORMAT,
    "redact_pii": _settings.LOG_REDACT_PII,
}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"structlog": _formatter},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "structlog",
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "gunicorn.error": {
            "handlers": ["console"],
            "level": _settings.LOG_LEVEL,
            "propagate": False,
        },
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": _settings.LOG_LEVEL},
}


def on_starting(server):
    keys = _settings.api_keys
    server.log.info(
        "safenow starting",
        extra={"bind": bind, "workers": workers, "keys": [k.name for k in keys]},
    )


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
