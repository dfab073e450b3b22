"""GCRA in Redis: one Lua script per decision, on the server's clock.

Every process of every pod runs the same script against the same keys, and
Redis runs scripts one at a time, so there is no read-modify-write race
between processes. The script reads the time with `TIME`, so pods whose
clocks disagree still agree on every limit. Each key is written with an
expiry at its TAT, the moment its state becomes worthless, so idle keys
vanish by themselves.

A decision is one round trip: `EVALSHA` of the cached script (loaded again
only when the server answers NOSCRIPT, e.g. after a restart), over a
connection that belongs to the calling thread, so no pool bookkeeping or lock
contention sits on the hot path. bench/bench_ratelimit.py measures it against
raw INCR.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Sequence

import redis
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from safenow.ratelimit.base import Bucket, Decision

KEY_PREFIX = "safenow:rl:"
PACKED_CACHE_SIZE = 4096

# Times in the script are microseconds since this epoch (2024-01-01 UTC).
# Lua numbers are doubles: counting from a recent epoch keeps them small, so
# a TAT keeps a resolution of 1/64 us until 2028 and 1/16 us until 2032
# (from 1970 it would be 1/4 us). Redis writes a number argument with
# round-trip precision, so storing the TAT adds no rounding of its own.
EPOCH_S = 1_704_067_200

# KEYS[i]: bucket key. ARGV[2i-1]: requests per minute, ARGV[2i]: burst.
# Returns four integers per bucket: allowed (1/0), remaining,
# microseconds until the burst is full again, microseconds until a retry passes.
GCRA_SCRIPT = """
local clock = redis.call('TIME')
local now = (tonumber(clock[1]) - EPOCH_S) * 1000000 + tonumber(clock[2])
local count = #KEYS
local tats, intervals, tolerances = {}, {}, {}
local refused = false
for i = 1, count do
  local interval = 60000000 / tonumber(ARGV[2 * i - 1])
  local tolerance = interval * (tonumber(ARGV[2 * i]) - 1)
  local tat = tonumber(redis.call('GET', KEYS[i])) or now
  if tat < now then tat = now end
  tats[i], intervals[i], tolerances[i] = tat, interval, tolerance
  if now < tat - tolerance then refused = true end
end
local out = {}
for i = 1, count do
  local tat, interval, tolerance = tats[i], intervals[i], tolerances[i]
  local allow_at = tat - tolerance
  local n = #out
  if now < allow_at then
    out[n + 1], out[n + 2] = 0, 0
    out[n + 3], out[n + 4] = math.ceil(tat - now), math.ceil(allow_at - now)
  elseif refused then
    -- This bucket would allow, another refused: nothing is charged anywhere.
    out[n + 1] = 1
    out[n + 2] = math.floor((tolerance - (tat - now)) / interval + 1e-9) + 1
    out[n + 3], out[n + 4] = math.ceil(tat - now), 0
  else
    local new_tat = tat + interval
    local ttl_ms = math.max(1, math.ceil((new_tat - now) / 1000))
    redis.call('SET', KEYS[i], new_tat, 'PX', ttl_ms)
    out[n + 1] = 1
    out[n + 2] = math.floor((tolerance - (new_tat - now)) / interval + 1e-9) + 1
    out[n + 3], out[n + 4] = math.ceil(new_tat - now), 0
  end
end
return out
""".replace("EPOCH_S", str(EPOCH_S))

GCRA_SCRIPT_SHA = hashlib.sha1(GCRA_SCRIPT.encode("utf-8")).hexdigest()

# Failures after which the thread's connection is rebuilt from the URL: a
# READONLY node may have been demoted and the name may now point elsewhere.
_RECONNECT_ON = (RedisConnectionError, RedisTimeoutError, ReadOnlyError)


class RedisRateLimiter:
    name = "redis"

    def __init__(self, url: str, timeout_s: float, key_prefix: str = KEY_PREFIX) -> None:
        self.url = url
        self.timeout_s = timeout_s
        self.key_prefix = key_prefix
        self._local = threading.local()
        # Parsed once so that a malformed URL fails at start-up, not per request.
        self.where = _describe(url)
        # The bytes of a decision depend only on its buckets, and there are
        # few distinct ones (one per API key, plus the global one): pack each
        # once. An unconnected Connection is only used for its encoder.
        self._packer = redis.connection.Connection()
        self._packed = functools.lru_cache(maxsize=PACKED_CACHE_SIZE)(self._pack)

    def _client(self) -> redis.Redis:
        client = getattr(self._local, "client", None)
        if client is None:
            client = redis.Redis.from_url(
                self.url,
                socket_connect_timeout=self.timeout_s,
                socket_timeout=self.timeout_s,
                # No client-side retries: a failed decision goes to the
                # failure policy at once instead of multiplying the timeout.
                retry=Retry(NoBackoff(), 0),
                single_connection_client=True,
            )
            self._local.client = client
        return client

    def _drop_client(self) -> None:
        client = getattr(self._local, "client", None)
        self._local.client = None
        if client is not None:
            client.close()

    def hit(self, key: str, per_minute: int, burst: int) -> Decision:
        return self.hit_many((Bucket(key, per_minute, burst),))[0]

    def hit_many(self, buckets: Sequence[Bucket]) -> list[Decision]:
        buckets = tuple(buckets)
        command = self._packed(buckets)
        try:
            client = self._client()
            # The hot path talks to the thread's connection directly: one
            # send of pre-packed bytes, one read. The client layer above it
            # (locks, retries, reply callbacks) would double the CPU a
            # decision costs in this process.
            connection = client.connection
            try:
                connection.send_packed_command(command)
                reply = connection.read_response()
            except NoScriptError:
                # The server forgot its script cache (restart, SCRIPT FLUSH).
                client.script_load(GCRA_SCRIPT)
                connection.send_packed_command(command)
                reply = connection.read_response()
        except _RECONNECT_ON:
            self._drop_client()
            raise
        return [
            Decision(
                allowed=bool(reply[4 * i]),
                limit=b.burst,
                remaining=int(reply[4 * i + 1]),
                reset_after=reply[4 * i + 2] / 1e6,
                retry_after=reply[4 * i + 3] / 1e6,
            )
            for i, b in enumerate(buckets)
        ]

    def _pack(self, buckets: tuple[Bucket, ...]) -> list[bytes]:
        args: list[str | int] = ["EVALSHA", GCRA_SCRIPT_SHA, len(buckets)]
        args += [self.key_prefix + b.key for b in buckets]
        for b in buckets:
            args += (b.per_minute, b.burst)
        return self._packer.pack_command(*args)

    def ping(self) -> None:
        try:
            self._client().ping()
        except _RECONNECT_ON:
            self._drop_client()
            raise

    def check(self) -> tuple[bool, str]:
        try:
            self.ping()
        except redis.RedisError as exc:
            return False, f"redis at {self.where} unreachable: {type(exc).__name__}: {exc}"
        return True, f"redis at {self.where}"


def _describe(url: str) -> str:
    """host:port/db of a Redis URL, without the credentials it may carry."""
    kwargs = redis.connection.parse_url(url)
    if "path" in kwargs:
        return f"unix:{kwargs['path']}/{kwargs.get('db', 0)}"
    return f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"
