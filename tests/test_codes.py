"""CAMEO and PLOVER codes follow the documented rules, for every meeting and signing."""

from __future__ import annotations

import pytest

import japan_peru_relations as jpr
from japan_peru_relations.codes import consult_codes, step_codes

RULES = [
    # (mode, host_country, venue country) -> {(actor, target, cameo, plover event, mode)}
    ("telephone", None, None, {("JP", "PE", "041", "CONSULT", "phone"), ("PE", "JP", "041", "CONSULT", "phone")}),
    ("video", None, None, {("JP", "PE", "040", "CONSULT", None), ("PE", "JP", "040", "CONSULT", None)}),
    ("in_person", "PE", "PE", {("JP", "PE", "042", "CONSULT", "visit"), ("PE", "JP", "043", "CONSULT", "host")}),
    ("in_person", None, "JP", {("PE", "JP", "042", "CONSULT", "visit"), ("JP", "PE", "043", "CONSULT", "host")}),
    ("in_person", None, "US", {("JP", "PE", "044", "CONSULT", "third-party"), ("PE", "JP", "044", "CONSULT", "third-party")}),
    ("in_person", None, None, {("JP", "PE", "040", "CONSULT", None), ("PE", "JP", "040", "CONSULT", None)}),
]  # fmt: skip


@pytest.mark.parametrize(("mode", "host", "venue", "expected"), RULES)
def test_consult_rules(
    mode: str, host: str | None, venue: str | None, expected: set[tuple[object, ...]]
) -> None:
    codes = consult_codes(mode, host, venue)
    found = {(c.actor, c.target, c.cameo, c.plover_event, c.plover_mode) for c in codes}
    assert found == expected


@pytest.mark.parametrize("meeting", jpr.meetings(), ids=lambda m: m.id)
def test_every_meeting_is_coded_in_both_directions(meeting: jpr.Meeting) -> None:
    venue = jpr.place(meeting.place).country if meeting.place else None
    codes = consult_codes(meeting.mode, meeting.host_country, venue)
    assert {(c.actor, c.target) for c in codes} == {("JP", "PE"), ("PE", "JP")}
    assert all(c.cameo.startswith("04") for c in codes)


def test_the_apec_san_francisco_meeting_is_at_a_third_location() -> None:
    meeting = jpr.meeting("2023-11-15-kamikawa-gonzalez-olaechea")
    codes = consult_codes(
        meeting.mode, meeting.host_country, jpr.place(meeting.place or "").country
    )
    assert {c.cameo for c in codes} == {"044"}


def test_signings_are_coded_057() -> None:
    signed = [(a.id, seq) for a in jpr.agreements() for seq, _ in step_codes(a)]
    assert ("tax-convention-2019", 2) in signed
    for agreement in jpr.agreements():
        for _, code in step_codes(agreement):
            assert (code.cameo, code.plover_event) == ("057", "SUPPORT")
