"""Every query string is safe (issue 12, item 14): arbitrary text, lone surrogates (a command line
that was not UTF-8) and FTS5 syntax find what they find and never raise; a limit below one asks
for nothing instead of looping."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.gen_dumps import dump
from reader.core.library.search_index import matching_articles, normalize, search
from reader.core.library.store import Library
from tests.core.library.test_search import CHARS


@pytest.fixture(scope="module")
def small() -> Library:
    library = Library()
    for seed in range(3):
        assert library.import_bytes(dump(random.Random(seed), seed).encode()).status == "imported"
    yield library
    library.close()


ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec=None),  # every code point, surrogates included
        st.sampled_from(list(CHARS) + list('"*:()-^+ NEAR AND OR NOT title: author: 黨')),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=ANY_TEXT)
def test_any_query_is_safe(small: Library, query: str) -> None:
    assert len(normalize(query)) == len(query)
    hits = search(small.db, query, limit=5)
    assert len(hits) <= 5
    assert all(h.article_id > 0 for h in hits)
    matching_articles(small.db, query)


def test_lone_surrogates_and_a_found_word(small: Library) -> None:
    assert normalize("\udcff黨\ud800") == "\udcff党\ud800"
    assert search(small.db, "調查點")
    assert search(small.db, "\udcff 調查點") == []  # a term nothing can match: no hits, and no error
    assert search(small.db, 'title:"\ud800黨"') == []


@pytest.mark.parametrize("limit", [0, -1, -5])
def test_a_limit_below_one_finds_nothing_at_once(small: Library, limit: int) -> None:
    assert search(small.db, "党建", limit=limit) == []
