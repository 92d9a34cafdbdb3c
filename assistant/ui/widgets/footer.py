"""textual's Footer, rebuilt only when what it shows changes, and without keeping old keys alive."""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The key bar at the bottom.

    textual's Footer rebuilds all its keys each time the active bindings may have changed: after
    every focus change, editor switch or save, several times per answer (seven times when a
    multi-line question comes up), mostly to show the same keys again. This one skips a rebuild
    that would show what is already shown.

    It also forgets the keys a rebuild replaced. Each key binds ``compact`` to the footer, which
    stores a watcher on the footer; textual drops a removed key's watcher only when ``compact``
    changes, which it never does here (textual 8.2.8; Textualize/textual#6666), so every old key
    stayed alive with its styles and caches: some 2,000 objects per answer.
    """

    ROOMY = 100
    """From this width on the keys get their padding; below it they are packed (compact)."""
    PALETTE = 72
    """Below this width the ^p 命令 key is left out: it sat over the keys that overflow."""

    _shown: object = None
    """What the keys were last built from (see :meth:`_showing`)."""

    def _showing(self) -> object:
        """Everything ``compose`` reads: the active bindings, their state, the footer's options."""
        bindings = tuple(
            (b.key, b.action, b.description, b.show, b.group, b.tooltip, enabled, tooltip)
            for _, b, enabled, tooltip in self.screen.active_bindings.values()
        )
        return bindings, self.show_command_palette, self.combine_groups, self._bindings_ready

    def on_resize(self) -> None:
        width = self.size.width
        self.compact = width < self.ROOMY
        self.show_command_palette = width >= self.PALETTE

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return
        showing = self._showing()
        if showing == self._shown:
            return
        await super().recompose()
        self._shown = showing
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        bound = watchers.get("compact")
        if bound:
            # The rule textual applies itself when the value changes: closed widgets go.
            bound[:] = [(n, call) for n, call in bound if not getattr(n, "_closing", False)]
