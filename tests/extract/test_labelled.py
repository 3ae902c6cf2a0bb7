"""The labelled set: every labelled field of every document, and the accuracy over the set."""

from __future__ import annotations

import pytest

from .labelled_set import Score, documents, run, score

DOCUMENTS = documents()
needs_documents = pytest.mark.skipif(
    not DOCUMENTS, reason="tests/extract/labelled/ holds no labelled documents yet"
)


@needs_documents
@pytest.mark.parametrize("doc", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_labelled_document(doc):  # type: ignore[no-untyped-def]
    result = score(doc, run(doc))
    assert not result.errors, "\n".join(result.errors)


@needs_documents
def test_field_level_accuracy_is_complete(capsys):  # type: ignore[no-untyped-def]
    total = Score()
    for doc in DOCUMENTS:
        total.add(score(doc, run(doc)))
    with capsys.disabled():
        print(
            f"\nlabelled set: {len(DOCUMENTS)} documents, {total.correct}/{total.total} fields "
            f"correct, field-level accuracy {total.accuracy:.1%}"
        )
    assert total.accuracy == 1.0, "\n".join(total.errors)
