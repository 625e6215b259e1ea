"""A minimal writer of Compound File Binary files (MS-CFB), version 3: 512-byte sectors, 64-byte mini sectors.

Enough for a vbaProject.bin: storages and streams given by path ("VBA/dir"), written once. The output depends
only on the input: no timestamps (all zero), no CLSIDs (all zero), a fixed layout:

    header | FAT sectors | directory | mini FAT | mini stream | large streams, each contiguous

Streams shorter than 4096 bytes live in the mini stream (2.1), as readers expect from their size. The
children of each storage form a red-black tree ordered as 2.6.4 says (shorter name first, then the
upper-cased names); the tree is balanced and every path to a leaf passes the same number of black nodes.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
ENTRY_SIZE = 128
FAT_PER_SECTOR = SECTOR // 4
HEADER_DIFAT = 109

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF

STORAGE, STREAM, ROOT = 1, 2, 5
RED, BLACK = 0, 1

# name, name length, type, colour, left, right, child, CLSID, state bits, created, modified, start, size
_ENTRY = struct.Struct("<64sHBBIII16sIQQIQ")
_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_FORBIDDEN = set("/\\:!")


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, _Entry] = field(default_factory=dict)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = BLACK
    start: int = ENDOFCHAIN


def sort_key(name: str) -> tuple[int, str]:
    """The order of sibling names in a directory (MS-CFB 2.6.4): length in UTF-16 units, then upper case."""
    return len(name.encode("utf-16-le")) // 2, "".join(_upper(c) for c in name)


def _upper(char: str) -> str:
    upper = char.upper()
    return upper if len(upper) == 1 else char  # simple case mapping only: one code point to one


def write_compound_file(streams: Mapping[str, bytes]) -> bytes:
    """A compound file holding `streams` ({"VBA/dir": b"...", "PROJECT": b"..."}); paths make storages."""
    root = _tree_of(streams)
    entries = _number(root)
    mini_entries = [e for e in entries if e.kind == STREAM and 0 < len(e.data) < MINI_CUTOFF]
    big_entries = [e for e in entries if e.kind == STREAM and len(e.data) >= MINI_CUTOFF]

    mini_stream = bytearray()
    mini_fat: list[int] = []
    for entry in mini_entries:
        entry.start = len(mini_fat)
        count = _ceil(len(entry.data), MINI_SECTOR)
        mini_fat += [*range(entry.start + 1, entry.start + count), ENDOFCHAIN]
        mini_stream += entry.data.ljust(count * MINI_SECTOR, b"\x00")

    dir_sectors = _ceil(len(entries) * ENTRY_SIZE, SECTOR)
    mini_fat_sectors = _ceil(len(mini_fat) * 4, SECTOR)
    mini_stream_sectors = _ceil(len(mini_stream), SECTOR)
    big_sectors = [_ceil(len(e.data), SECTOR) for e in big_entries]
    payload = dir_sectors + mini_fat_sectors + mini_stream_sectors + sum(big_sectors)
    fat_sectors = 1
    while fat_sectors * FAT_PER_SECTOR < fat_sectors + payload:
        fat_sectors += 1
    if fat_sectors > HEADER_DIFAT:
        raise ValueError("compound file too large for a header-only DIFAT (about 6.8 MB)")

    fat: list[int] = [FATSECT] * fat_sectors
    dir_start = _chain(fat, dir_sectors)
    mini_fat_start = _chain(fat, mini_fat_sectors)
    root.start = _chain(fat, mini_stream_sectors)
    root.data = bytes(mini_stream)
    for entry, count in zip(big_entries, big_sectors, strict=True):
        entry.start = _chain(fat, count)
    fat += [FREESECT] * (fat_sectors * FAT_PER_SECTOR - len(fat))
    mini_fat += [FREESECT] * (mini_fat_sectors * FAT_PER_SECTOR - len(mini_fat))

    directory = b"".join(_entry_bytes(e) for e in entries)
    directory += _unused_entry() * ((dir_sectors * SECTOR - len(directory)) // ENTRY_SIZE)
    parts = [
        _header(fat_sectors, dir_start, mini_fat_start, mini_fat_sectors),
        struct.pack(f"<{len(fat)}I", *fat),
        directory,
        struct.pack(f"<{len(mini_fat)}I", *mini_fat),
        _pad(bytes(mini_stream)),
        *(_pad(e.data) for e in big_entries),
    ]
    return b"".join(parts)


def _ceil(size: int, unit: int) -> int:
    return math.ceil(size / unit)


def _pad(data: bytes) -> bytes:
    return data.ljust(_ceil(len(data), SECTOR) * SECTOR, b"\x00")


def _chain(fat: list[int], count: int) -> int:
    """Append a contiguous chain of `count` sectors to the FAT; its first sector (ENDOFCHAIN when empty)."""
    if count == 0:
        return ENDOFCHAIN
    first = len(fat)
    fat += [*range(first + 1, first + count), ENDOFCHAIN]
    return first


def _tree_of(streams: Mapping[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", ROOT)
    for path, data in streams.items():
        parts = path.split("/")
        for part in parts:
            _check_name(part, path)
        node = root
        for part in parts[:-1]:
            node = node.children.setdefault(part.upper(), _Entry(part, STORAGE))
            if node.kind != STORAGE:
                raise ValueError(f"«{path}»: {part} is a stream, not a storage")
        if parts[-1].upper() in node.children:
            raise ValueError(f"«{path}» is given twice (names compare without case)")
        node.children[parts[-1].upper()] = _Entry(parts[-1], STREAM, bytes(data))
    return root


def _check_name(name: str, path: str) -> None:
    if not name or len(name.encode("utf-16-le")) // 2 > 31 or _FORBIDDEN & set(name):
        raise ValueError(f"«{path}»: a name must be 1 to 31 characters without / \\ : !")


def _number(root: _Entry) -> list[_Entry]:
    """Directory entries in order (root first, then each storage's children, breadth first), trees linked."""
    entries = [root]
    queue = [root]
    while queue:
        node = queue.pop(0)
        children = sorted(node.children.values(), key=lambda e: sort_key(e.name))
        for child in children:
            child.sid = len(entries)
            entries.append(child)
        node.child = _link(children)
        queue += [c for c in children if c.kind == STORAGE]
    return entries


def _link(siblings: list[_Entry]) -> int:
    """Make `siblings` (sorted) a balanced red-black tree; its root's id (NOSTREAM when empty).

    The median split fills every level but the last; the nodes of an incomplete last level are red,
    all others black, so every path from the root to a leaf meets the same number of black nodes.
    """
    depths: dict[int, int] = {}

    def build(low: int, high: int, depth: int) -> int:
        if low >= high:
            return NOSTREAM
        middle = (low + high) // 2
        node = siblings[middle]
        depths[middle] = depth
        node.left = build(low, middle, depth + 1)
        node.right = build(middle + 1, high, depth + 1)
        return node.sid

    top = build(0, len(siblings), 0)
    if siblings:
        full_levels = (len(siblings) + 1).bit_length() - 1  # levels 0..full_levels-1 are complete
        for index, node in enumerate(siblings):
            node.color = BLACK if depths[index] < full_levels else RED
    return top


def _entry_bytes(entry: _Entry) -> bytes:
    name = (entry.name + "\x00").encode("utf-16-le")
    size = len(entry.data) if entry.kind != STORAGE else 0
    start = entry.start if entry.kind != STORAGE else 0
    if entry.kind == STREAM and size == 0:
        start = ENDOFCHAIN
    return _ENTRY.pack(
        name, len(name), entry.kind, entry.color, entry.left, entry.right, entry.child,
        b"\x00" * 16, 0, 0, 0, start, size,
    )


def _unused_entry() -> bytes:
    return _ENTRY.pack(b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, bytes(16), 0, 0, 0, 0, 0)


def _header(fat_sectors: int, dir_start: int, mini_fat_start: int, mini_fat_sectors: int) -> bytes:
    difat = list(range(fat_sectors)) + [FREESECT] * (HEADER_DIFAT - fat_sectors)
    return struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        _SIGNATURE, b"\x00" * 16, 0x003E, 0x0003, 0xFFFE, 9, 6, b"\x00" * 6,
        0, fat_sectors, dir_start, 0, MINI_CUTOFF, mini_fat_start, mini_fat_sectors, ENDOFCHAIN, 0,
        *difat,
    )
