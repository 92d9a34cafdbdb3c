"""One line of ``nianbao doctor``'s report, shared by the checks and the console probes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Status = Literal["正常", "建议", "问题"]

SERVE_HINT: Final = "建议使用 Windows Terminal 或浏览器模式 nianbao serve"


@dataclass(frozen=True)
class Line:
    """One finding: what was checked, what was found, what to do."""

    status: Status
    topic: str
    found: str
    advice: str = ""

    def render(self) -> str:
        text = f"[{self.status}] {self.topic}：{self.found}"
        return text + (f"\n       {self.advice}" if self.advice else "")
