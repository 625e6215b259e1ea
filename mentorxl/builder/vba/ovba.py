"""MS-OVBA 2.4.1: the run-length compression of VBA source code and of the `dir` stream.

A CompressedContainer is the signature byte 0x01 followed by chunks; a chunk holds up to 4096 bytes of
decompressed data. A chunk header (2 bytes, little-endian) packs the chunk size minus 3 (12 bits), the
signature 0b011 (3 bits) and a flag (1 bit: 1 = token sequence, 0 = 4096 raw bytes). A token sequence is a
flag byte and up to 8 tokens: a literal byte (flag bit 0) or a 2-byte CopyToken (flag bit 1) that packs an
offset back into the chunk and a length; the split of its 16 bits depends on the position in the chunk.

`compress` is the algorithm of the specification (2.4.1.3.6 to 2.4.1.3.19.4) including its choice of match:
the longest one, the nearest of equally long ones. It finds candidates with `bytes.rfind` instead of the
specification's byte-by-byte scan, which gives the same tokens in a fraction of the time.

A raw chunk always decompresses to 4096 bytes: when the last chunk does not compress, the specification
pads it with zero bytes, and `decompress` gives them back. VBA source text always compresses, so for it the
round trip is exact.
"""

from __future__ import annotations

CHUNK_SIZE = 4096
_SIGNATURE = 0x01
_CHUNK_SIGNATURE = 0b011
_MIN_MATCH = 3


def copy_token_help(difference: int) -> tuple[int, int]:
    """(bit count of the offset, maximum length) at `difference` bytes into a chunk (2.4.1.3.19.1)."""
    bit_count = max((difference - 1).bit_length(), 4)
    return bit_count, (0xFFFF >> bit_count) + 3


def compress(data: bytes) -> bytes:
    """The CompressedContainer of `data` (MS-OVBA 2.4.1.3.6)."""
    data = bytes(data)
    out = bytearray([_SIGNATURE])
    for start in range(0, len(data), CHUNK_SIZE):
        out += _compress_chunk(data, start, min(start + CHUNK_SIZE, len(data)))
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """The bytes a CompressedContainer holds (MS-OVBA 2.4.1.3.1); ValueError when it is malformed."""
    data = bytes(container)
    if not data or data[0] != _SIGNATURE:
        raise ValueError("not an MS-OVBA compressed container: the first byte is not 0x01")
    out = bytearray()
    pos = 1
    while pos < len(data):
        if pos + 2 > len(data):
            raise ValueError(f"truncated chunk header at byte {pos}")
        header = int.from_bytes(data[pos:pos + 2], "little")
        if (header >> 12) & 0b111 != _CHUNK_SIGNATURE:
            raise ValueError(f"bad chunk signature at byte {pos}")
        chunk_end = min(pos + (header & 0x0FFF) + 3, len(data))
        pos += 2
        if header >> 15:
            _decompress_tokens(data, pos, chunk_end, out)
        else:
            out += data[pos:pos + CHUNK_SIZE]
        pos = chunk_end
    return bytes(out)


def _compress_chunk(data: bytes, start: int, end: int) -> bytes:
    body = bytearray()
    pos = start
    while pos < end:
        flag_at = len(body)
        body.append(0)
        flags = 0
        for bit in range(8):
            if pos >= end:
                break
            offset, length = _match(data, start, pos, end)
            if length:
                bit_count, _ = copy_token_help(pos - start)
                token = ((offset - 1) << (16 - bit_count)) | (length - _MIN_MATCH)
                body += token.to_bytes(2, "little")
                flags |= 1 << bit
                pos += length
            else:
                body.append(data[pos])
                pos += 1
        body[flag_at] = flags
    if len(body) > CHUNK_SIZE:  # the tokens do not fit: a raw chunk, padded with zeros (2.4.1.3.10)
        raw = data[start:end].ljust(CHUNK_SIZE, b"\x00")
        return _header(CHUNK_SIZE + 2, compressed=False) + raw
    return _header(len(body) + 2, compressed=True) + bytes(body)


def _header(size: int, *, compressed: bool) -> bytes:
    value = (size - 3) | (_CHUNK_SIGNATURE << 12) | (int(compressed) << 15)
    return value.to_bytes(2, "little")


def _match(data: bytes, start: int, pos: int, end: int) -> tuple[int, int]:
    """(offset, length) of the specification's match at `pos` (2.4.1.3.19.4); length 0 = a literal.

    Each round finds the nearest candidate whose match is at least one byte longer than the best so far, so
    the last one found is the nearest of the longest matches, as the specification's backward scan picks it.
    A candidate may overlap `pos` (a run of one byte is a copy of the previous byte).
    """
    best_length = 0
    best_candidate = -1
    need = _MIN_MATCH
    while pos + need <= end:
        candidate = data.rfind(data[pos:pos + need], start, pos - 1 + need)
        if candidate < 0:
            break
        best_candidate = candidate
        best_length = _common_length(data, candidate, pos, end, need)
        need = best_length + 1
    if best_length < _MIN_MATCH:
        return 0, 0
    _, maximum = copy_token_help(pos - start)
    return pos - best_candidate, min(best_length, maximum)


def _common_length(data: bytes, candidate: int, pos: int, end: int, known: int) -> int:
    """How many bytes from `candidate` equal those from `pos` (at least `known`, at most `end - pos`)."""
    low, high = known, end - pos
    step = 1
    while low < high:  # gallop, then bisect: each probe compares slices in C
        probe = min(low + step, high)
        if data[candidate:candidate + probe] == data[pos:pos + probe]:
            low = probe
            step *= 2
        else:
            high = probe - 1
            step = 1
    return low


def _decompress_tokens(data: bytes, pos: int, end: int, out: bytearray) -> None:
    chunk_start = len(out)
    while pos < end:
        flags = data[pos]
        pos += 1
        for bit in range(8):
            if pos >= end:
                break
            if not flags >> bit & 1:
                out.append(data[pos])
                pos += 1
                continue
            if pos + 2 > end:
                raise ValueError(f"truncated copy token at byte {pos}")
            token = int.from_bytes(data[pos:pos + 2], "little")
            pos += 2
            difference = len(out) - chunk_start
            if difference == 0:
                raise ValueError(f"a copy token starts a chunk at byte {pos - 2}")
            bit_count, _ = copy_token_help(difference)
            length = (token & (0xFFFF >> bit_count)) + _MIN_MATCH
            offset = (token >> (16 - bit_count)) + 1
            if offset > difference:
                raise ValueError(f"a copy token points before its chunk at byte {pos - 2}")
            source = len(out) - offset
            if offset >= length:
                out += out[source:source + length]
            else:  # the copy overlaps what it writes: the last `offset` bytes repeat
                pattern = bytes(out[source:])
                out += (pattern * (length // offset + 1))[:length]
