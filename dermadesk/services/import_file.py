"""Reading another system's CSV: its encoding (BOM, then strict UTF-8, else cp1252), its delimiter, its rows."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dermadesk.domain.errors import FieldProblem, require_valid

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CELL_CHARS = 20_000  # a note of ten pages; a bigger cell is an export gone wrong, reported by row
DELIMITERS = (",", ";", "\t")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class RawTable:
    """A file's header and rows as text; `rows` pairs each with its spreadsheet row number (header = 1)."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str
    delimiter: str


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with. A byte-order mark decides; then strict UTF-8; then
    UTF-16 without a mark (every other byte zero); cp1252, the Windows default, takes the rest."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:4000]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 3:
        return data.decode("utf-16-le", errors="replace"), "utf-16-le"
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 3:
        return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    # cp1252 leaves five bytes undefined; they become U+FFFD rather than failing the whole file
    return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes."""
    header, in_quotes = [], False
    for ch in text:
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            break
        elif not in_quotes:
            header.append(ch)
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@contextmanager
def _no_field_limit() -> Iterator[None]:
    """The csv module refuses cells over 128 KiB mid-file; we read them and report the row instead."""
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_FILE_BYTES)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def read_table(path: Path) -> RawTable:
    """The whole file as rows of text; a clear error for an empty, oversized or unreadable file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            require_valid([FieldProblem("file", "too_long")])
        data = path.read_bytes()
    except OSError:  # missing, a folder, no permission: the user's to fix, not a crash
        require_valid([FieldProblem("file", "unreadable_file")])
    return parse_table(data)


def parse_table(data: bytes) -> RawTable:
    text, encoding = decode(data)
    text = text.replace("\x00", "")  # a stray NUL stops the csv module; it is never part of a value
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, list[str]]] = []
    with _no_field_limit():
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            headers = next(reader, [])
            for number, cells in enumerate(reader, start=2):
                if any(cell.strip() for cell in cells):
                    rows.append((number, cells))
        except csv.Error:
            require_valid([FieldProblem("file", "unreadable_csv", row=reader.line_num)])
    headers = [h.strip().lstrip("\ufeff") for h in headers]
    if not any(headers):
        require_valid([FieldProblem("file", "empty_file", row=1)])
    return RawTable(headers, rows, encoding, delimiter)
