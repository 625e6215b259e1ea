"""A Word document's zip written from its template's parts: the parts no document changes (styles, theme,
fonts — 800 KB of XML in a standard template) are compressed once per template, the parts a document fills
(its text, headers, footers) once per document.

The bytes are those `zipfile.ZipFile.writestr(info, data, compress_type=ZIP_DEFLATED, compresslevel=1)` writes
for every part of the template in its order (tests/unit/test_documents_zipped.py compares them): the same
headers, the same deflate stream, the same central directory. Only the work differs — a batch of 77 programs
compressed those 800 KB 77 times (2,4 ms a document, more than filling it in).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

LEVEL = 1  # fast deflate: a document is written once and opened by Word, not archived
_LOCAL = struct.Struct("<4s2B4HL2L2H")  # local file header (APPNOTE 4.3.7)
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory file header (4.3.12)
_END = struct.Struct("<4s4H2LH")  # end of central directory record (4.3.16)
_UTF8_NAME = 0x800


def _deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


@dataclass(frozen=True, slots=True)
class _Part:
    """One member of the zip: its header fields from the template, and, for a part that never changes, its
    CRC, sizes and compressed bytes, ready."""

    info: zipfile.ZipInfo
    name: bytes
    flags: int
    fixed: tuple[int, int, int, bytes] | None  # (CRC, compressed size, size, compressed bytes)

    def local(self, crc: int, packed: int, size: int) -> bytes:
        info = self.info
        year, month, day, hour, minute, second = info.date_time
        return _LOCAL.pack(b"PK\x03\x04", info.extract_version, info.reserved, self.flags, zipfile.ZIP_DEFLATED,
                           hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day,
                           crc, packed, size, len(self.name), len(info.extra)) + self.name + info.extra

    def central(self, crc: int, packed: int, size: int, offset: int) -> bytes:
        info = self.info
        year, month, day, hour, minute, second = info.date_time
        attributes = info.external_attr or 0o600 << 16  # zipfile's own default: rw-------
        return _CENTRAL.pack(b"PK\x01\x02", info.create_version, info.create_system, info.extract_version,
                             info.reserved, self.flags, zipfile.ZIP_DEFLATED, hour << 11 | minute << 5 | second // 2,
                             (year - 1980) << 9 | month << 5 | day, crc, packed, size, len(self.name),
                             len(info.extra), len(info.comment), 0, info.internal_attr, attributes,
                             offset) + self.name + info.extra + info.comment


class Package:
    """The template's members in order; `write` makes a document's zip from the parts it filled in."""

    def __init__(self, entries: Iterable[tuple[zipfile.ZipInfo, bytes]], filled: Iterable[str]):
        changing = set(filled)
        self._parts: list[_Part] = []
        for info, data in entries:
            try:
                name, flags = info.filename.encode("ascii"), 0
            except UnicodeEncodeError:
                name, flags = info.filename.encode("utf-8"), _UTF8_NAME
            fixed = None
            if info.filename not in changing:
                packed = _deflated(data)
                fixed = (zlib.crc32(data), len(packed), len(data), packed)
            self._parts.append(_Part(info, name, flags, fixed))

    def write(self, filled: Mapping[str, bytes]) -> bytes:
        chunks: list[bytes] = []
        directory: list[bytes] = []
        offset = 0
        for part in self._parts:
            if part.fixed is not None:
                crc, packed, size, data = part.fixed
            else:
                raw = filled[part.info.filename]
                data = _deflated(raw)
                crc, packed, size = zlib.crc32(raw), len(data), len(raw)
            header = part.local(crc, packed, size)
            chunks += (header, data)
            directory.append(part.central(crc, packed, size, offset))
            offset += len(header) + len(data)
        listing = b"".join(directory)
        count = len(self._parts)
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(listing), offset, 0)
        return b"".join(chunks) + listing + end
