"""The registry of validation rules: one code, title, hint and description each.

The validator, its messages, CONTRIBUTING.md and the tests all read this table.

>>> RULES["invalid-time"].hint
'use HH:MM, 24-hour'
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """Groups of rules, in the order a contributor meets them."""

    FILE = "file"
    STRUCTURE = "structure"
    IDENTITY = "identity"
    REFERENCE = "reference"
    TIME = "time"
    ANNIVERSARY = "anniversary"
    TEXT = "text"
    SOURCE = "source"
    PACKAGE = "package"


@dataclass(frozen=True)
class Rule:
    """One rule the validator enforces."""

    code: str
    category: Category
    title: str
    description: str
    hint: str


_RULES = (
    # files
    Rule("unreadable-file", Category.FILE, "Unreadable file",
         "The file could not be read from disk.", "check the file's permissions and that it is a regular file"),
    Rule("not-utf8", Category.FILE, "Not UTF-8",
         "Record files must be UTF-8 encoded.", "save the file as UTF-8 without a byte-order mark"),
    Rule("empty-file", Category.FILE, "Empty file",
         "The file holds no record.", "write the record's fields, or delete the file"),
    Rule("file-too-large", Category.FILE, "File too large",
         "A record file is bounded in size (256 KiB) so that no input can exhaust the validator.",
         "split the record, or shorten its text"),
    Rule("not-yaml", Category.FILE, "Not YAML",
         "The file is not well-formed YAML.", "fix the YAML syntax at the position shown (indentation, quotes, colons)"),
    Rule("duplicate-key", Category.FILE, "Duplicate key",
         "A key appears twice in one mapping; the usual YAML loaders silently keep the last value.",
         "keep one of the two keys"),
    Rule("yaml-alias", Category.FILE, "YAML anchor or alias",
         "Anchors and aliases are refused: they allow exponential expansion and hide values.",
         "write the value out in full"),
    Rule("yaml-tag", Category.FILE, "YAML tag",
         "Explicit YAML tags are refused: every value is plain data.", "remove the tag (the part starting with !)"),
    Rule("not-a-mapping", Category.FILE, "Not a mapping",
         "A record file holds one mapping of field names to values.", "write `field: value` lines at the top level"),
    Rule("multiple-documents", Category.FILE, "Several YAML documents",
         "A record file holds exactly one record.", "put each record in its own file"),
    Rule("nesting-too-deep", Category.FILE, "Nesting too deep",
         "Lists and mappings nest at most 16 levels deep (records need four), so that no input can exhaust the validator.",
         "flatten the value: a field holds text, a list of text, or a list of mappings of text"),
    Rule("unexpected-file", Category.FILE, "File outside the record folders",
         "Record files live in records/<kind>/<id>.yaml for a known kind.",
         "move the file into records/meetings/, records/people/, ... and name it <id>.yaml"),
    # structure
    Rule("unknown-field", Category.STRUCTURE, "Unknown field",
         "The record has a key its model does not define.", "remove the key, or check its spelling against the data dictionary"),
    Rule("missing-field", Category.STRUCTURE, "Missing required field",
         "The record lacks a field its model requires.", "add the field; see the data dictionary in README.md"),
    Rule("wrong-type", Category.STRUCTURE, "Wrong type",
         "The value is not of the field's type (text, number, list, mapping).", "see the field's type in the data dictionary"),
    Rule("out-of-range", Category.STRUCTURE, "Value out of range",
         "A number lies outside the field's bounds.", "check the value against the bounds in the data dictionary"),
    Rule("invalid-choice", Category.STRUCTURE, "Not one of the allowed values",
         "The field takes one of a fixed set of values.", "use one of the values the message lists"),
    Rule("too-long", Category.STRUCTURE, "Value too long",
         "Short text fields hold at most 300 characters.", "shorten the value, or move detail into notes"),
    Rule("invalid-date", Category.STRUCTURE, "Not a date",
         "Dates are YYYY-MM-DD (or, where only partly known, YYYY or YYYY-MM) and must exist in the calendar.",
         "use YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known; never pad an unknown day"),
    Rule("invalid-time", Category.STRUCTURE, "Not a time of day",
         "Times are the local wall-clock time at the venue, HH:MM on a 24-hour clock.", "use HH:MM, 24-hour"),
    Rule("invalid-datetime", Category.STRUCTURE, "Not a date and time",
         "A stated Japan time is YYYY-MM-DDTHH:MM.", "use YYYY-MM-DDTHH:MM, 24-hour"),
    Rule("invalid-timezone", Category.STRUCTURE, "Not an IANA time zone",
         "Time zones are IANA names such as America/Lima or Asia/Tokyo.", "use the IANA name of the venue's zone"),
    Rule("invalid-country", Category.STRUCTURE, "Not a country code",
         "Countries are ISO 3166-1 alpha-2 codes in capitals.", "use two capital letters, e.g. JP or PE"),
    Rule("invalid-language", Category.STRUCTURE, "Not a language code",
         "Languages are ISO 639-1 codes in lower case.", "use a code such as en, ja or es"),
    Rule("invalid-wikidata-id", Category.STRUCTURE, "Not a Wikidata id",
         "Wikidata ids are Q followed by digits.", "use the item id, e.g. Q419, or leave the field out"),
    Rule("kind-mode-mismatch", Category.STRUCTURE, "Meeting kind disagrees with its mode",
         "A telephone talk has mode telephone, a video conference mode video, and neither mode fits any other kind.",
         "make `kind` and `mode` agree: telephone_talk with telephone, video_conference with video"),
    Rule("remote-meeting-with-place", Category.STRUCTURE, "Telephone talk with a venue",
         "A meeting held by telephone has no venue: each side is somewhere else.",
         "remove `place` (say where each side was in `notes`), or correct `mode`"),
    Rule("unknown-derived-field", Category.STRUCTURE, "`derived` names no field of the record",
         "`derived` lists the fields whose values were worked out rather than stated; each must be a field the record fills in.",
         "write the field's exact name (e.g. date, timezone), or remove the entry"),
    # identity
    Rule("invalid-id", Category.IDENTITY, "Id is not a slug",
         "Ids are lower-case ASCII words joined by single hyphens, 3 to 100 characters.",
         "use lower-case letters, digits and single hyphens, e.g. 2023-05-03-hayashi-gervasi"),
    Rule("id-filename-mismatch", Category.IDENTITY, "File name does not match id",
         "A record's file is named after its id.", "rename the file to <id>.yaml, or correct the id"),
    Rule("duplicate-id", Category.IDENTITY, "Duplicate id",
         "Two records of one kind share an id.", "give one of them a new id"),
    Rule("id-disappeared", Category.IDENTITY, "Published id removed without a record of why",
         "An id in the previous release (the committed data/<kind>.csv) must stay, or be listed in records/retired.yaml with what replaced it, so that links to it can be followed.",
         "restore the record, or add the id under its kind in records/retired.yaml with `replaced_by` and `reason`"),
    Rule("id-reused", Category.IDENTITY, "Retired id used again",
         "An id listed in records/retired.yaml never names a record again: it meant something else before.",
         "give the record a new id, or remove the entry from records/retired.yaml if it was never published"),
    Rule("ambiguous-alias", Category.IDENTITY, "Name shared by two people",
         "Every name and alias (ignoring case, accents and word order) resolves to one person, so that texts can be matched to people.",
         "remove the alias from the person it does not belong to, or make both names fuller"),
    # references
    Rule("unknown-reference", Category.REFERENCE, "Reference to a missing record",
         "A field names a record that does not exist.", "add the record, or correct the id (the message suggests close ids)"),
    Rule("duplicate-reference", Category.REFERENCE, "Same id listed twice",
         "A list of references (sources, topics, participants, ...) names each record once.",
         "delete the second entry"),
    # time
    Rule("japan-time-mismatch", Category.TIME, "Stated Japan time disagrees",
         "The Japan time the source states must equal the local start converted from the venue's zone.",
         "check the local time, the zone and the stated Japan time against the source"),
    Rule("time-without-zone", Category.TIME, "Time without a zone",
         "A local time means nothing without the zone of its wall clock.", "add `timezone`, or remove the time"),
    Rule("start-after-end", Category.TIME, "Start not before end",
         "A meeting's start time comes before its end time; a term of office or a visit does not end before it starts (partial dates compare at their precision).",
         "check both values against the source"),
    Rule("duration-mismatch", Category.TIME, "Duration disagrees with start and end",
         "Where start, end and duration are all given, the duration must equal end minus start.",
         "check the three values against the source"),
    Rule("future-date", Category.TIME, "Date in the future",
         "The dataset records what has happened.", "check the date; announcements of future events are not records"),
    Rule("timezone-mismatch", Category.TIME, "Time zone is not the venue's",
         "An in-person meeting's times are on the wall clock of its venue, so its `timezone` is the place's.",
         "set `timezone` to the zone of the place the message names, or correct `place`"),
    Rule("outside-term", Category.TIME, "Meeting outside a participant's term of office",
         "Where a participant's positions give a term (start, end), the meeting's date lies inside the term of the position whose title equals the participant's title, or, when no title matches, inside some position's term.",
         "check the meeting's date, the participant's title, and the term in the person's record"),
    Rule("steps-out-of-order", Category.TIME, "Agreement steps out of order",
         "An agreement's dated steps are listed in the order they happened (partial dates compare at their precision).",
         "put the steps in date order, or correct the date the message names"),
    # anniversaries
    Rule("anniversary-arithmetic", Category.ANNIVERSARY, "Anniversary year does not add up",
         "An anniversary's year must equal its milestone's year plus its ordinal.",
         "check the ordinal, the year and the milestone"),
    # text
    Rule("empty-text", Category.TEXT, "Empty text", "Text fields hold text.", "write the value, or leave the field out"),
    Rule("untrimmed-text", Category.TEXT, "Untrimmed text",
         "Text has no leading or trailing white space.", "remove the spaces at either end"),
    Rule("not-nfc", Category.TEXT, "Text not in NFC",
         "Text is in Unicode normalisation form C, so that equal names compare equal.",
         "re-type the accented characters, or normalise the file to NFC"),
    Rule("control-character", Category.TEXT, "Control or invisible character",
         "Text holds no control characters and no zero-width or soft-hyphen characters.",
         "delete the invisible character at the position shown"),
    Rule("formula-injection", Category.TEXT, "Text a spreadsheet would run",
         "Text cells never start with =, +, -, @, a tab or a carriage return: spreadsheets run them as formulas.",
         "reword the text so that it starts with a letter, digit or quote"),
    Rule("html-in-text", Category.TEXT, "HTML in text",
         "Text is plain: no tags and no entities.", "write the plain characters instead of markup"),
    # sources
    Rule("not-https", Category.SOURCE, "URL is not https",
         "Source URLs are https URLs.", "use the https address of the page"),
    Rule("no-source", Category.SOURCE, "Record cites no source",
         "Every record cites at least one source.", "add the id of a record in records/sources/ to `sources`"),
    Rule("evidence-mismatch", Category.SOURCE, "Evidence level is not what the sources support",
         "`evidence` must name the best kind among the cited sources (official > mirror > press > secondary), "
         "so a record resting only on press or secondary sources says so.",
         "set `evidence` to the kind the message names"),
    Rule("duplicate-event", Category.SOURCE, "Same event recorded twice",
         "Two meetings share a date, a start time, a kind and the same participants (the sessions of one visit differ in kind or start).",
         "merge the two records, or correct the date, time or participants"),
    Rule("unused-source", Category.SOURCE, "Source cited by no record",
         "Every source supports a fact: one that no record cites is a leftover or a forgotten citation.",
         "cite the source in the record it was added for, or delete the file"),
    Rule("duplicate-source", Category.SOURCE, "Same document recorded twice",
         "Two source records share a URL.",
         "keep one source record, and cite its id wherever the other was cited"),
    # package
    Rule("stale-build", Category.PACKAGE, "Built files out of date",
         "data/, schema/ and datapackage.json are generated by `jpr build` and must match the records.",
         "run `jpr build` and commit the result"),
    Rule("table-schema-error", Category.PACKAGE, "Frictionless finds the package invalid",
         "With `--frictionless` (always in CI), `frictionless validate datapackage.json` must report the package valid: a second opinion beside the csv-* rules.",
         "run `frictionless validate datapackage.json` for the details"),
    Rule("json-schema-error", Category.PACKAGE, "JSON resource fails its schema",
         "Every data/*.json file validates against its schema in schema/.", "run `jpr build` after fixing the records"),
    Rule("descriptor-error", Category.PACKAGE, "Descriptor fails the Data Package profile",
         "datapackage.json validates against the Data Package v2 profile.", "run `jpr build`; do not edit datapackage.json by hand"),
    # package: the CSV tables against their Table Schemas (tablecheck.py)
    Rule("csv-missing-file", Category.PACKAGE, "CSV file missing or unreadable",
         "Every CSV table the descriptor lists is a readable file at its path, parseable as CSV.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-encoding-error", Category.PACKAGE, "CSV file not in its encoding",
         "A CSV table decodes in the encoding its descriptor names (UTF-8; a leading byte-order mark is allowed).",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-header-error", Category.PACKAGE, "CSV header does not name the fields",
         "The header row of a CSV table holds the schema's field names, in order: no label missing, extra, blank, repeated or misspelt.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-blank-row", Category.PACKAGE, "Blank CSV row",
         "No row of a CSV table is blank (every cell empty or a missing value).",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-extra-cell", Category.PACKAGE, "CSV row has too many cells",
         "A row has no more cells than the schema has fields.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-missing-cell", Category.PACKAGE, "CSV row has too few cells",
         "A row has a cell for every field of the schema.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-type-error", Category.PACKAGE, "CSV value not of its field's type",
         "Every value reads as its field's Table Schema type (integer, number, boolean, date, ...), as frictionless reads it.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-constraint-error", Category.PACKAGE, "CSV value breaks a field constraint",
         "Every value meets its field's constraints: required, pattern (whole value), enum, minLength, maxLength, minimum, maximum.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-unique-error", Category.PACKAGE, "CSV value repeated in a unique field",
         "A field constrained unique holds no value twice (compared as values of its type).",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-primary-key-error", Category.PACKAGE, "CSV primary key repeated or missing",
         "Each row of a CSV table has its whole primary key, and no two rows share one.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-foreign-key-error", Category.PACKAGE, "CSV foreign key names no row",
         "Each foreign key (unless all its fields are missing) equals the key of a row of the table it references.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
    Rule("csv-schema-error", Category.PACKAGE, "Table Schema cannot be applied",
         "The descriptor describes each CSV table so that it can be checked: a safe path, a known encoding, a schema whose types, constraints and keys apply.",
         "run `jpr build` to write datapackage.json and data/ again; never edit them by hand"),
    Rule("csv-problem-limit", Category.PACKAGE, "More CSV problems not shown",
         "At most 100 problems are listed per CSV file; this one counts the rest.",
         "run `jpr build` to write data/ again; never edit data/ by hand"),
)  # fmt: skip

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
"""Every rule by its code."""
