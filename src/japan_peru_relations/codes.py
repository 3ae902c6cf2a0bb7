"""Event codes for interoperability: CAMEO and PLOVER, chosen by rules, never by hand.

CAMEO (Gerner and Schrodt) and PLOVER (Open Event Data Alliance) code an event as an actor
doing something to a target. The rules, after PLOVER's CAMEO2PLOVER table:

- a telephone talk: each side to the other, CAMEO 041 "discuss by telephone", PLOVER CONSULT
  mode `phone`;
- a video conference: each side to the other, CAMEO 040 "consult", PLOVER CONSULT with no mode
  (neither scheme has a video category; 040 is the unspecific consultation);
- a meeting in person in Japan or Peru: the visiting side to the host, CAMEO 042 "make a visit",
  PLOVER CONSULT mode `visit`; the host to the visitor, CAMEO 043 "host a visit", mode `host`.
  The host is `host_country`, else the country of the venue;
- a meeting in person elsewhere (on the sidelines of APEC in San Francisco, say): each side to
  the other, CAMEO 044 "meet at a third location", PLOVER CONSULT mode `third-party`;
- a meeting in person whose host is unknown: each side to the other, CAMEO 040, CONSULT;
- an agreement signed, or notes exchanged: each side to the other, CAMEO 057 "sign formal
  agreement", PLOVER SUPPORT (context diplomatic).

>>> [c.cameo for c in consult_codes("telephone", None, None)]
['041', '041']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .models import Agreement, Meeting, Mode, StepKind

SIDES = ("JP", "PE")


@dataclass(frozen=True)
class EventCode:
    """One directed, coded event: who did it to whom, in CAMEO and PLOVER terms."""

    actor: str
    target: str
    cameo: str
    plover_event: str
    plover_mode: str | None


def _both(cameo: str, event: str, mode: str | None) -> list[EventCode]:
    japan, peru = SIDES
    return [EventCode(japan, peru, cameo, event, mode), EventCode(peru, japan, cameo, event, mode)]


def consult_codes(mode: str, host: str | None, venue_country: str | None) -> list[EventCode]:
    """The codes of one meeting from how the sides met, who hosted and where."""
    if mode == Mode.TELEPHONE:
        return _both("041", "CONSULT", "phone")
    if mode == Mode.VIDEO:
        return _both("040", "CONSULT", None)
    if venue_country is not None and venue_country not in SIDES:
        return _both("044", "CONSULT", "third-party")
    host = host or venue_country
    if host not in SIDES:
        return _both("040", "CONSULT", None)
    visitor = SIDES[1 - SIDES.index(host)]
    return [
        EventCode(visitor, host, "042", "CONSULT", "visit"),
        EventCode(host, visitor, "043", "CONSULT", "host"),
    ]


def meeting_codes(meeting: Meeting, venue_country: str | None) -> list[EventCode]:
    """The codes of a meeting, given the country of its venue (None where not recorded)."""
    return consult_codes(meeting.mode, meeting.host_country, venue_country)


SIGNING_STEPS = frozenset({StepKind.SIGNED, StepKind.NOTES_EXCHANGED})


def step_codes(agreement: Agreement) -> Iterator[tuple[int, EventCode]]:
    """The codes of an agreement's signing steps, with each step's 1-based position."""
    for seq, step in enumerate(agreement.steps, start=1):
        if step.step in SIGNING_STEPS:
            for code in _both("057", "SUPPORT", None):
                yield seq, code
