"""The interview screen's parts, one behaviour per module.

``assistant.ui.screens.interview.InterviewScreen`` is assembled from these layers, each built
on the one below: ``base`` (the shared state and widgets), ``saving`` (writing the draft, retry,
save-as), ``checking`` (checks and the preview after each answer), ``asking`` (asking,
answering, the review at the end) and ``actions`` (the keys and slash commands).
"""
