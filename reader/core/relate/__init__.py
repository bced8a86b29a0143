"""Relating articles: two cleaned articles -> what they share and where they differ (compare);
a library's articles -> the stories (events) they report (stories).
"""

from typing import TYPE_CHECKING

from reader.core.exports import lazy

__all__ = ["Comparison", "Story", "compare", "group_stories"]
__getattr__ = lazy(globals(), {"Comparison": "reader.core.relate.compare",
                               "compare": "reader.core.relate.compare",
                               "Story": "reader.core.relate.stories",
                               "group_stories": "reader.core.relate.stories"})

if TYPE_CHECKING:
    from reader.core.relate.compare import Comparison, compare
    from reader.core.relate.stories import Story, group_stories
