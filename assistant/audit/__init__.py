"""The audit of published reports: each file read and judged as printed, years of one agency
linked so the cross-year rules run. ``nianbao audit`` only formats what this returns.
"""

from __future__ import annotations

from assistant.audit.engine import LINK_RULE, READ_RULE, FileResult, audit, judge, note_findings
from assistant.audit.linking import prior_years

__all__ = [
    "LINK_RULE",
    "READ_RULE",
    "FileResult",
    "audit",
    "judge",
    "note_findings",
    "prior_years",
]
