"""The one exception the extractor raises: a file or URL it cannot read."""

from __future__ import annotations


class ExtractInputError(ValueError):
    """A path or URL that cannot be read as a document; the message is one line."""
