"""`safenow-audit`: verify, export and purge the audit trail; set up PostgreSQL.

Reads the same environment as the service (AUDIT_SINK, AUDIT_LOG_PATH,
AUDIT_DATABASE_URL, AUDIT_RETENTION_DAYS, AUDIT_CHECKPOINT_KEY); options
override it. Exit status: 0 all good, 1 a chain is broken (or a purge was
refused), 2 bad usage or configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from safenow.audit.checkpoint import CheckpointKeyError
from safenow.audit.export import export_records, parse_when
from safenow.audit.factory import SINKS, build_sink
from safenow.audit.retention import purge_sink
from safenow.audit.verify import verify_sink
from safenow.settings import Settings, SettingsError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safenow-audit", description="Verify, export and purge the SafeNow audit trail."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--sink", choices=SINKS, help="default: $AUDIT_SINK")
    common.add_argument("--path", type=Path, help="audit folder (file, sqlite); $AUDIT_LOG_PATH")
    common.add_argument("--database-url", help="postgres; default: $AUDIT_DATABASE_URL")
    commands = parser.add_subparsers(dest="command", required=True)

    verify = commands.add_parser("verify", parents=[common], help="check hash chains")
    verify.add_argument("--writer", help="one writer (default: all)")
    verify.add_argument("--json", action="store_true", help="machine-readable report")

    export = commands.add_parser("export", parents=[common], help="JSON Lines for a SIEM")
    export.add_argument("--since", help="ISO date/date-time, inclusive")
    export.add_argument("--until", help="ISO date/date-time, exclusive")
    export.add_argument("--output", "-o", type=Path, help="file (default: standard output)")

    purge = commands.add_parser("purge", parents=[common], help="drop segments past retention")
    purge.add_argument("--retention-days", type=int, help="default: $AUDIT_RETENTION_DAYS")
    purge.add_argument("--dry-run", action="store_true", help="list, remove nothing")
    purge.add_argument("--now", help=argparse.SUPPRESS)  # fixed clock for tests and drills

    init_db = commands.add_parser(
        "init-db", parents=[common], help="create the PostgreSQL tables and append-only guard"
    )
    init_db.add_argument("--grant-to", help="service role to grant SELECT, INSERT (only)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 2
    kind = args.sink or settings.AUDIT_SINK
    url = args.database_url or settings.AUDIT_DATABASE_URL
    try:
        if args.command == "init-db":
            return _init_db(url, args.grant_to)
        sink = build_sink(kind, args.path or settings.AUDIT_LOG_PATH, url)
    except ValueError as exc:
        print(f"safenow-audit: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "verify":
            return _verify(sink, settings.AUDIT_CHECKPOINT_KEY, args)
        if args.command == "export":
            return _export(sink, args)
        return _purge(sink, settings, args)
    except (ValueError, CheckpointKeyError) as exc:
        print(f"safenow-audit: {exc}", file=sys.stderr)
        return 2
    finally:
        sink.close()


def _verify(sink, key: str, args) -> int:
    reports = verify_sink(sink, key, args.writer)
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], indent=2))
    else:
        for report in reports:
            print(report.summary())
        broken = sum(not r.ok for r in reports)
        records = sum(r.records for r in reports)
        status = "OK" if not broken else f"{broken} BROKEN"
        print(f"verified {len(reports)} writer(s), {records} record(s) in {sink.name}: {status}")
    return 0 if all(r.ok for r in reports) else 1


def _export(sink, args) -> int:
    since = parse_when(args.since, "--since") if args.since else None
    until = parse_when(args.until, "--until") if args.until else None
    if since is not None and until is not None and since >= until:
        raise ValueError("--since must be earlier than --until")
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            count = export_records(sink, since, until, out)
    else:
        count = export_records(sink, since, until, sys.stdout)
    print(f"exported {count} record(s)", file=sys.stderr)
    return 0


def _purge(sink, settings: Settings, args) -> int:
    days = args.retention_days or settings.AUDIT_RETENTION_DAYS
    now = parse_when(args.now, "--now") if args.now else None
    results = purge_sink(sink, days, settings.AUDIT_CHECKPOINT_KEY, now, args.dry_run)
    for result in results:
        print(("DRY RUN " if args.dry_run and not result.refused else "") + result.summary())
    if not results:
        print(f"nothing older than {days} day(s) in {sink.name}")
    return 1 if any(r.refused for r in results) else 0


def _init_db(url: str, grant_to: str | None) -> int:
    if not url:
        raise ValueError("init-db needs --database-url or AUDIT_DATABASE_URL (an owner role)")
    import psycopg

    from safenow.audit.postgres_sink import install_schema

    with psycopg.connect(url, autocommit=True) as conn:
        install_schema(conn, grant_to)
    print(
        "audit tables and append-only guard installed"
        + (f"; granted to {grant_to}" if grant_to else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
