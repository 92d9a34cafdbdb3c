"""The interview screen's helpers, one behaviour per module, none built on another.

``assistant.ui.screens.interview.InterviewScreen`` composes the widgets and owns one of each:
``asking`` (the driver's replies shown in the widgets), ``sidebar`` (progress and marks),
``saving`` (writing the draft, retry), ``checking`` (checks and the preview after each answer);
``actions`` holds the keys and the functions they run. A helper is given what it needs (the
screen as its message target and timer owner, the session) and uses only public names.
"""
