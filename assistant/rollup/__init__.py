"""Roll-up (汇总): a government's office collects its units' reports and builds its own.

- ``roster``: the units expected (pure model); ``roster_file`` reads and writes it; ``building``
  makes one from last year's submissions.
- ``names``: which unit a printed name belongs to (pure; meant to be shared with the audit).
- ``sums``: the units' tables summed with per-cell provenance into the government's draft (pure).
- ``provenance``: the lines the interview and the renderer show about a roll-up draft (pure).
- ``collect``: reading one submission (a draft, or a published report through the readers).
- ``engine``: matching, per-unit status, and the run; ``report``: text, JSON and the HTML page.
"""
