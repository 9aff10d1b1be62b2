"""Opening inputs: a path or ``-`` (stdin) as a binary stream, or a clean :class:`ReaderError`."""
from __future__ import annotations

import io
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Optional, Union

from marsad.readers.errors import DecodeError, ReaderError

PathLike = Union[str, Path]
MAX_INPUT_MB = 100  # the largest file (or JSON line) read whole, in MB; --max-input-size
HEAD = 65536  # bytes looked at first: a binary input is refused on them alone
_CHUNK = 1 << 16  # compressed bytes read at a time


def open_binary(path: PathLike, decompress: bool = True) -> BinaryIO:
    """``path`` opened for binary reading (``-`` is stdin; ``.gz`` decompressed unless
    ``decompress`` is False, by :class:`GzipStream`: a file cut short ends the stream, and
    :func:`cut_short` then says where).

    Raises :class:`ReaderError` when it cannot be opened (missing, a directory, no access).
    """
    if str(path) == "-":
        return sys.stdin.buffer
    try:
        raw = open(path, "rb")
        if decompress and str(path).endswith(".gz"):
            return io.BufferedReader(GzipStream(raw, str(path)), buffer_size=_CHUNK)  # type: ignore[return-value]
        return raw
    except FileNotFoundError as exc:
        raise ReaderError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ReaderError(f"{path}: is a directory") from exc
    except OSError as exc:
        raise ReaderError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc


def read_bytes(path: PathLike, stream: BinaryIO | None = None,
               max_bytes: int | None = None) -> bytes:
    """All bytes of ``path`` (or of ``stream`` when given), at most ``max_bytes`` (default
    :data:`MAX_INPUT_MB`). The first :data:`HEAD` bytes are looked at before the rest is
    read: when they are plainly binary (NUL bytes, see
    :func:`~marsad.readers.encoding.looks_binary`) only they are returned, and decoding them
    says ``binary``. Raises :class:`DecodeError` ``too_large`` past ``max_bytes`` (nothing
    more is read: ``/dev/zero`` or an endless pipe ends there); errors as
    :func:`open_binary`."""
    from marsad.readers.encoding import looks_binary

    limit = max_bytes or MAX_INPUT_MB << 20
    fh = stream if stream is not None else open_binary(path)
    try:
        head = fh.read(min(HEAD, limit + 1))
        if looks_binary(head):
            return head
        data = head + fh.read(max(0, limit + 1 - len(head)))
    except (OSError, EOFError) as exc:  # a read error of the disk
        raise ReaderError(f"{path}: cannot be read ({exc})") from exc
    finally:
        if stream is None:
            fh.close()
    if len(data) > limit:
        raise DecodeError("too_large", too_large(path, limit))
    failure = cut_short(fh)
    if failure:
        raise DecodeError(failure.code, f"{path}: {failure.message}")
    return data


def too_large(path: PathLike, limit: int) -> str:
    """The message of an input past the size limit."""
    return (f"{path}: larger than the maximum input size ({limit / 2**20:g} MB); "
            f"raise it with --max-input-size MB")


def cut_short(fh: BinaryIO) -> Optional[DecodeError]:
    """How the compressed input ``fh`` (from :func:`open_binary`) was found cut short
    (code ``truncated``) or damaged (``read_failed``) once read to its end, or None (whole,
    or not compressed)."""
    return getattr(getattr(fh, "raw", fh), "failure", None)


class GzipStream(io.RawIOBase):
    """The content of a gzip file (every member of it), decompressed as it is read.

    Unlike :mod:`gzip`, a file cut short (or damaged) does not raise: what was decompressed
    before the cut is returned, then the stream ends and :attr:`failure` says where it was
    cut — readers then report it with the records before it. Output is produced at most
    one read's size at a time, so a small file of huge content (a "gzip bomb") is never
    held whole."""

    def __init__(self, raw: BinaryIO, name: str) -> None:
        self._raw, self._name = raw, name
        self._z: Optional["zlib._Decompress"] = None  # the member being read; None between members
        self._pending = b""  # compressed bytes read but not yet given to a decompressor
        self._read = 0  # compressed bytes read from the file
        self._out = 0  # content bytes given out
        self._done = False
        self.failure: Optional[DecodeError] = None

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()
        super().close()

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._done:
            data = self._decompress(len(buffer))
            if data:
                buffer[: len(data)] = data
                self._out += len(data)
                return len(data)
        return 0

    def _input(self) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            return data
        data = self._raw.read(_CHUNK)
        self._read += len(data)
        return data

    def _stop(self, code: str, why: str) -> bytes:
        self.failure, self._done = DecodeError(code, why), True
        return b""

    def _decompress(self, size: int) -> bytes:
        if self._z is None:  # a member starts (NUL padding between members is allowed)
            data = b""
            while not data:
                chunk = self._input()
                if not chunk:
                    self._done = True
                    return b""
                data = chunk.lstrip(b"\x00")
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        else:
            data = self._z.unconsumed_tail or self._input()
        try:
            out = self._z.decompress(data, size) if data else self._z.flush()
        except zlib.error as exc:
            return self._stop("read_failed", f"damaged: its gzip data is invalid near byte "
                              f"{self._read} ({exc}), after {self._out} bytes of content")
        if self._z.eof:
            self._pending, self._z = self._z.unused_data, None
        elif not data and not out:
            return self._stop("truncated", f"cut short: the file ends at byte {self._read}, "
                              f"inside its gzip data (after {self._out} bytes of content)")
        return out


class PrefixedStream(io.RawIOBase):
    """A stream that first replays ``prefix`` (bytes already read to sniff the format)."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def prefixed(prefix: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(PrefixedStream(prefix, rest), buffer_size=1 << 16)  # type: ignore[return-value]
