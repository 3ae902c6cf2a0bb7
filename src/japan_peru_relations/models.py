"""The records of the dataset: the one definition of every field, its type and its meaning.

Every schema, table, data dictionary and error message about a field is derived from here.

>>> Topic(id="nikkei-community", label="Nikkei community").label
'Nikkei community'
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from .fieldtypes import (
    AgreementRef,
    AnniversaryRef,
    CountryCode,
    HttpsUrl,
    IsoDate,
    LanguageCode,
    LocalDateTime,
    LocalTime,
    MilestoneRef,
    PartialDate,
    PersonRef,
    PlaceRef,
    ShortText,
    Slug,
    SourceRef,
    Text,
    Timezone,
    TopicRef,
    VisitRef,
    WikidataId,
)


class Record(BaseModel):
    """Base of every record and nested part: frozen, strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False, defer_build=True)

    #: Name of one row of this model in table and column names ("meeting", "step", ...).
    singular: ClassVar[str] = ""
    #: For list fields of plain values: the column name of one item (e.g. aliases -> alias).
    item_names: ClassVar[dict[str, str]] = {}


class SourceKind(StrEnum):
    """How far a source can be trusted, best first."""

    OFFICIAL = "official"
    MIRROR = "mirror"
    PRESS = "press"
    SECONDARY = "secondary"


class Evidence(StrEnum):
    """What the record's facts rest on: the best kind among the sources it cites."""

    OFFICIAL = "official"
    MIRROR = "mirror"
    PRESS = "press"
    SECONDARY = "secondary"


class Provenance(StrEnum):
    """How the record was made."""

    CURATED = "curated"
    EXTRACTED = "extracted"


class MeetingKind(StrEnum):
    """What sort of encounter a meeting record describes."""

    SUMMIT_MEETING = "summit_meeting"
    FOREIGN_MINISTERS_MEETING = "foreign_ministers_meeting"
    COURTESY_CALL = "courtesy_call"
    TELEPHONE_TALK = "telephone_talk"
    VIDEO_CONFERENCE = "video_conference"
    WORKING_LUNCH = "working_lunch"
    SMALL_GROUP_MEETING = "small_group_meeting"
    PLENARY_MEETING = "plenary_meeting"
    OTHER = "other"


class Mode(StrEnum):
    """How the participants met."""

    IN_PERSON = "in_person"
    TELEPHONE = "telephone"
    VIDEO = "video"


class Level(StrEnum):
    """The highest rank present on the Japanese and Peruvian sides together."""

    HEAD_OF_STATE_OR_GOVERNMENT = "head_of_state_or_government"
    MINISTERIAL = "ministerial"
    VICE_MINISTERIAL = "vice_ministerial"
    IMPERIAL_FAMILY = "imperial_family"
    AMBASSADORIAL = "ambassadorial"
    OTHER = "other"


class Role(StrEnum):
    """The part a person played in a meeting."""

    PRINCIPAL = "principal"
    ACCOMPANYING = "accompanying"
    PRESENT = "present"


class PlaceKind(StrEnum):
    """What sort of place a place record is."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    BUILDING = "building"
    VESSEL = "vessel"


class AgreementKind(StrEnum):
    """The form of an international instrument."""

    TREATY = "treaty"
    CONVENTION = "convention"
    AGREEMENT = "agreement"
    ECONOMIC_PARTNERSHIP_AGREEMENT = "economic_partnership_agreement"
    PROTOCOL = "protocol"
    MEMORANDUM_OF_COOPERATION = "memorandum_of_cooperation"
    MEMORANDUM = "memorandum"
    EXCHANGE_OF_NOTES = "exchange_of_notes"
    JOINT_STATEMENT = "joint_statement"
    JOINT_DECLARATION = "joint_declaration"
    ROAD_MAP = "road_map"
    OTHER = "other"


class Scope(StrEnum):
    """How many parties an agreement has."""

    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"


class AgreementStatus(StrEnum):
    """Where an agreement stands as of the latest step recorded."""

    UNDER_NEGOTIATION = "under_negotiation"
    CONCLUDED = "concluded"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    NEVER_IN_FORCE = "never_in_force"
    TERMINATED = "terminated"
    UNKNOWN = "unknown"


class StepKind(StrEnum):
    """One step in the life of an agreement."""

    NEGOTIATIONS_LAUNCHED = "negotiations_launched"
    CONCLUDED = "concluded"
    SIGNED = "signed"
    APPROVED = "approved"
    RATIFIED = "ratified"
    NOTIFIED = "notified"
    NOTES_EXCHANGED = "notes_exchanged"
    IN_FORCE = "in_force"
    EFFECTIVE = "effective"
    TERMINATED = "terminated"


class Source(Record):
    """A document that states facts recorded here: a press release, a page, a news report."""

    singular: ClassVar[str] = "source"

    id: Slug = Field(description="Stable identifier of the source (kebab-case slug).")
    url: HttpsUrl = Field(description="Where the document was published (https).")
    publisher: ShortText = Field(description="Who published the document.")
    kind: SourceKind = Field(
        description="official (a government page), mirror (a copy of one), press, or secondary."
    )
    title: ShortText = Field(description="The document's title, or a short description of it.")
    published: PartialDate | None = Field(
        default=None, description="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) when stated."
    )
    language: LanguageCode = Field(description="ISO 639-1 code of the document's language.")
    notes: Text | None = Field(default=None, description="What a reader should know about it.")


class Position(Record):
    """A post a person held, with its term where a source gives it."""

    singular: ClassVar[str] = "position"

    title: ShortText = Field(
        description="The post, in English (e.g. Minister for Foreign Affairs)."
    )
    country: CountryCode = Field(description="Country of the post (ISO 3166-1 alpha-2).")
    start: PartialDate | None = Field(default=None, description="Start of the term, if sourced.")
    end: PartialDate | None = Field(default=None, description="End of the term, if sourced.")
    sources: list[SourceRef] = Field(
        default_factory=list, description="Sources that state the post or its term."
    )


class Person(Record):
    """Someone who took part in, or is named by, a recorded event."""

    singular: ClassVar[str] = "person"
    item_names: ClassVar[dict[str, str]] = {"aliases": "alias"}

    id: Slug = Field(description="Stable identifier: family and given name as a slug.")
    name: ShortText = Field(description="Display name, given name first, as English texts use it.")
    family_name: ShortText = Field(description="Family name.")
    given_name: ShortText | None = Field(
        default=None, description="Given name(s), where a source gives them."
    )
    name_native: ShortText | None = Field(
        default=None, description="The name in its own script where a source prints it (林芳正)."
    )
    country: CountryCode = Field(description="Country the person represents (ISO 3166-1 alpha-2).")
    aliases: list[ShortText] = Field(
        default_factory=list,
        description="Other spellings seen in sources, misspellings included, for name lookup.",
    )
    wikidata: WikidataId | None = Field(
        default=None, description="Wikidata item id, only where verified."
    )
    positions: list[Position] = Field(
        default_factory=list, description="Posts held, as the sources give them."
    )
    sources: list[SourceRef] = Field(min_length=1, description="Sources that name the person.")
    notes: Text | None = Field(default=None, description="What a reader should know.")


class Place(Record):
    """A venue, a city or a country where an event happened."""

    singular: ClassVar[str] = "place"

    id: Slug = Field(description="Stable identifier of the place.")
    name: ShortText = Field(description="Name of the place in English.")
    kind: PlaceKind = Field(description="country, region, city, building or vessel.")
    country: CountryCode = Field(description="Country the place is in (ISO 3166-1 alpha-2).")
    timezone: Timezone = Field(description="IANA time zone of the place's wall clock.")
    within: PlaceRef | None = Field(default=None, description="The place this one lies in.")
    wikidata: WikidataId | None = Field(
        default=None, description="Wikidata item id, only where verified (Japan Q17, Peru Q419)."
    )
    latitude: float | None = Field(default=None, ge=-90, le=90, description="WGS 84 latitude.")
    longitude: float | None = Field(default=None, ge=-180, le=180, description="WGS 84 longitude.")
    sources: list[SourceRef] = Field(
        min_length=1, description="Sources that name the place as a venue."
    )
    notes: Text | None = Field(default=None, description="What a reader should know.")


class Topic(Record):
    """A subject that meetings discuss (a controlled vocabulary, not a claim of fact)."""

    singular: ClassVar[str] = "topic"

    id: Slug = Field(description="Stable identifier of the topic.")
    label: ShortText = Field(description="Name of the topic.")
    description: Text | None = Field(default=None, description="What the topic covers.")


class Participant(Record):
    """One person's part in a meeting."""

    singular: ClassVar[str] = "participant"

    person: PersonRef = Field(description="The person (id in people).")
    side: CountryCode = Field(description="Country the person represented (ISO 3166-1 alpha-2).")
    title: ShortText | None = Field(
        default=None, description="Title as printed in the source for this meeting."
    )
    role: Role = Field(description="principal, accompanying or present.")


class VisitKind(StrEnum):
    """The protocol form of a visit, as the sources name it."""

    STATE_VISIT = "state_visit"
    OFFICIAL_VISIT = "official_visit"
    WORKING_VISIT = "working_visit"
    GUEST_OF_THE_MINISTRY = "guest_of_the_ministry"
    SPECIAL_ENVOY = "special_envoy"
    MULTILATERAL_MEETING = "multilateral_meeting"
    VISIT = "visit"


class Visit(Record):
    """A stay of one side's principal in the other country (or at a summit), over days.

    The meetings, events and signings during it name it in their `visit` field.
    """

    singular: ClassVar[str] = "visit"
    item_names: ClassVar[dict[str, str]] = {"derived": "field"}

    id: Slug = Field(description="Stable identifier: start date, visitor, place.")
    title: ShortText = Field(description="Short title of the visit, in English.")
    kind: VisitKind = Field(description="The protocol form of the visit, as the sources name it.")
    visitor: PersonRef = Field(description="The principal visitor (id in people).")
    visitor_country: CountryCode = Field(description="The side the visitor represents.")
    host_country: CountryCode = Field(description="The country visited.")
    start: PartialDate = Field(description="First day of the visit, as precise as sourced.")
    end: PartialDate | None = Field(default=None, description="Last day, where sourced.")
    places: list[PlaceRef] = Field(default_factory=list, description="Where the visit went.")
    occasion: ShortText | None = Field(
        default=None, description="The event the visit was made for (APEC, an inauguration, ...)."
    )
    anniversaries: list[AnniversaryRef] = Field(
        default_factory=list, description="Anniversaries the visit marked."
    )
    summary: Text = Field(description="A few sentences on the visit, in our own words.")
    evidence: Evidence = Field(description="The best kind of source the record rests on.")
    derived: list[ShortText] = Field(
        default_factory=list, description="Fields whose values were worked out, not stated."
    )
    sources: list[SourceRef] = Field(min_length=1, description="Sources of the record's facts.")
    notes: Text | None = Field(default=None, description="Disagreements between sources, caveats.")


class EventKind(StrEnum):
    """What sort of occasion an event record describes."""

    COMMEMORATION = "commemoration"
    CEREMONY = "ceremony"
    RECEPTION = "reception"
    EXCHANGE_OF_LETTERS = "exchange_of_letters"
    PRESS_CONFERENCE = "press_conference"
    CONTRIBUTED_ARTICLE = "contributed_article"
    COMMUNITY_VISIT = "community_visit"
    TRIBUTE = "tribute"
    ANNOUNCEMENT = "announcement"
    OTHER = "other"


class Event(Record):
    """An occasion of the relationship that is not a meeting between the two sides.

    Commemorations, ceremonies, receptions, exchanges of letters, press conferences, articles.
    """

    singular: ClassVar[str] = "event"
    item_names: ClassVar[dict[str, str]] = {"derived": "field"}

    id: Slug = Field(description="Stable identifier: date, then what happened.")
    title: ShortText = Field(description="Short title of the event, in English.")
    kind: EventKind = Field(description="What sort of occasion this was.")
    date: PartialDate = Field(description="When, as precise as sourced (local date at the venue).")
    start_local: LocalTime | None = Field(
        default=None, description="Start time on the wall clock of `timezone` (HH:MM), as printed."
    )
    duration_minutes: int | None = Field(
        default=None, ge=1, le=1440, description="Duration in minutes, as printed."
    )
    duration_approximate: bool = Field(
        default=False, description="True where the source says 'approximately' or 'about'."
    )
    timezone: Timezone | None = Field(default=None, description="IANA zone of the times given.")
    stated_japan_time: LocalDateTime | None = Field(
        default=None, description="Start in Japan Standard Time as the source states it."
    )
    place: PlaceRef | None = Field(default=None, description="Venue (id in places).")
    visit: VisitRef | None = Field(default=None, description="The visit it was part of.")
    participants: list[Participant] = Field(
        default_factory=list, description="Who took part, as the sources name them."
    )
    agreements: list[AgreementRef] = Field(
        default_factory=list, description="Agreements the event concerns."
    )
    anniversaries: list[AnniversaryRef] = Field(
        default_factory=list, description="Anniversaries the event marks or mentions."
    )
    topics: list[TopicRef] = Field(default_factory=list, description="Subjects it concerned.")
    summary: Text = Field(description="A few sentences on the event, in our own words.")
    evidence: Evidence = Field(description="The best kind of source the record rests on.")
    derived: list[ShortText] = Field(
        default_factory=list, description="Fields whose values were worked out, not stated."
    )
    sources: list[SourceRef] = Field(min_length=1, description="Sources of the record's facts.")
    notes: Text | None = Field(default=None, description="Disagreements between sources, caveats.")


class Meeting(Record):
    """One session of a bilateral encounter, with its own start time."""

    singular: ClassVar[str] = "meeting"
    item_names: ClassVar[dict[str, str]] = {"other_events": "event", "derived": "field"}

    id: Slug = Field(description="Stable identifier: date, then who met, then the session.")
    title: ShortText = Field(description="Short title of the meeting, in English.")
    date: IsoDate = Field(description="Local date at the venue (YYYY-MM-DD).")
    kind: MeetingKind = Field(description="What sort of meeting this was.")
    mode: Mode = Field(description="in_person, telephone or video.")
    level: Level = Field(description="The highest rank present.")
    start_local: LocalTime | None = Field(
        default=None, description="Start time on the wall clock of `timezone` (HH:MM), as printed."
    )
    end_local: LocalTime | None = Field(
        default=None, description="End time on the wall clock of `timezone` (HH:MM), as printed."
    )
    duration_minutes: int | None = Field(
        default=None, ge=1, le=1440, description="Duration in minutes, as printed."
    )
    duration_approximate: bool = Field(
        default=False, description="True where the source says 'approximately' or 'about'."
    )
    timezone: Timezone | None = Field(
        default=None,
        description="IANA zone of the times given: the venue's, or Japan's for a call in JST.",
    )
    stated_japan_time: LocalDateTime | None = Field(
        default=None,
        description="Start in Japan Standard Time as the source states it (YYYY-MM-DDTHH:MM).",
    )
    place: PlaceRef | None = Field(default=None, description="Venue (id in places).")
    occasion: ShortText | None = Field(
        default=None, description="The event it was held on the sidelines of (APEC, ...)."
    )
    host_country: CountryCode | None = Field(
        default=None, description="The side that hosted, where one did."
    )
    visit: VisitRef | None = Field(default=None, description="The visit it was part of.")
    participants: list[Participant] = Field(
        min_length=1, description="Who took part, principals first."
    )
    agreements: list[AgreementRef] = Field(
        default_factory=list, description="Agreements the meeting mentions."
    )
    anniversaries: list[AnniversaryRef] = Field(
        default_factory=list, description="Anniversaries the meeting mentions."
    )
    topics: list[TopicRef] = Field(default_factory=list, description="Subjects discussed.")
    other_events: list[ShortText] = Field(
        default_factory=list,
        description="Related events the source reports (ceremonies, lunches), in our own words.",
    )
    summary: Text = Field(description="A few sentences on what was said, in our own words.")
    evidence: Evidence = Field(description="The best kind of source the record rests on.")
    derived: list[ShortText] = Field(
        default_factory=list,
        description="Fields whose values were worked out rather than stated (e.g. a weekday date).",
    )
    provenance: Provenance = Field(
        default=Provenance.CURATED, description="curated by hand or extracted by `jpr extract`."
    )
    sources: list[SourceRef] = Field(min_length=1, description="Sources of the record's facts.")
    notes: Text | None = Field(default=None, description="Disagreements between sources, caveats.")


class AgreementStep(Record):
    """One dated step in the life of an agreement."""

    singular: ClassVar[str] = "step"

    step: StepKind = Field(description="What happened.")
    date: PartialDate | None = Field(
        default=None, description="When (YYYY, YYYY-MM or YYYY-MM-DD), as precise as sourced."
    )
    party: CountryCode | None = Field(
        default=None, description="The party that took the step, where it is one-sided."
    )
    place: PlaceRef | None = Field(default=None, description="Where (id in places).")
    derived: bool = Field(
        default=False, description="True where the date was worked out rather than stated."
    )
    note: Text | None = Field(default=None, description="What a reader should know.")
    sources: list[SourceRef] = Field(min_length=1, description="Sources that state the step.")


class Agreement(Record):
    """A treaty, convention, memorandum, exchange of notes or joint document."""

    singular: ClassVar[str] = "agreement"

    id: Slug = Field(description="Stable identifier of the agreement.")
    title: ShortText = Field(description="Full title as the sources give it.")
    short_title: ShortText = Field(description="The short name used in texts (e.g. CPTPP).")
    kind: AgreementKind = Field(description="The form of the instrument.")
    scope: Scope = Field(description="bilateral or multilateral.")
    status: AgreementStatus = Field(description="Where it stands as of the latest recorded step.")
    steps: list[AgreementStep] = Field(default_factory=list, description="Dated steps, in order.")
    evidence: Evidence = Field(description="The best kind of source the record rests on.")
    sources: list[SourceRef] = Field(min_length=1, description="Sources of the record's facts.")
    notes: Text | None = Field(default=None, description="What a reader should know.")


class Milestone(Record):
    """A founding event that anniversaries count from."""

    singular: ClassVar[str] = "milestone"

    id: Slug = Field(description="Stable identifier of the milestone.")
    title: ShortText = Field(description="What happened, in a line.")
    date: PartialDate = Field(description="When (YYYY, YYYY-MM or YYYY-MM-DD).")
    place: PlaceRef | None = Field(default=None, description="Where (id in places).")
    summary: Text = Field(description="A few sentences in our own words.")
    evidence: Evidence = Field(description="The best kind of source the record rests on.")
    sources: list[SourceRef] = Field(min_length=1, description="Sources of the record's facts.")
    notes: Text | None = Field(default=None, description="Disagreements between sources, caveats.")


class Anniversary(Record):
    """The n-th anniversary of a milestone, as observed in a given year."""

    singular: ClassVar[str] = "anniversary"

    id: Slug = Field(description="Stable identifier of the anniversary.")
    title: ShortText = Field(description="Name of the anniversary.")
    milestone: MilestoneRef = Field(description="What it counts from (id in milestones).")
    ordinal: int = Field(ge=1, le=1000, description="Which anniversary (150 for the 150th).")
    year: int = Field(ge=1800, le=2200, description="Year observed: milestone year + ordinal.")
    evidence: Evidence = Field(description="The best kind of source the record rests on.")
    sources: list[SourceRef] = Field(min_length=1, description="Sources of the record's facts.")
    notes: Text | None = Field(default=None, description="What a reader should know.")


RECORD_TYPES: dict[str, type[Record]] = {
    "sources": Source,
    "people": Person,
    "places": Place,
    "topics": Topic,
    "milestones": Milestone,
    "anniversaries": Anniversary,
    "agreements": Agreement,
    "visits": Visit,
    "meetings": Meeting,
    "events": Event,
}
"""Each record kind: its folder under records/, its resource name, and its model."""
