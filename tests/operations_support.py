"""Scratch PostgreSQL databases next to the test database, for backups and outages.

The operations tests need databases that other processes (pg_dump, gunicorn) can see, so they
cannot live inside a test's transaction. Each is a copy of the migrated test database
(``CREATE DATABASE … TEMPLATE``), dropped afterwards.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg
from django.db import connection, connections
from psycopg import sql


def server_url(name: str) -> str:
    """A postgres:// URL for database ``name`` on the test database's server."""
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}/{name}"


def maintenance() -> psycopg.Connection:
    return psycopg.connect(server_url("postgres"), autocommit=True, connect_timeout=10)


def create_databases(*, copies: list[str] = (), empty: list[str] = ()) -> None:
    """Copies of the test database, and empty databases; existing ones are dropped first."""
    connections.close_all()  # a template database must have no other session
    template = sql.Identifier(connection.settings_dict["NAME"])
    with maintenance() as server:
        for name in [*copies, *empty]:
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        for name in copies:
            server.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), template)
            )
        for name in empty:
            server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_databases(*names: str) -> None:
    connections.close_all()
    with maintenance() as server:
        for name in names:
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@contextlib.contextmanager
def using_database(name: str) -> Iterator[None]:
    """Point this process's default connection at another database on the same server."""
    connections.close_all()
    original = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connections.close_all()
        connection.settings_dict["NAME"] = original
