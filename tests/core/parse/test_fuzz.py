"""Whatever bytes arrive, parsing and importing answer: an article, or a refusal with its reason."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.library.store import Library
from reader.core.parse.dump import parse_bytes
from tests.conftest import SEED

MARKERS = ["◆摘  要:", "【关键词】", "一、", "(一)", "参考文献", "[1]", "其他文献", "\r\n", "\x00", "?", "　", "<p>"]


def check(article) -> None:
    if article.error is not None:
        assert isinstance(article.error, str) and article.error.strip()
        assert "could not be parsed" not in article.error, article.error  # a parser bug, not a refusal
    else:
        assert article.title


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes) -> None:
    check(parse_bytes(data, "x.txt"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_random_text(text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        check(parse_bytes(text.encode(encoding, errors="surrogatepass"), "x.txt"))


@pytest.fixture(scope="module")
def seed() -> bytes:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    return SEED.read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(min_value=0, max_value=8000),
    flips=st.lists(st.tuples(st.integers(min_value=0, max_value=7999), st.integers(0, 255)), max_size=20),
    inserts=st.lists(st.tuples(st.integers(min_value=0, max_value=7999), st.sampled_from(MARKERS)), max_size=20),
    encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]),
)
def test_mutated_seed_parses_or_is_refused(seed: bytes, cut: int, flips, inserts, encoding: str) -> None:
    text = seed.decode("utf-8")
    for at, marker in inserts:
        at %= len(text) + 1
        text = text[:at] + marker * 3 + text[at:]
    data = bytearray(text.encode(encoding, errors="replace"))[: cut or None]
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    article = parse_bytes(bytes(data), "mutated.txt")
    check(article)
    library = Library()
    result = library.import_bytes(bytes(data), "mutated.txt")
    assert result.status in ("imported", "refused")
    assert (result.status == "refused") == (article.error is not None)
    library.close()
