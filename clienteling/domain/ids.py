"""Time-ordered UUIDv7 ids, created where a row is born (so terminals can create offline)."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7(*, now_ms: int | None = None) -> str:
    """Return a new RFC 9562 UUIDv7 as a string.

    Ids made in the same millisecond by this process stay ordered: a 12-bit counter
    fills the `rand_a` field and the remaining 62 bits are random.
    """
    global _last_ms, _counter
    with _lock:
        ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:
                ms += 1
                _counter = 0
        else:
            _counter = 0
        _last_ms = ms
        counter = _counter
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def seeded_uuid(rng_bits: int, *, ms: int) -> str:
    """A UUIDv7-shaped id from given bits, for deterministic demo data."""
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= (rng_bits >> 62 & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rng_bits & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))
