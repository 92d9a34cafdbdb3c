"""The command palette (Ctrl+P): the same commands as the input and the footer keys."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assistant.interview.commands import COMMANDS, CommandSpec

NO_MATCH = "没有找到这个命令，按 Enter 列出全部命令和按键"


def _title(spec: CommandSpec) -> str:
    key = f"  {spec.key_label}" if spec.key_label else ""
    return f"/{spec.name}  {spec.summary}{key}"


class NianbaoCommands(Provider):
    """Offers every command the active screen can run."""

    def _available(self) -> list[CommandSpec]:
        return [spec for spec in COMMANDS if hasattr(self.screen, f"action_{spec.action}")]

    async def discover(self) -> Hits:
        for spec in self._available():
            yield DiscoveryHit(_title(spec), partial(self.screen.run_action, spec.action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for spec in self._available():
            title = _title(spec)
            score = matcher.match(title)
            if score > 0:
                found = True
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.screen.run_action, spec.action),
                    text=title,
                )
        if not found:
            # Said in Chinese here, so textual's own English "No matches found" never shows.
            yield Hit(0.01, NO_MATCH, partial(self.screen.run_action, "help"), text=NO_MATCH)
