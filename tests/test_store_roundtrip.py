"""Draft → file → draft: nothing changes, nothing is lost, the text stays readable."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import any_drafts, complete_drafts

from assistant.core import format as fmt
from assistant.core.draft import SCHEMA_VERSION, Draft, set_path
from assistant.errors import DraftLoadError
from assistant.store import codec, dump_draft, layout, load_draft, parse_draft, save_draft
from assistant.store.files import decode_draft

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
NOWHERE = Path("草稿.nianbao.yaml")
NARRATIVE_FIELDS = (
    "overview.intro",
    "overview.proactive",
    "problems",
    "other.text",
    "prior.report_text",
)


@settings(max_examples=150, deadline=None)
@given(any_drafts())
def test_any_draft_reads_back_equal(draft: Draft) -> None:
    text = dump_draft(draft)
    assert parse_draft(text, NOWHERE) == draft


@settings(max_examples=150, deadline=None)
@given(complete_drafts())
def test_complete_draft_reads_back_equal_and_dump_is_stable(draft: Draft) -> None:
    text = dump_draft(draft)
    again = parse_draft(text, NOWHERE)
    assert again == draft
    assert dump_draft(again) == text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(complete_drafts())
def test_save_then_load_from_disk(tmp_path: Path, draft: Draft) -> None:
    path = tmp_path / "年报.nianbao.yaml"
    save_draft(draft, path)
    assert load_draft(path) == draft


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(NARRATIVE_FIELDS), text=st.text())
def test_any_text_reads_back_exactly(field: str, text: str) -> None:
    # Whatever an author pastes: control characters, CR, U+2028, trailing spaces, "#", quotes.
    draft = set_path(Draft(), field, text)
    assert parse_draft(dump_draft(draft), NOWHERE) == draft


@settings(max_examples=100, deadline=None)
@given(
    answers=st.dictionaries(
        st.text(min_size=1, max_size=12),
        st.none() | st.booleans() | st.integers() | st.text() | st.lists(st.text(), max_size=3),
        max_size=5,
    )
)
def test_interview_answers_keep_their_types(answers: dict[str, object]) -> None:
    # "true", "12", "~" typed as text must come back as text, not as a boolean, number or null.
    draft = set_path(Draft(), "interview.answers", answers)
    assert parse_draft(dump_draft(draft), NOWHERE).interview.answers == draft.interview.answers


@pytest.mark.parametrize(
    "amount", ["5949.088667", "96171.6", "0.000001", "123456789012.123456", "5.00", "0"]
)
def test_amounts_are_exact(amount: str) -> None:
    draft = set_path(Draft(), "table2.fees", Decimal(amount))
    text = dump_draft(draft)
    assert f"fees: {amount}" in text
    fees = parse_draft(text, NOWHERE).table2.fees
    assert fees is not None
    assert str(fees) == amount


def test_file_is_readable_chinese_with_blocks_and_model_order() -> None:
    draft = set_path(Draft(), "meta.agency", "沈阳市人民政府外事办公室")
    draft = set_path(draft, "meta.published", dt.date(2025, 1, 22))
    draft = set_path(draft, "problems", "一是信息发布不够及时。\n二是解读形式单一。")
    draft = set_path(draft, "overview.platform", "网站" * 30)
    text = dump_draft(draft)
    assert text.startswith(layout.HEADER_MARK)
    assert layout.END_MARK in text.splitlines()[-1]
    assert "agency: 沈阳市人民政府外事办公室" in text
    assert "\\u" not in text
    assert "published: 2025-01-22" in text
    assert "problems: |-\n  一是信息发布不够及时。\n  二是解读形式单一。\n" in text
    assert f"platform: |-  # {fmt.OVERVIEW_TOPIC_BY_KEY['platform'].title}\n" in text
    top_keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    # ``rollup`` is written only for a draft built by ``nianbao rollup``.
    assert top_keys == [k for k in Draft.model_fields if k != "rollup"]
    assert f"schema_version: {SCHEMA_VERSION}" in text


def test_each_key_carries_its_official_label() -> None:
    text = dump_draft(Draft())
    assert (
        f"    withheld_security:  # （三）不予公开 {fmt.OUTCOME_LABEL['withheld_security']}" in text
    )
    assert f"  carried_out:  # {fmt.T3_CARRIED_OUT}" in text
    assert f"      natural:  # {fmt.APPLICANT_LABEL['natural']}" in text
    assert f"# {fmt.SECTION_BY_KEY['appeals'].title}\ntable4:" in text


def test_unanswered_is_an_empty_value() -> None:
    text = dump_draft(Draft())
    assert "  agency:  # " in text
    assert "null" not in text


def test_hand_edits_mean_what_they_look_like() -> None:
    text = dump_draft(Draft())
    edited = (
        text.replace("  agency:  #", "  agency: no  #")
        .replace("  year:  #", "  year: 2024  #")
        .replace("  licensing:  #", "  licensing: 010  #")
        .replace("  portal:  #", "  portal: 3.10  #")
    )
    draft = parse_draft(edited, NOWHERE)
    assert draft.meta.agency == "no"  # not False, as YAML 1.1 would have it
    assert draft.table2.licensing == 10  # not octal 8
    assert draft.meta.portal == "3.10"  # not the float 3.1


def test_golden_file_is_what_dump_writes() -> None:
    # A change to the file layout must be deliberate: update the fixture (and think of migration).
    golden = FIXTURES / f"v{SCHEMA_VERSION}-complete.nianbao.yaml"
    text = golden.read_text(encoding="utf-8")
    assert dump_draft(parse_draft(text, golden)) == text


def test_seed_example_loads_and_round_trips() -> None:
    seed = Path(__file__).resolve().parent.parent / "examples" / "shenyang-2024.nianbao.yaml"
    draft = load_draft(seed)
    assert draft.meta.agency == "沈阳市人民政府外事办公室"
    assert parse_draft(dump_draft(draft), NOWHERE) == draft


def test_a_decorated_dump_that_would_not_read_back_falls_back_to_quoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft = set_path(Draft(), "problems", "第一行\n第二行")

    def broken_decorate(body: str, root: yaml.Node) -> str:
        return layout.HEADER + body.replace("第二行", "第三行") + layout.FOOTER

    monkeypatch.setattr(layout, "decorate", broken_decorate)
    text = dump_draft(draft)
    assert '"第一行\\n第二行"' in text
    assert parse_draft(text, NOWHERE) == draft


def test_a_dump_that_cannot_read_back_at_all_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.errors import SaveError

    monkeypatch.setattr(codec, "_reads_back", lambda text, draft: False)
    with pytest.raises(SaveError, match="内部错误"):
        dump_draft(Draft())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_text_crashes_the_loader(text: str) -> None:
    try:
        parse_draft(text, NOWHERE)
    except DraftLoadError as error:
        assert str(error).startswith(str(NOWHERE))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_crash_the_loader(raw: bytes) -> None:
    try:
        decode_draft(raw, NOWHERE)
    except DraftLoadError as error:
        assert str(error).startswith(str(NOWHERE))


def test_a_huge_number_is_refused_not_crashed() -> None:
    with pytest.raises(DraftLoadError, match=r"table2\.licensing: 应为整数"):
        parse_draft("table2:\n  licensing: " + "9" * 5000 + "\n", NOWHERE)


def test_an_old_schema_version_in_memory_is_written_as_today() -> None:
    draft = Draft(schema_version=0)
    assert parse_draft(dump_draft(draft), NOWHERE) == Draft()


@settings(max_examples=200, deadline=None)
@given(
    base=st.sampled_from(
        ["v2-complete.nianbao.yaml", "v1-bookkeeping.nianbao.yaml", "v0-full.nianbao.yaml"]
    ),
    cut=st.integers(0, 10_000),
    junk=st.text(max_size=20),
)
def test_damaged_drafts_fail_cleanly_or_load(base: str, cut: int, junk: str) -> None:
    text = (FIXTURES / base).read_text(encoding="utf-8")
    cut %= len(text)
    damaged = text[:cut] + junk + text[cut + len(junk) :]
    try:
        parse_draft(damaged, NOWHERE)
    except DraftLoadError as error:
        assert error.line is None or 1 <= error.line <= damaged.count("\n") + 2


def test_one_value_object_in_two_fields_is_written_twice_not_as_an_alias(tmp_path: Path) -> None:
    from assistant.store import load_draft, save_draft

    amount = Decimal("12.5")
    draft = set_path(
        set_path(Draft(), "other.fee.billed_yuan", amount), "other.fee.collected_yuan", amount
    )
    path = tmp_path / "同值.nianbao.yaml"
    save_draft(draft, path)
    again = load_draft(path)
    assert again.other.fee.billed_yuan == again.other.fee.collected_yuan == amount
