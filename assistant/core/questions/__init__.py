"""The interview's questions, as data from ``prompts/*.yaml``, validated and expanded.

Each YAML file is one section (``meta.yaml`` for 基本信息, then one per key of
``format.SECTIONS``) and holds a list of entries. An entry is one question, or, with ``repeat``,
one question per table cell: ``repeat: [outcomes, applicants]`` makes a question for every
outcome row × applicant column, with ``{outcome}``, ``{outcome_label}``, ``{applicant}``,
``{applicant_label}``... substituted in every text. Official labels are never typed in YAML:
texts say ``{label.t3.new}`` or use the repeat variables, and both come from ``format.py``.

This module is pure: it receives already-read YAML (plain data plus line numbers) from
``assistant.promptfiles``, which does the file reading (``promptfiles.load_questions()``).

- :mod:`.model`: ``Question``, ``Kind``, ``Option``, the section keys and titles;
- :mod:`.labels`: the official labels, repeat domains and option lists YAML texts refer to;
- :mod:`.build`: validating and expanding prompts files (``build_questions``).
"""

from __future__ import annotations

from assistant.core.questions.build import PromptFile, RawEntry, build_questions
from assistant.core.questions.labels import DOMAINS, LABELS, OPTION_SOURCES, applicant_title
from assistant.core.questions.model import (
    META,
    META_TITLE,
    SECTION_KEYS,
    Kind,
    Option,
    Question,
    QuestionsError,
    section_title,
)

__all__ = [
    "DOMAINS",
    "LABELS",
    "META",
    "META_TITLE",
    "OPTION_SOURCES",
    "SECTION_KEYS",
    "Kind",
    "Option",
    "PromptFile",
    "Question",
    "QuestionsError",
    "RawEntry",
    "applicant_title",
    "build_questions",
    "section_title",
]
