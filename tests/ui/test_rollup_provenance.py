"""A roll-up draft on the screen: where a cell's number came from is said on its question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilot_helpers import SIZE, answer, interview, make_app, settle
from textual.pilot import Pilot

from assistant import store
from assistant.core.draft import Draft, RollupScope, set_path
from assistant.interview.drafting import shown_provenance
from assistant.rollup.provenance import provenance_line
from assistant.rollup.sums import OWN_CELLS, Tally, cell_values, summary_draft

LICENSING = "table2.licensing"


def summary(seed: Draft) -> Draft:
    """Two units summed; the second left 行政许可 blank, so the sum is asked."""
    tally = Tally()
    tally.add("某某县教育局", cell_values(set_path(seed, LICENSING, 7)), None)
    tally.add("某某县城关镇人民政府", cell_values(set_path(seed, LICENSING, None)), None)
    draft = summary_draft(tally, government="某某县人民政府", year=2024, scope=RollupScope.REGION)
    # 基本信息 answered (the seed's portal, contact and date), so 表二 comes first.
    meta = seed.meta.model_copy(update={"agency": draft.meta.agency, "kind": draft.meta.kind})
    answered = {k: seed.interview.answers[k] for k in ("compose_help", "portal", "contact")}
    answers = {**draft.interview.answers, **answered, "deadline": None}
    interview = draft.interview.model_copy(update={"answers": answers})
    return draft.model_copy(update={"meta": meta, "interview": interview})


async def goto_proactive(pilot: Pilot[Any]) -> None:
    """``/goto 二`` typed over what the input holds: 表二's first open question."""
    await answer(pilot, "/goto 二")
    await settle(pilot)


async def test_the_cells_question_says_where_its_number_came_from(
    draft_path: Path, seed: Draft
) -> None:
    draft = summary(seed)
    store.save_draft(draft, draft_path)
    app = make_app(draft_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = interview(app)
        # 表二 opens on its 规章 gate; "是" opens the 规章 cells.
        await goto_proactive(pilot)
        assert screen.current is not None and screen.current.id == "makes_regulations"
        await answer(pilot, "是")
        await goto_proactive(pilot)
        assert screen.current is not None
        assert screen.current.field == "table2.regulations.issued"
        own = f"此格不汇总：{OWN_CELLS['table2.regulations.issued']}。"
        assert screen.transcript.texts[-1] == shown_provenance(own)
        await answer(pilot, "0")
        for _ in range(2):  # 已废止, 现行有效 (the interview walks on to 总体情况 each time)
            await goto_proactive(pilot)
            await answer(pilot, "0")
        # 行政许可 is summed, but one unit left it blank: asked, saying what is known.
        await goto_proactive(pilot)
        assert screen.current is not None and screen.current.field == LICENSING
        line = provenance_line(draft, LICENSING)
        assert line == (
            "来自 1 个单位：某某县教育局 7；另有 1 个单位此格未填，未计入（已知部分合计 7），"
            "请核对后填写"
        )
        assert screen.transcript.texts[-1] == shown_provenance(line)
