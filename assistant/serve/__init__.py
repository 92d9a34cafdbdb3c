"""``nianbao serve``: the same textual app in a browser, through textual-serve.

Each browser tab runs its own ``nianbao`` process (textual-serve's model), so two tabs on one
draft meet the draft lock exactly like two terminals. Everything the page loads is served from
this machine: an office intranet has no internet, and the page must not wait for a web font.
"""
