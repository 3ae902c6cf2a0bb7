"""The validated record of Japan–Peru diplomatic relations, as typed, immutable records.

>>> import japan_peru_relations as jpr
>>> jpr.meeting("2018-08-14-kono-popolizio").place
'lima'
"""

from __future__ import annotations

from ._version import __version__
from .frames import to_pandas, to_polars
from .load import DataNotFoundError, Kind, RecordNotFoundError, Store
from .models import (
    Agreement,
    AgreementStep,
    Anniversary,
    Meeting,
    Milestone,
    Participant,
    Person,
    Place,
    Position,
    Source,
    Topic,
)

_meetings = Kind("meetings", Meeting)
_agreements = Kind("agreements", Agreement)
_anniversaries = Kind("anniversaries", Anniversary)
_milestones = Kind("milestones", Milestone)
_people = Kind("people", Person)
_places = Kind("places", Place)
_sources = Kind("sources", Source)
_topics = Kind("topics", Topic)

meetings, meeting, get_meeting = _meetings.all, _meetings.one, _meetings.get
agreements, agreement, get_agreement = _agreements.all, _agreements.one, _agreements.get
anniversaries, anniversary, get_anniversary = (
    _anniversaries.all,
    _anniversaries.one,
    _anniversaries.get,
)
milestones, milestone, get_milestone = _milestones.all, _milestones.one, _milestones.get
people, person, get_person = _people.all, _people.one, _people.get
places, place, get_place = _places.all, _places.one, _places.get
sources, source, get_source = _sources.all, _sources.one, _sources.get
topics, topic, get_topic = _topics.all, _topics.one, _topics.get

__all__ = [
    "Agreement",
    "AgreementStep",
    "Anniversary",
    "DataNotFoundError",
    "Meeting",
    "Milestone",
    "Participant",
    "Person",
    "Place",
    "Position",
    "RecordNotFoundError",
    "Source",
    "Store",
    "Topic",
    "__version__",
    "agreement",
    "agreements",
    "anniversaries",
    "anniversary",
    "get_agreement",
    "get_anniversary",
    "get_meeting",
    "get_milestone",
    "get_person",
    "get_place",
    "get_source",
    "get_topic",
    "meeting",
    "meetings",
    "milestone",
    "milestones",
    "people",
    "person",
    "place",
    "places",
    "source",
    "sources",
    "to_pandas",
    "to_polars",
    "topic",
    "topics",
]
