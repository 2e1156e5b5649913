from newsgraph.errors import SourceEmpty, SourceNotFound
from newsgraph.model import RawDocument
from newsgraph.pipeline import article_from_text, run, to_article


def test_text_input_keeps_the_body_exactly_as_given():
    text = "  Xi\u00a0met Kim.\n\n\"Yes,\" he said.  "
    article = to_article(RawDocument(source="<text>", text=text, published="2025-09-04"))
    assert article.body == text
    assert article.published == "2025-09-04"


def test_jsonl_id_becomes_the_article_id():
    article = article_from_text(RawDocument(source="s1", id="s1", text="Some text."))
    assert article.id == "s1"


def test_empty_text_is_an_error_not_an_empty_article():
    outcome = next(run([RawDocument(source="<text>", text="   ")], stage="extract"))
    assert not outcome.ok
    assert isinstance(outcome.error, SourceEmpty)


def test_run_passes_read_errors_through_in_order_and_goes_on():
    docs = [SourceNotFound("no such file", source="a.html"),
            RawDocument(source="b", text="Body text.")]
    outcomes = list(run(docs, stage="extract"))
    assert [o.source for o in outcomes] == ["a.html", "b"]
    assert [o.ok for o in outcomes] == [False, True]
