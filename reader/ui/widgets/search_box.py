"""SearchBox: the library's query input, which asks for a search once typing pauses."""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

DEBOUNCE = 0.02  # seconds of quiet typing before a search; a search takes 5-30 ms
HINT = '/ search: words  "a phrase"  a AND b  title:word  outlet:name  word~  (? for syntax)'
SEED_HINT = '/ search: zelensky  "root causes"  title:ceasefire  zaporizhya~  (? for syntax)'  # the samples'


class SearchBox(Input):
    """Posts Query after DEBOUNCE seconds without a key; Enter cancels a pending Query."""

    class Query(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, placeholder: str = HINT, **kwargs: object) -> None:
        super().__init__(placeholder=placeholder, **kwargs)  # type: ignore[arg-type]
        self._timer: Timer | None = None

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._cancel()
        self._timer = self.set_timer(DEBOUNCE, lambda: self.post_message(self.Query(event.value)))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._cancel()  # the screen opens the hit on screen; a late Query would replace the list
