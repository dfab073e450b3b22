"""WSGI entry point for gunicorn: `gunicorn -c gunicorn.conf.py safenow.wsgi:app`."""

from safenow.app import create_app

app = create_app()
