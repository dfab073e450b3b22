"""Audit fixtures: the same tests run against every sink, each on real storage
(files, an SQLite database, a PostgreSQL database from `postgres_server`)."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from safenow.audit.factory import build_sink


@pytest.fixture
def pg_database(postgres_server):
    """A fresh database; yields (admin_url, service_url, service_role).

    The service role may only SELECT and INSERT, as in production."""
    name = f"audit_{uuid.uuid4().hex[:10]}"
    admin_url = postgres_server.create_database(name)
    role = f"sn_writer_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_server.admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
    from safenow.audit.postgres_sink import install_schema

    with psycopg.connect(admin_url, autocommit=True) as conn:
        install_schema(conn, grant_to=role)
    yield admin_url, postgres_server.url_for(name, user=role), role


@pytest.fixture(params=["file", "sqlite", "postgres"])
def sink_kind(request):
    return request.param


@pytest.fixture
def make_sink(sink_kind, tmp_path, request):
    """Build sinks of the parametrised kind on one shared storage location."""
    built = []
    urls = {}
    if sink_kind == "postgres":
        admin_url, service_url, _role = request.getfixturevalue("pg_database")
        urls = {"admin": admin_url, "service": service_url}

    def make(role: str = "service", **options):
        sink = build_sink(sink_kind, tmp_path / "audit", urls.get(role, ""), **options)
        built.append(sink)
        return sink

    make.kind = sink_kind
    make.urls = urls
    make.path = tmp_path / "audit"
    yield make
    for sink in built:
        sink.close()


@pytest.fixture
def sink(make_sink):
    return make_sink()
