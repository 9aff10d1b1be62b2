"""marsad's named exceptions. The CLI turns them into one-line messages (exit code 1)."""


class MarsadError(Exception):
    """Base of every error marsad raises on purpose; its message names the input and why."""


class InputError(MarsadError):
    """An input that cannot be opened or read at all (missing path, unreadable file)."""


class OutputError(MarsadError):
    """An output that cannot be written."""
