"""Errors the CLI turns into a one-line reason and an exit code."""

from __future__ import annotations


class PostingsError(Exception):
    """A failure with a one-line, human reason; the CLI prints it and exits with ``exit_code``."""

    exit_code = 1


class LockBusyError(PostingsError):
    """Another postings command holds the data dir's lock."""

    exit_code = 75  # EX_TEMPFAIL: try again later
