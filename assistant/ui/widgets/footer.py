"""textual's Footer, without keeping every key it ever showed alive."""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """The key bar at the bottom; forgets the keys a recompose replaced.

    textual's Footer rebuilds its keys whenever the active bindings change (a few times per
    answer), and each key binds ``compact`` to the footer, which stores a watcher on the footer.
    textual drops a removed key's watcher only when ``compact`` changes, which it never does here
    (textual 8.2.8; Textualize/textual#6666), so every old key stayed alive with its styles and
    caches: some 2,000 objects per answer, and full garbage collections that grew with them.
    """

    async def recompose(self) -> None:
        await super().recompose()
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, "__watchers", {})
        bound = watchers.get("compact")
        if bound:
            # The rule textual applies itself when the value changes: closed widgets go.
            bound[:] = [(n, call) for n, call in bound if not getattr(n, "_closing", False)]
