"""The members of a zip archive cut short, read front to back from their local headers.

A zip archive's directory is at its end, so an archive cut short (a download or copy
interrupted) cannot be opened by :mod:`zipfile` at all. Its members are still there one
after another, each behind a local header: :func:`scan_members` reads them in file order,
the way ``zip -FF`` does, each as a stream (a member holding a JSON array of thousands of
articles gives the articles before the cut), until the member the archive ends in.
"""
from __future__ import annotations

import io
import struct
import zlib
from typing import BinaryIO, Iterator, NamedTuple, Optional

from marsad.readers.errors import DecodeError

_LOCAL = b"PK\x03\x04"
_DIRECTORY = (b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06")
_DESCRIPTOR = b"PK\x07\x08"
_HEADER = struct.Struct("<4sHHHHHIIIHH")  # signature ... name length, extra length
_CHUNK = 1 << 16


class Member(NamedTuple):
    """A member at byte ``offset``: its content as a stream, or ``problem`` (then nothing
    follows it)."""

    name: str
    offset: int
    stream: Optional["MemberStream"] = None
    problem: Optional[DecodeError] = None


def scan_members(fh: BinaryIO) -> Iterator[Member]:
    """The members of the zip stream ``fh`` in file order, each read (or left) before the
    next is given. The last is a Member with a ``problem`` whenever the archive does not
    reach a whole directory: code ``truncated`` when it ends inside a member (or right
    after one), ``zip_invalid`` for what cannot be read without the directory."""
    src = _Source(fh)
    count = 0
    while True:
        offset = src.pos
        raw = src.read(_HEADER.size)
        if raw[:4] in _DIRECTORY:
            yield _problem("#directory", offset, "truncated", f"the archive's directory at byte "
                           f"{offset} is cut short or damaged", count)
            return
        if len(raw) < _HEADER.size or raw[:4] != _LOCAL:
            cut = len(raw) < _HEADER.size
            yield _problem(f"#{offset}", offset, "truncated" if cut else "zip_invalid",
                           f"the archive {'ends' if cut else 'holds no member header'} at byte "
                           f"{offset}", count)
            return
        _, _, flags, method, _, _, crc, size, _, name_len, extra_len = _HEADER.unpack(raw)
        name_bytes = src.read(name_len)
        name = name_bytes.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        if len(name_bytes) < name_len or len(src.read(extra_len)) < extra_len:
            yield _problem(name, offset, "truncated", f"the archive ends inside the header of "
                           f"the member at byte {offset}", count)
            return
        problem = _unreadable(flags, method, size)
        if problem:
            yield _problem(name, offset, "zip_invalid", f"the member at byte {offset} {problem}", count)
            return
        stream = MemberStream(src, method, None if flags & 0x08 else size, crc, offset)
        yield Member(name, offset, stream)
        stream.finish()
        if stream.failure:
            yield Member(name, offset, problem=stream.failure)
            return
        count += 1


def _problem(name: str, offset: int, code: str, why: str, count: int) -> Member:
    before = ("no member before it" if not count else "the member before it was read"
              if count == 1 else f"the {count} members before it were read")
    return Member(name, offset, problem=DecodeError(code, f"{why}; {before}"))


def _unreadable(flags: int, method: int, size: int) -> Optional[str]:
    """Why a member cannot be read without the archive's directory, or None."""
    if flags & 0x01:
        return "is encrypted"
    if method not in (0, 8):
        return f"uses compression method {method} (only stored and deflated are read)"
    if size == 0xFFFFFFFF:
        return "is a zip64 member"
    if flags & 0x08 and method == 0:
        return "is stored with its size only in the archive's directory"
    return None


class _Source:
    """A stream read forwards, that can be given back bytes read too far."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh, self.back, self.pos = fh, b"", 0

    def read(self, n: int) -> bytes:
        data, self.back = self.back[:n], self.back[n:]
        if len(data) < n:
            data += self.fh.read(n - len(data))
        self.pos += len(data)
        return data

    def unread(self, data: bytes) -> None:
        self.back = data + self.back
        self.pos -= len(data)


class MemberStream(io.RawIOBase):
    """The content of one member, inflated as it is read. The archive ending inside it
    (or its data damaged) ends the stream and sets :attr:`failure` (read by
    :func:`~marsad.readers.source.cut_short`), as :class:`~marsad.readers.source.GzipStream`
    does."""

    def __init__(self, src: _Source, method: int, size: Optional[int], crc: int, offset: int) -> None:
        self._src, self._left, self._crc, self._offset = src, size, crc, offset
        self._inflate = zlib.decompressobj(-15) if method == 8 else None
        self._done, self._seen, self._out = False, 0, 0
        self.failure: Optional[DecodeError] = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._done:
            data = self._more(len(buffer))
            if data:
                buffer[: len(data)] = data
                self._seen = zlib.crc32(data, self._seen)
                self._out += len(data)
                return len(data)
        return 0

    def finish(self) -> None:
        """Read what the member's reader left (without keeping it), then its descriptor,
        and check its CRC."""
        buffer = bytearray(_CHUNK)
        while self.readinto(buffer):
            pass
        if self.failure:
            return
        if self._left is None:  # a data descriptor: [signature] CRC, sizes
            head = self._src.read(4)
            if head == _DESCRIPTOR:
                head = self._src.read(4)
            rest = self._src.read(8)
            if len(head) + len(rest) < 12:
                self._fail("truncated", "the archive ends inside its data descriptor")
                return
            self._crc = struct.unpack("<I", head)[0]
        if self._seen != self._crc:
            self._fail("zip_invalid", "its content is damaged (bad CRC)")

    def _fail(self, code: str, why: str) -> bytes:
        self.failure = DecodeError(code, f"the member at byte {self._offset}: {why} (after "
                                   f"{self._out} bytes of content)")
        self._done = True
        return b""

    def _more(self, size: int) -> bytes:
        if self._inflate is None:  # stored
            if self._left == 0:
                self._done = True
                return b""
            data = self._src.read(min(_CHUNK, self._left or 0, size))
            if not data:
                return self._fail("truncated", "the archive ends inside it")
            self._left -= len(data)
            return data
        if self._inflate.eof:
            self._done = True
            return b""
        data = self._inflate.unconsumed_tail
        if not data:
            want = _CHUNK if self._left is None else min(_CHUNK, self._left)
            data = self._src.read(want) if want else b""
            if self._left is not None:
                self._left -= len(data)
        try:
            out = self._inflate.decompress(data, size) if data else self._inflate.flush()
        except zlib.error as exc:
            return self._fail("zip_invalid", f"its data is damaged ({exc})")
        if self._inflate.eof:
            self._src.unread(self._inflate.unused_data)
        elif not data and not out:
            return self._fail("truncated", "the archive ends inside it")
        return out
