"""LISTEN for a PostgreSQL store's change announcements, on the service worker's event loop.

Each `hajiz serve` worker holds one extra connection that only listens. A notification that
arrives while the worker is busy waits in that connection until the next `wait`. When the
connection fails the listener says so once, reconnects on the next `wait`, and meanwhile the
follower's polling keeps the index in step.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import psycopg
from psycopg import sql

log = logging.getLogger("hajiz.store.postgres")


class PostgresListener:
    """Waits for NOTIFY on one channel; reconnects after a failure."""

    def __init__(self, conninfo: str, channel: str, url: str) -> None:
        self._conninfo = conninfo
        self.channel = channel
        self.url = url
        self._connection: psycopg.AsyncConnection[Any] | None = None
        self._has_failed = False

    async def _listening(self) -> psycopg.AsyncConnection[Any]:
        if self._connection is None or self._connection.closed:
            connection = await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)
            await connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
            self._connection = connection
            if self._has_failed:
                log.warning("listening for changes in %s again", self.url)
                self._has_failed = False
        return self._connection

    async def wait(self, timeout: float) -> bool:
        """Return True once a change is announced, False after `timeout` seconds without one."""
        try:
            connection = await self._listening()
            is_announced = False
            async for _ in connection.notifies(timeout=timeout, stop_after=1):
                is_announced = True
            if is_announced:
                # Several commits may have announced themselves: one catch-up covers them all.
                async for _ in connection.notifies(timeout=0):
                    pass
            return is_announced
        except psycopg.Error as error:
            if not self._has_failed:
                reason = " ".join(str(error).split())
                log.warning("cannot listen for changes in %s (polling): %s", self.url, reason)
                self._has_failed = True
            await self.aclose()
            await asyncio.sleep(timeout)
            return False

    async def aclose(self) -> None:
        """Stop listening and close the connection."""
        connection, self._connection = self._connection, None
        if connection is not None and not connection.closed:
            await connection.close()
