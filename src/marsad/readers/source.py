"""Opening inputs: a path or ``-`` (stdin) as a binary stream, or a clean :class:`ReaderError`."""
from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path
from typing import BinaryIO, Union

from marsad.readers.errors import ReaderError

PathLike = Union[str, Path]


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


def read_bytes(path: PathLike, stream: BinaryIO | None = None) -> bytes:
    """All bytes of ``path`` (or of ``stream`` when given); errors as :func:`open_binary`."""
    if stream is not None:
        return stream.read()
    with open_binary(path) as fh:
        try:
            return fh.read()
        except (OSError, EOFError) as exc:  # e.g. a truncated .gz
            raise ReaderError(f"{path}: cannot be read ({exc})") from exc


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
