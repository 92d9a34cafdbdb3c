"""Broken draft files: each is reported with path, line, field and a Chinese reason, untouched."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.core.draft import SCHEMA_VERSION
from assistant.errors import DraftLoadError
from assistant.store import backup_path, files, load_draft, save_draft
from assistant.store.codec import dump_draft
from assistant.store.migrations import MIGRATIONS, loc_in_file, migrate

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
GOOD = (FIXTURES / f"v{SCHEMA_VERSION}-complete.nianbao.yaml").read_text(encoding="utf-8")
OLD = (FIXTURES / "v0-full.nianbao.yaml").read_text(encoding="utf-8")
SEED = (Path(__file__).parent.parent / "examples" / "shenyang-2024.nianbao.yaml").read_text(
    encoding="utf-8"
)


def swap(old: str, new: str, base: str = GOOD) -> Callable[[], str]:
    def make() -> str:
        assert old in base, old
        return base.replace(old, new, 1)

    return make


def const(content: str | bytes) -> Callable[[], str | bytes]:
    return lambda: content


FEE_BLOCK = (
    "  fee:\n    charged: false\n    notices: 0\n    billed_yuan: 0\n    collected_yuan: 0\n"
)
SEED_ACK = "acknowledged:\n  - E14@other//fee//other.text"
NEWER = f"此草稿由更新版本的年报助手创建（版本 {SCHEMA_VERSION + 1}），请升级"


def case(
    name: str,
    content: Callable[[], str | bytes],
    line: str | None,
    field: str | None,
    words: str,
) -> Any:
    """One broken file: ``line`` is text on the reported line ($first/$last; None: not checked)."""
    return pytest.param(content, line, field, words, id=name)


CASES = [
    case("truncated", lambda: GOOD[: len(GOOD) // 2], "$last", None, "截断"),
    case(
        "truncated-no-header",
        lambda: SEED[: SEED.index("research: 0") + 6],
        "$last",
        None,
        "没有闭合",
    ),
    case(
        "unclosed-bracket",
        swap("  licensing: 1234", "  licensing: [1234"),
        "  punishment",
        None,
        "没有闭合",
    ),
    case("tab-indent", swap("  year: 2024", "\tyear: 2024"), "\tyear", None, "制表符"),
    case(
        "text-for-count",
        swap("  licensing: 1234", "  licensing: 许多"),
        "  licensing",
        "table2.licensing",
        "应为整数",
    ),
    case(
        "fraction-count",
        swap("  licensing: 1234", "  licensing: 12.5"),
        "  licensing",
        "table2.licensing",
        "应为整数",
    ),
    case(
        "negative-count",
        swap("  coercion: 0", "  coercion: -3"),
        "  coercion",
        "table2.coercion",
        "不能小于 0",
    ),
    case(
        "huge-count",
        swap("  coercion: 0", "  coercion: 99999999999"),
        "  coercion",
        "table2.coercion",
        "不能大于",
    ),
    case(
        "bad-amount",
        swap("  fees: 5949.088667", "  fees: 约六千"),
        "  fees",
        "table2.fees",
        "应为数字",
    ),
    case(
        "bad-date",
        swap("  published: 2025-01-22", "  published: 2025-02-30"),
        "  published",
        "meta.published",
        "应为日期",
    ),
    case(
        "bad-kind",
        swap("  kind: government", "  kind: 政府"),
        "  kind",
        "meta.kind",
        "department、government、other",
    ),
    case(
        "bad-bool",
        swap("    charged: false", "    charged: 否"),
        "    charged",
        "other.fee.charged",
        "true",
    ),
    case("list-for-text", swap("  text: 本年度", "  text: [本年度"), None, None, "没有闭合"),
    case(
        "unknown-top-key",
        swap("problems: |-", "remarks: 备注\nproblems: |-"),
        "remarks",
        "remarks",
        "没有这一项",
    ),
    case(
        "typo-key",
        swap("  agency: 某市", "  agnecy: 某市"),
        "  agnecy",
        "meta.agnecy",
        "没有这一项",
    ),
    case(
        "unknown-row",
        swap("    disclosed:", "    disclosd:"),
        "  outcomes:",
        "table3.outcomes",
        "未知的办理结果行：disclosd",
    ),
    case(
        "mapping-expected",
        swap("  fee:\n    charged: false\n    notices: 0\n", "  fee: 无\n    notices: 0\n", SEED),
        None,
        None,
        "缩进",
    ),
    case(
        "mapping-expected-2",
        swap(FEE_BLOCK, "  fee: 无\n", SEED),
        "  fee: 无",
        "other.fee",
        "应为下一级",
    ),
    case(
        "list-expected",
        swap(SEED_ACK, "acknowledged: 无", SEED),
        "acknowledged",
        "acknowledged",
        "应为列表",
    ),
    case(
        "answer-of-no-type",
        swap("    t3_any: true", "    t3_any: {a: 1}"),
        "    t3_any",
        "interview.answers.t3_any",
        "类型不对",
    ),
    case(
        "duplicate-key",
        swap("  year: 2024", "  year: 2024\n  year: 2025"),
        "  year: 2025",
        "meta.year",
        "两次",
    ),
    case(
        "future-version",
        swap(f"schema_version: {SCHEMA_VERSION}", f"schema_version: {SCHEMA_VERSION + 1}"),
        "schema_version",
        "schema_version",
        NEWER,
    ),
    case(
        "bad-version",
        swap(f"schema_version: {SCHEMA_VERSION}", "schema_version: one"),
        "schema_version",
        "schema_version",
        "版本应为非负整数",
    ),
    case("not-a-mapping", const("- 沈阳市\n- 2024\n"), "- 沈阳市", None, "顶层"),
    case("just-text", const("这是一份会议纪要。\n"), "这是", None, "顶层"),
    case("empty", const(""), "$first", None, "空的"),
    case("only-comments", const("# 年报\n# 草稿\n"), "$first", None, "空的"),
    case("alias", const("meta: &m\n  agency: 甲\noverview: *m\n"), "overview", "overview", "别名"),
    case("two-documents", lambda: SEED + "---\nmeta: {}\n", None, None, "只能有一份"),
    case(
        "python-tag",
        swap("  portal: 某市", "  portal: !!python/name:os.system 某市"),
        None,
        None,
        "“!”",
    ),
    case("number-key", lambda: "1: 一\n", "1: 一", None, "键应为文字"),
    case(
        "control-char", swap("  agency: 某市", "  agency: 某\x07市"), "  agency", None, "控制字符"
    ),
    case("nul-bytes", const(b"schema_version: 1\n\x00\x00\x00"), "\x00", None, "二进制"),
    case(
        "random-bytes",
        const(random.Random(7).randbytes(400).replace(b"\0", b"\1")),
        None,
        None,
        "UTF-8",
    ),
    case("gbk", const("meta:\n  agency: 沈阳市外事办公室\n".encode("gbk")), None, None, "GBK"),
    case(
        "v0-error-at-old-name",
        swap("    partly: {natural: 2", "    partly: {natural: -2", OLD),
        "    partly",
        "table3.results.partly.natural",
        "不能小于 0",
    ),
    case(
        "v0-skipped-not-a-list",
        swap("skipped:\n- other.work_points", "skipped: 7", OLD),
        "skipped",
        "skipped",
        "应为列表",
    ),
]


def _line(content: str | bytes, marker: str | None) -> int | None:
    text = content if isinstance(content, str) else content.decode("utf-8", errors="replace")
    if marker is None:
        return None
    if marker == "$first":
        return 1
    if marker == "$last":
        return text.count("\n") + (0 if text.endswith("\n") else 1)
    return text[: text.index(marker)].count("\n") + 1


@pytest.mark.parametrize(("content", "marker", "field", "words"), CASES)
def test_broken_file_is_reported_precisely_and_left_untouched(
    tmp_path: Path,
    content: Callable[[], str | bytes],
    marker: str | None,
    field: str | None,
    words: str,
) -> None:
    data = content()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path = tmp_path / "草稿.nianbao.yaml"
    path.write_bytes(raw)
    with pytest.raises(DraftLoadError) as caught:
        load_draft(path)
    error = caught.value
    assert words in error.detail
    assert error.field == field
    line = _line(data, marker)
    if line is not None:
        assert error.line == line
    where = f"{path}:{error.line}" if error.line is not None else str(path)
    assert str(error) == (f"{where}: {field}: " if field else f"{where}: ") + error.detail
    assert path.read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DraftLoadError, match="文件不存在"):
        load_draft(tmp_path / "没有.nianbao.yaml")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_draft(tmp_path: Path) -> None:
    with pytest.raises(DraftLoadError, match="文件夹"):
        load_draft(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.nianbao.yaml"
    path.write_text(GOOD, encoding="utf-8")

    real_open = os.open

    def denied(target: object, *args: Any, **kwargs: Any) -> int:
        if str(target) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(DraftLoadError, match="没有读取这个文件的权限"):
        load_draft(path)


def _saved_twice(folder: Path) -> Path:
    path = folder / "年报.nianbao.yaml"
    draft = load_draft(FIXTURES / "v1-complete.nianbao.yaml")
    save_draft(draft, path)
    save_draft(draft, path)
    return path


def test_the_backup_is_offered_when_the_draft_is_broken(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    path.write_text(GOOD[:500], encoding="utf-8")
    with pytest.raises(DraftLoadError, match="截断") as caught:
        load_draft(path)
    assert f"上一次保存的备份 {path.name}.bak 可以打开" in str(caught.value)
    assert files.available_backup(path) == backup_path(path)


def test_the_backup_is_offered_when_the_draft_is_gone(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    path.unlink()
    with pytest.raises(DraftLoadError, match=r"文件不存在；上一次保存的备份 .*\.bak 可以打开"):
        load_draft(path)


def test_a_broken_backup_is_not_offered(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    path.write_text("{", encoding="utf-8")
    backup_path(path).write_text("[", encoding="utf-8")
    with pytest.raises(DraftLoadError) as caught:
        load_draft(path)
    assert "备份" not in str(caught.value)
    assert files.available_backup(path) is None


# ---------------------------------------------------------------- migrations


def test_every_older_version_has_a_fixture_and_a_step() -> None:
    assert [m.source for m in MIGRATIONS] == list(range(SCHEMA_VERSION))
    for version in range(SCHEMA_VERSION):
        assert list(FIXTURES.glob(f"v{version}-*.nianbao.yaml")), f"no fixture of version {version}"


def test_version_0_file_loads_through_the_migration() -> None:
    draft = load_draft(FIXTURES / "v0-full.nianbao.yaml")
    assert draft.schema_version == SCHEMA_VERSION
    assert draft.table3.outcomes["disclosed"].natural == 8
    assert draft.table3.outcomes["not_processed_repeat"].business == 1
    assert draft.table3.outcomes["withheld_secret"].natural is None
    assert draft.interview.answers == {"t3_any": True, "t4_any": True}
    assert draft.interview.skipped == ["other.work_points"]
    assert draft.meta.contact_lines == ["地址：某县府前街8号", "电话：0411-87654321"]
    assert str(draft.table2.fees) == "96171.6"


def test_version_1_bookkeeping_becomes_typed_fields() -> None:
    draft = load_draft(FIXTURES / "v1-bookkeeping.nianbao.yaml")
    paths = [f"table2.regulations.{c}" for c in ("issued", "repealed", "in_force")]
    assert draft.interview.zeroed == paths
    assert draft.interview.kept == {"table2.regulations.issued": 3}
    assert not [key for key in draft.interview.answers if key.startswith("_")]
    text = dump_draft(draft)
    assert "_zeroed" not in text and "_kept" not in text


def test_a_file_without_version_is_version_0() -> None:
    draft = load_draft(FIXTURES / "v0-minimal.nianbao.yaml")
    assert draft.meta.agency == "某区司法局"
    assert draft.table3.outcomes["disclosed"].natural == 1


def test_saving_a_migrated_draft_writes_today_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "旧.nianbao.yaml"
    path.write_text(OLD, encoding="utf-8")
    draft = load_draft(path)
    save_draft(draft, path)
    assert f"schema_version: {SCHEMA_VERSION}" in path.read_text(encoding="utf-8")
    assert "results:" not in path.read_text(encoding="utf-8")
    assert backup_path(path).read_text(encoding="utf-8") == OLD
    assert load_draft(path) == draft


def test_migration_leaves_what_it_does_not_know() -> None:
    data = {"table3": {"results": {}, "outcomes": {}}, "meta": {"contact": 5}}
    migrated = migrate(data, 0)
    assert migrated["table3"] == {"results": {}, "outcomes": {}}
    assert migrated["meta"] == {"contact": 5}
    assert migrated["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("loc", "old"),
    [
        (("table3", "outcomes", "partly", "natural"), ("table3", "results", "partly", "natural")),
        (("interview", "skipped", 0), ("skipped", 0)),
        (("interview", "answers", "q"), ("answers", "q")),
        (("meta", "contact_lines", 1), ("meta", "contact", 1)),
        (("meta", "agency"), ("meta", "agency")),
    ],
)
def test_errors_point_at_the_old_names(loc: tuple[str | int, ...], old: tuple[object, ...]) -> None:
    assert loc_in_file(loc, 0) == old
    assert loc_in_file(loc, SCHEMA_VERSION) == loc
