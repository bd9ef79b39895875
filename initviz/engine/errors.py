"""Exceptions shared by the engine's data code."""


class DataError(ValueError):
    """A data file is missing, damaged or malformed, or a download failed.

    The message is one line meant to be shown to the user as is.
    """
