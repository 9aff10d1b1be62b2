"""marsad.readers.encoding: UTF-8/16 and legacy Arabic code pages decoded, binary refused."""
from __future__ import annotations

import codecs
import random

import pytest

from marsad.readers.encoding import decode
from marsad.readers.errors import DecodeError

ARABIC = "قال وزير الخارجية إن المحادثات مع الجانب الروسي كانت بنّاءة ومثمرة، وأضاف: «سنواصل العمل»."  # a reported statement
LATIN = "Le café était très bon; le résumé de l'été est prêt à être lu."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-bom"),
        (ARABIC.encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16-be"),
        (ARABIC.encode("utf-16-le"), "utf-16-le"),  # no BOM: 0x06 in every high byte
        (ARABIC.encode("cp1256"), "cp1256"),
        (ARABIC.replace("«", '"').replace("»", '"').encode("iso8859_6"), "iso8859_6"),
        (LATIN.encode("latin-1"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-le-nobom", "cp1256", "iso8859-6", "latin1"],
)
def test_readers_encoding_decodes(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text in (ARABIC, LATIN, ARABIC.replace("«", '"').replace("»", '"'))


def test_readers_encoding_seed_in_windows_1256(seed_text: str) -> None:
    data = seed_text.encode("cp1256", errors="replace")
    decoded = decode(data)
    assert decoded.encoding == "cp1256"
    assert decoded.text == data.decode("cp1256")


@pytest.mark.parametrize(
    "data, code",
    [
        (random.Random(1).randbytes(4000), "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (random.Random(2).randbytes(4000).replace(b"\x00", b"\x01"), "encoding_unknown"),
    ],
    ids=["random", "png", "random-no-nul"],
)
def test_readers_encoding_refuses_binary(data: bytes, code: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(data, name="blob.txt")
    assert caught.value.code == code
    assert "blob.txt" in caught.value.message


def test_readers_encoding_invalid_bytes_replaced() -> None:
    data = ARABIC[:10].encode() + b"\xff" + ARABIC[10:].encode()
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 1 and decoded.notes


def test_readers_encoding_forced_codec() -> None:
    assert decode(ARABIC.encode("cp1256"), encoding="windows-1256").text == ARABIC
    with pytest.raises(DecodeError):
        decode(b"x", encoding="no-such-codec")


def test_readers_encoding_empty() -> None:
    assert decode(b"").text == ""
