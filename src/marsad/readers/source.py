"""Opening inputs: a path or ``-`` (stdin) as a binary stream, or a clean :class:`ReaderError`."""
from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path
from typing import BinaryIO, Union

from marsad.readers.errors import DecodeError, ReaderError

PathLike = Union[str, Path]
MAX_INPUT_MB = 100  # the largest file (or JSON line) read whole, in MB; --max-input-size
HEAD = 65536  # bytes looked at first: a binary input is refused on them alone


def open_binary(path: PathLike, decompress: bool = True) -> BinaryIO:
    """``path`` opened for binary reading (``-`` is stdin; ``.gz`` decompressed unless
    ``decompress`` is False).

    Raises :class:`ReaderError` when it cannot be opened (missing, a directory, no access).
    """
    if str(path) == "-":
        return sys.stdin.buffer
    try:
        if decompress and str(path).endswith(".gz"):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return open(path, "rb")
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
    except (OSError, EOFError) as exc:  # e.g. a truncated .gz
        raise ReaderError(f"{path}: cannot be read ({exc})") from exc
    finally:
        if stream is None:
            fh.close()
    if len(data) > limit:
        raise DecodeError("too_large", too_large(path, limit))
    return data


def too_large(path: PathLike, limit: int) -> str:
    """The message of an input past the size limit."""
    return (f"{path}: larger than the maximum input size ({limit / 2**20:g} MB); "
            f"raise it with --max-input-size MB")


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
