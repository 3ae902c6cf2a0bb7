"""Which printed reading of a start time is local and which is Japan's, and their dates.

The clause grammar says what was printed; this module decides what it means on the wall clock
of the venue's zone, and whether the stated Japan time agrees with it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from .timeclauses import Clause, DateValue, Reading, TimeValue, ZoneKind

JAPAN_ZONE = "Asia/Tokyo"


@dataclass
class Timing:
    """A session's local date, start and end, zone, and stated Japan time."""

    date: dt.date | None = None
    date_span: tuple[int, int] | None = None
    start: TimeValue | None = None
    end: TimeValue | None = None
    zone: str | None = None
    japan: str | None = None
    japan_span: tuple[int, int] | None = None
    mismatch: str | None = None


def convert(day: dt.date, time: TimeValue, zone: str, target: str) -> dt.datetime | None:
    """The printed wall-clock time on `day` in `zone`, seen on the clock of `target`."""
    hm = time.hhmm()
    if hm is None:
        return None
    try:
        local = dt.datetime(
            day.year, day.month, day.day, hm[0], hm[1], tzinfo=zoneinfo.ZoneInfo(zone)
        )
        return local.astimezone(zoneinfo.ZoneInfo(target))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OverflowError):
        return None


def _local_date_from_japan(japan_dt: dt.datetime, time: TimeValue, zone: str) -> dt.date | None:
    """The venue date whose printed local time lies nearest the printed Japan time."""
    best: tuple[float, dt.date] | None = None
    for delta in (-1, 0, 1):
        day = (japan_dt + dt.timedelta(days=delta)).date()
        converted = convert(day, time, zone, JAPAN_ZONE)
        if converted is None:
            continue
        gap = abs((converted.replace(tzinfo=None) - japan_dt).total_seconds())
        if best is None or gap < best[0]:
            best = (gap, day)
    return best[1] if best else None


def _pick_local(
    readings: list[Reading], japan: Reading | None, zone: str | None,
    place_zone: Callable[[Reading], str | None],
) -> tuple[Reading | None, str | None]:  # fmt: skip
    for reading in readings:
        labelled = place_zone(reading)
        if labelled is not None:
            return reading, labelled
    local = next(
        (r for r in readings if r.label is not None and r.label.kind is ZoneKind.LOCAL), None
    )
    if local is not None:
        return local, zone
    if zone == JAPAN_ZONE and japan is not None:
        return japan, zone
    return next((r for r in readings if r.label is None and r is not japan), None), zone


def resolve_timing(
    clause: Clause,
    zone: str | None,
    *,
    fallback_date: DateValue | None,
    previous_date: dt.date | None,
    resolve: Callable[[DateValue, dt.date | None], dt.date | None],
    place_zone: Callable[[Reading], str | None],
) -> Timing:
    """Read a clause: local start and date, zone, stated Japan time, and any mismatch."""
    readings = clause.readings()
    japan = next(
        (r for r in readings if r.label is not None and r.label.kind is ZoneKind.JAPAN), None
    )
    local, zone = _pick_local(readings, japan, zone, place_zone)
    timing = Timing(zone=zone)
    main = readings[0]
    if local is not None:
        timing.start = local.time
        timing.end = clause.end if local is main else None
        if local.date is not None:
            timing.date = resolve(local.date, None)
            timing.date_span = (local.date.start, local.date.end)
        elif local.same_day:
            timing.date = previous_date
    japan_printed: dt.date | None = None
    if japan is not None and japan.date is not None:
        japan_printed = resolve(japan.date, timing.date)
    if (
        timing.date is None
        and local is not None
        and japan is not None
        and japan is not local
        and japan_printed is not None
        and zone
    ):
        hm = japan.time.hhmm()
        if hm is not None:
            japan_dt = dt.datetime.combine(japan_printed, dt.time(*hm))
            timing.date = _local_date_from_japan(japan_dt, local.time, zone)
            if japan.date is not None:
                timing.date_span = (japan.date.start, japan.date.end)
    if timing.date is None and (local is main or local is None):
        if main.same_day:
            timing.date = previous_date
        elif fallback_date is not None:
            timing.date = resolve(fallback_date, None)
            timing.date_span = (fallback_date.start, fallback_date.end)
        elif previous_date is not None:
            timing.date = previous_date
    if japan is not None and japan_printed is None and timing.date is not None and japan.date:
        japan_printed = resolve(japan.date, timing.date)
    if japan is not None:
        _stated(timing, japan, japan_printed, local, zone)
    return timing


def _stated(
    timing: Timing,
    japan: Reading,
    japan_printed: dt.date | None,
    local: Reading | None,
    zone: str | None,
) -> None:
    hm = japan.time.hhmm()
    day = japan_printed or timing.date
    if hm is None or day is None:
        return
    timing.japan = f"{day.isoformat()}T{hm[0]:02d}:{hm[1]:02d}"
    timing.japan_span = (japan.time.start, japan.time.end)
    if local is None or local is japan or not zone or timing.date is None:
        return
    converted = convert(timing.date, local.time, zone, JAPAN_ZONE)
    if converted is None:
        return
    same_clock = (converted.hour, converted.minute) == hm
    # A Japan time printed without a date is compared on the clock only.
    same_day = japan_printed is None or converted.date() == japan_printed
    if not (same_clock and same_day):
        timing.mismatch = (
            f"stated Japan time {timing.japan}, but {local.time.as_hhmm()} on "
            f"{timing.date.isoformat()} in {zone} is {converted.strftime('%Y-%m-%dT%H:%M')} "
            "in Japan"
        )
