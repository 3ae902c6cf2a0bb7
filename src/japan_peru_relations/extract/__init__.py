"""`jpr extract`: meetings, times and participants from MOFA-style press releases.

>>> result = extract("On May 19, commencing at 10:15 a.m., Mr. ABE Shinzo, Prime Minister of "
...                  "Japan, held a telephone talk with H.E. Mr. Martin Vizcarra, President of "
...                  "the Republic of Peru, for approximately 20 minutes.")
>>> meeting = result.to_json_dict()["meetings"][0]
>>> meeting["start_local"], meeting["timezone"], meeting["kind"]
('10:15', 'Asia/Tokyo', 'telephone_talk')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import ExtractInputError
from .extractor import _project_records, extract_document, failed_extraction
from .findings import Finding, FindingCode
from .result import ExtractedMeeting, Extraction, Participant
from .text import Document, normalise, read_document

if TYPE_CHECKING:
    from ..models import Person, Place

__all__ = [
    "Document",
    "ExtractInputError",
    "ExtractedMeeting",
    "Extraction",
    "Finding",
    "FindingCode",
    "Participant",
    "extract",
    "read_document",
]


def extract(
    doc_or_text: Document | str,
    *,
    people: Sequence[Person] = (),
    places: Sequence[Place] = (),
    source_url: str | None = None,
) -> Extraction:
    """Meetings and findings of a document or a plain text; never raises on any text.

    With no people or places given, the project's curated records are used where the library
    can load them. Evidence offsets refer to `Document.text` (for a plain string: the string
    after NFC normalisation and with Unix line ends).
    """
    if isinstance(doc_or_text, Document):
        doc = doc_or_text
    else:
        # Plain text is read as a file would be: NFC, Unix line ends; offsets refer to that.
        doc = Document(normalise(str(doc_or_text)))
    people = people or _project_records("people")
    places = places or _project_records("places")
    try:
        return extract_document(doc, people=people, places=places, source_url=source_url)
    except Exception as exc:  # the contract: findings, never an exception
        return failed_extraction(doc, source_url, exc)
