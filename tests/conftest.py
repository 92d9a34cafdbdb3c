"""Shared fixtures: no test ever touches the real home or the current folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from example import SEED_PATH, load_seed
from hypothesis import settings
from real_env import XDG_FOLDERS

from assistant.core.draft import Draft

# In CI every run explores the same examples (derandomized), so a red CI is reproducible on any
# machine and a green one is not luck; local runs keep exploring new examples and remember
# failures in .hypothesis/.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


SLOW: tuple[str, ...] = (
    "tests/faults/",  # a thousand SIGKILLs
    "tests/test_wheel.py",  # builds and installs the wheel
    "tests/render/test_pdf.py",  # LibreOffice
    "tests/readers/test_reader_roundtrip.py",  # render → import for every format
    "tests/readers/test_reader_robustness.py::test_ten_megabytes",
    "tests/render/test_docx.py::test_any_complete_draft_renders",
    "tests/render/test_docx.py::test_unfinished_drafts_render_when_forced",
    "tests/render/test_render_properties.py",  # hypothesis over every format
    "tests/render/test_docx.py::test_spans_are_merged_cells",
    "tests/render/test_docx.py::test_table_grids_match_the_view",
    "tests/core/test_facts.py::test_computed_totals_satisfy_rules",
    "tests/core/test_checks_tables.py::test_complete_consistent_drafts",
    "tests/readers/test_reader_formats.py::test_pdf_report",
    "tests/test_store_roundtrip.py::test_damaged_drafts_fail_cleanly",
    "tests/test_cli_check_render.py::test_commands_do_not_import_textual",  # subprocesses
    "tests/ui/test_snapshots.py",
    "tests/render/test_text_layout.py::test_table3_numbers_are_right_aligned",
    "tests/render/test_text_layout.py::test_table4_numbers_line_up",
    "tests/render/test_view.py::test_totals_are_computed",
    "tests/test_store_roundtrip.py::test_complete_draft_reads_back_equal",
    "tests/test_store_roundtrip.py::test_any_text_reads_back_exactly",
    "tests/test_store_roundtrip.py::test_any_draft_reads_back_equal",
    "tests/test_store_roundtrip.py::test_interview_answers_keep_their_types",
    "tests/test_store_roundtrip.py::test_save_then_load_from_disk",
    "tests/test_store_lock.py::test_only_one_of_many_simultaneous_sessions",
    "tests/core/test_flow.py::test_answering_one_question_never_changes_another_answer",
    "tests/core/test_checks_tables.py::test_the_same_report_printed_raises_no_hard_rule",
    "tests/core/test_checks_run.py::test_any_draft_is_checked_without_error",
)
"""Tests that take seconds each on the 2-core machines (hypothesis runs, subprocess journeys,
LibreOffice): marked ``slow`` here, by node id, so that ``pytest -m "not slow"`` is the quick
set. The TUI's Pilot journeys are marked in tests/ui/conftest.py; a test can also say
``@pytest.mark.slow`` itself."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def seed_path() -> Path:
    """The example draft's path (read it; copy it to tmp_path before writing)."""
    return SEED_PATH


@pytest.fixture
def seed() -> Draft:
    """The example draft, loaded as the assistant loads it."""
    return load_seed()


@pytest.fixture
def fail_saving_to(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """``fail_saving_to(path)``: from now on, saving a draft to ``path`` fails as a full disk
    does (the file is left as it was); saving anywhere else works."""

    def arm(broken: Path) -> None:
        from assistant import store
        from assistant.errors import SaveError

        real = store.save_draft

        def save(draft: Draft, path: Path) -> None:
            if path == broken:
                raise SaveError(f"草稿未能保存到 {path}：磁盘已满。原文件没有改动。")
            real(draft, path)

        monkeypatch.setattr(store, "save_draft", save)

    return arm


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in XDG_FOLDERS.items():
        monkeypatch.setenv(var, str(home / sub))
    yield home
