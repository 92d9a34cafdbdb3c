"""Typed text → values, with a Chinese message for anything that is not an answer.

Every parser takes the raw text an author typed or pasted and returns a clean value, or raises
:class:`AnswerError` whose message says what is wrong and what to type instead. No other
exception escapes (a hypothesis test holds us to it).

- :mod:`.cleaning`: the error, the length limits, and removing escapes and invisible marks;
- :mod:`.numbers`: counts and amounts (any common way of writing a number);
- :mod:`.dates`: report years and sign-off dates;
- :mod:`.choices`: yes/no, "nothing to report", one or several options;
- :mod:`.text`: one line, several short lines, narratives.
"""

from __future__ import annotations

from assistant.core.answers.choices import (
    ChoiceOption,
    format_yesno,
    is_bare_yes_or_no,
    parse_choice,
    parse_multichoice,
    parse_yesno,
    says_nothing,
)
from assistant.core.answers.cleaning import (
    MAX_INPUT,
    MAX_NARRATIVE,
    MAX_TEXT,
    AnswerError,
    clean_text,
)
from assistant.core.answers.dates import format_date, parse_date, parse_year
from assistant.core.answers.numbers import (
    MAX_AMOUNT,
    MAX_COUNT,
    format_amount,
    parse_amount,
    parse_count,
)
from assistant.core.answers.text import parse_lines, parse_narrative, parse_text

__all__ = [
    "MAX_AMOUNT",
    "MAX_COUNT",
    "MAX_INPUT",
    "MAX_NARRATIVE",
    "MAX_TEXT",
    "AnswerError",
    "ChoiceOption",
    "clean_text",
    "format_amount",
    "format_date",
    "format_yesno",
    "is_bare_yes_or_no",
    "parse_amount",
    "parse_choice",
    "parse_count",
    "parse_date",
    "parse_lines",
    "parse_multichoice",
    "parse_narrative",
    "parse_text",
    "parse_year",
    "parse_yesno",
    "says_nothing",
]
