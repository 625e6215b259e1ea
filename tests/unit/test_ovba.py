"""MS-OVBA 2.4.1 compression: the specification's examples, round trips, and agreement with the spec's own
byte-by-byte algorithm (transcribed literally below) and with oletools' independent decompressor."""

from __future__ import annotations

import hashlib
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorxl.builder.vba.ovba import CHUNK_SIZE, compress, copy_token_help, decompress

# MS-OVBA 3.2.1, 3.2.2, 3.2.3: (decompressed, compressed) as the specification prints them
NO_COMPRESSION = (
    b"abcdefghijklmnopqrstuv.",
    "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E",
)
NORMAL_COMPRESSION = (
    b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa",
    "01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01 38 08 61 6B 6C 00 20 6D 6E 6F 70 06 71"
    " 02 70 04 00 72 73 74 75 76 10 77 78 79 7A 00 2C",
)
MAXIMUM_COMPRESSION = (b"a" * 73, "01 03 B0 02 61 45 00")
SPEC_EXAMPLES = [NO_COMPRESSION, NORMAL_COMPRESSION, MAXIMUM_COMPRESSION]

VBA_PIECES = [b"    ", b"\r\n", b"End Sub", b"Dim x As Long", b"RunPython \"", b"'", b"a", b"b", b"If ",
              b"Then", b"0123456789", b"\x00", b"\xff"]
vba_like = st.lists(st.sampled_from(VBA_PIECES), max_size=3000).map(b"".join)


@pytest.mark.parametrize(("plain", "packed"), SPEC_EXAMPLES, ids=["no", "normal", "maximum"])
def test_the_specification_examples_compress_to_the_printed_bytes(plain, packed):
    assert compress(plain) == bytes.fromhex(packed)


@pytest.mark.parametrize(("plain", "packed"), SPEC_EXAMPLES, ids=["no", "normal", "maximum"])
def test_the_specification_examples_decompress_to_the_printed_text(plain, packed):
    assert decompress(bytes.fromhex(packed)) == plain


def test_the_copy_token_split_follows_the_position_in_the_chunk():
    assert copy_token_help(1) == (4, 4098)
    assert copy_token_help(16) == (4, 4098)
    assert copy_token_help(17) == (5, 2050)
    assert copy_token_help(4096) == (12, 18)


def test_nothing_compresses_to_the_bare_signature():
    assert compress(b"") == b"\x01"
    assert decompress(b"\x01") == b""


@given(vba_like)
@settings(max_examples=150, deadline=None)
def test_source_like_text_survives_a_round_trip_exactly(data):
    assert decompress(compress(data)) == data


@given(st.binary(max_size=3 * CHUNK_SIZE + 100))
@settings(max_examples=60, deadline=None)
def test_any_bytes_survive_a_round_trip_up_to_the_zero_padding_of_a_raw_last_chunk(data):
    packed = compress(data)
    restored = decompress(packed)
    assert restored[:len(data)] == data
    assert restored[len(data):] == b"\x00" * (len(restored) - len(data))
    if _last_chunk_is_compressed(packed):
        assert restored == data
    else:  # the specification pads a raw chunk to 4096 bytes (2.4.1.3.10)
        assert len(restored) % CHUNK_SIZE == 0


def test_an_incompressible_last_chunk_is_raw_and_padded_with_zeros():
    data = b"".join(hashlib.sha256(i.to_bytes(4, "little")).digest() for i in range(119))[:3800]
    packed = compress(data)
    assert not _last_chunk_is_compressed(packed)
    assert decompress(packed) == data.ljust(CHUNK_SIZE, b"\x00")


@given(st.one_of(vba_like, st.binary(max_size=2 * CHUNK_SIZE)))
@settings(max_examples=80, deadline=None)
def test_oletools_decompresses_what_we_compress(data):
    with warnings.catch_warnings():  # oletools' pyparsing grammar warns about deprecated names on import
        warnings.simplefilter("ignore")
        from oletools.olevba import decompress_stream
    restored = decompress_stream(bytearray(compress(data)))
    assert restored[:len(data)] == data


@given(st.lists(st.sampled_from([b"a", b"b", b"ab", b"aaa", b"abc", b" ", b"\r\n"]), max_size=300)
       .map(b"".join))
@settings(max_examples=150, deadline=None)
def test_our_compression_is_the_specification_algorithm_byte_for_byte(data):
    assert compress(data) == _spec_compress(data)


def test_a_copy_token_before_the_chunk_start_is_rejected():
    # flag 0x01: the first token of the chunk is a copy token, with nothing before it to copy
    with pytest.raises(ValueError, match="starts a chunk"):
        decompress(b"\x01\x02\xb0\x01\x00\x00")


def test_a_container_without_the_signature_byte_is_rejected():
    with pytest.raises(ValueError, match="0x01"):
        decompress(b"\x00\x19\xb0")


def test_a_chunk_with_a_bad_signature_is_rejected():
    with pytest.raises(ValueError, match="signature"):
        decompress(b"\x01\x19\x00abc")


def _last_chunk_is_compressed(packed: bytes) -> bool:
    pos, compressed = 1, True
    while pos < len(packed):
        header = int.from_bytes(packed[pos:pos + 2], "little")
        compressed = bool(header >> 15)
        pos += (header & 0x0FFF) + 3
    return compressed


def _spec_compress(data: bytes) -> bytes:
    """MS-OVBA 2.4.1.3.6-2.4.1.3.19.4, transcribed step by step (slow; the reference for small inputs)."""
    out = bytearray([1])
    chunk_start = 0
    while chunk_start < len(data):
        decompressed_end = min(chunk_start + CHUNK_SIZE, len(data))
        body = bytearray()
        current = chunk_start
        while current < decompressed_end:
            flag_index = len(body)
            body.append(0)
            flags = 0
            for bit in range(8):
                if current >= decompressed_end:
                    break
                candidate, best_length, best_candidate = current - 1, 0, 0
                while candidate >= chunk_start:  # Matching (2.4.1.3.19.4)
                    c, d, length = candidate, current, 0
                    while d < decompressed_end and data[d] == data[c]:
                        length, c, d = length + 1, c + 1, d + 1
                    if length > best_length:
                        best_length, best_candidate = length, candidate
                    candidate -= 1
                if best_length >= 3:
                    bit_count, maximum = copy_token_help(current - chunk_start)
                    length = min(best_length, maximum)
                    token = ((current - best_candidate - 1) << (16 - bit_count)) | (length - 3)
                    body += token.to_bytes(2, "little")
                    flags |= 1 << bit
                    current += length
                else:
                    body.append(data[current])
                    current += 1
            body[flag_index] = flags
        assert len(body) <= CHUNK_SIZE, "the reference is for inputs that compress"
        out += ((len(body) + 2 - 3) | 0x3000 | 0x8000).to_bytes(2, "little") + body
        chunk_start = decompressed_end
    return bytes(out)
