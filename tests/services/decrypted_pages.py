"""Every page of an encrypted database file and its write-ahead log, decrypted with the raw key, so a test can
look for a canary in live rows, free pages, free space inside pages and WAL frames alike.
SQLCipher 4 defaults: 4096-byte pages, AES-256-CBC, each page ending in a 16-byte IV and a 64-byte HMAC;
page 1 starts with the 16-byte salt. A raw 32-byte key (x'…') is the AES key itself, with no derivation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _decrypt(key: bytes, page: bytes, number: int) -> bytes:
    start = SALT if number == 1 else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = path.read_bytes()
    for index in range(len(data) // PAGE):
        yield _decrypt(key, data[index * PAGE : (index + 1) * PAGE], index + 1)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        log = wal.read_bytes()
        offset = WAL_HEADER
        while offset + FRAME_HEADER + PAGE <= len(log):
            number = int.from_bytes(log[offset : offset + 4], "big")
            yield _decrypt(key, log[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE], number)
            offset += FRAME_HEADER + PAGE


def occurrences(path: Path, key: bytes, needle: str) -> int:
    """How many decrypted pages hold the text (UTF-8, as SQLite stores it)."""
    raw = needle.encode("utf-8")
    return sum(1 for page in pages(path, key) if raw in page)
