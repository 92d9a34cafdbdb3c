"""Free text: one line, several short lines, or a narrative (one paragraph per line).

One-line answers refuse line breaks; narratives keep them (each non-empty line is a paragraph).
"""

from __future__ import annotations

import re

from assistant.core.answers.cleaning import (
    _SPACES,
    MAX_NARRATIVE,
    MAX_TEXT,
    AnswerError,
    clean_text,
)


def parse_text(text: str, *, max_length: int = MAX_TEXT) -> str:
    """One line of text, cleaned; refuses empty text and line breaks."""
    cleaned = clean_text(text).strip(_SPACES + "\n")
    if not cleaned:
        raise AnswerError("还没有填写内容，请输入文字。")
    if "\n" in cleaned:
        raise AnswerError("这里只需要填写一行，请去掉换行后重新输入。")
    cleaned = re.sub(r"[ \u3000]{2,}", " ", cleaned)
    if len(cleaned) > max_length:
        raise AnswerError(f"内容过长（{len(cleaned)} 字），这里最多 {max_length} 字，请精简。")
    return cleaned


def parse_narrative(text: str, *, max_length: int = MAX_NARRATIVE) -> str:
    """Several paragraphs (one per non-empty line), cleaned; blank lines and edge spaces dropped."""
    cleaned = clean_text(text)
    lines = [line.strip(_SPACES) for line in cleaned.split("\n")]
    body = "\n".join(line for line in lines if line)
    if not body:
        raise AnswerError("还没有填写内容。请输入文字，每段一行。")
    if len(body) > max_length:
        raise AnswerError(
            f"内容过长（{len(body)} 字），这一部分最多 {max_length} 字。"
            "请精简，或只保留本部分的内容。"
        )
    return body


def parse_lines(text: str, *, max_length: int = MAX_TEXT) -> list[str]:
    """Several short lines (a contact address, a phone number), one per line."""
    cleaned = clean_text(text)
    lines = [line.strip(_SPACES) for line in cleaned.split("\n")]
    result = [line for line in lines if line]
    if not result:
        raise AnswerError("还没有填写内容。请每行输入一项，例如“联系电话：024-12345678”。")
    for line in result:
        if len(line) > max_length:
            raise AnswerError(f"有一行过长（{len(line)} 字），每行最多 {max_length} 字。")
    return result
