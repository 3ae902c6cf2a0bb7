"""Whether a document is an official release or a secondary source (a news report).

>>> is_secondary("Tokyo, 2 September 2023 (TDI): The Japanese Foreign Minister met ...", None)
True
>>> is_secondary("On May 3, ... The outline is as follows.", "https://www.mofa.go.jp/a.html")
False
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_OFFICIAL_HOSTS = re.compile(
    r"(?:^|\.)(?:go\.jp|gob\.pe|gov|gov\.[a-z]{2}|gob\.[a-z]{2}|gouv\.fr|europa\.eu|un\.org|"
    r"oecd\.org|apec\.org|asean\.org)$"
)
_NEWS_DATELINE = re.compile(
    r"^\s*[A-Z][\w .'’-]{1,40},?\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?"
    r"\s+\d{4}\s*\([A-Za-z][\w .]{1,20}\)\s*[:\-–—]",
    re.MULTILINE,
)
_NEWS_DATELINE_CAPS = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{1,30}\s*\([A-Za-z][\w .]{1,25}\)\s*[-–—:]", re.MULTILINE
)
_AGENCY = re.compile(
    r"\((?:Reuters|AFP|AP|EFE|Kyodo|Xinhua|Andina|ANDINA|TDI|NNN|Jiji|Yonhap|Bloomberg|"
    r"Prensa Latina|Europa Press|dpa|ANSA)\)|^\s*(?:Also Read|Read also|Related|By)\s*:?\s+[A-Z]"
    r"|(?i:\b(?:according\s+to\s+(?:a\s+)?(?:report|sources|officials)|news\s+agency|"
    r"told\s+reporters|reported\s+(?:on|that)|(?:officials?|sources?|spokes\w+|"
    r"the\s+\w+\s+side)\s+said))\b",
    re.MULTILINE,
)
_OFFICIAL_MARKS = re.compile(
    r"(?i:\bthe\s+(?:outline|overview|summary)\s+(?:of\s+the\s+\w+\s+)?is\s+as\s+follows"
    r"|\bthe\s+following\s+is\s+(?:a|an)\s+(?:summary|overview|outline)"
    r"|\bback\s+to\s+japan-peru\s+relations|\bpress\s+release\b|\bsummary\)|\boverview\))"
    r"|概要は以下のとおり|概要は次のとおり|概要以下のとおり|（概要）|\(概要\)"
)


def is_secondary(text: str, url: str | None) -> bool:
    """True for a news report or other secondary text; official releases and mirrors are not."""
    if url:
        host = (urlsplit(url).hostname or "").lower()
        if _OFFICIAL_HOSTS.search(host):
            return False
    if _OFFICIAL_MARKS.search(text):
        return False
    # A page from elsewhere than a government site is secondary unless it reads as a release.
    return bool(url) or bool(
        _NEWS_DATELINE.search(text) or _NEWS_DATELINE_CAPS.search(text) or _AGENCY.search(text)
    )
