"""A newsletter saved from a mail program (.eml) -> its message and the fields its header gives.

A newsletter is an article that came by mail: its subject is the headline, its Date header when it
was published, and its sender the outlet ("Money Stuff <noreply@...>"), or the author and the
outlet when the sender says both ("Heather Cox Richardson from Letters from an American"; "Updates
from The Verge" names the outlet alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.ingest.bylines import is_person
from reader.core.models import ReaderError

# What mail programs put before a subject they forward or answer: "Fwd:", "Re:", "AW:", "TR:".
_REPLY = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_FROM = re.compile(r"^(?P<author>.+?)\s+from\s+(?P<outlet>.+)$")  # Substack's "Name from Newsletter"


@dataclass
class Message:
    """The part of a mail to read (HTML when it has one, else plain text) and its header's fields."""

    body: str
    html: bool
    meta: dict[str, str] = field(default_factory=dict)  # title, date, author, sitename


def read_message(data: bytes) -> Message:
    """A saved e-mail's message; ReaderError with a one-line reason when it holds none."""
    import email
    import email.policy
    from email.utils import parsedate_to_datetime

    try:
        mail = email.message_from_bytes(data, policy=email.policy.default)
        part = mail.get_body(preferencelist=("html", "plain"))
        body = part.get_content() if part is not None else None
        subject, sender, sent = str(mail.get("Subject") or ""), mail.get("From"), mail.get("Date")
    except (ValueError, LookupError, TypeError, AttributeError, KeyError, IndexError):
        raise ReaderError("not an e-mail with a message in it") from None
    if not isinstance(body, str) or not body.strip():
        raise ReaderError("not an e-mail with a message in it (no text or HTML part)")
    meta: dict[str, str] = {}
    if title := " ".join(_REPLY.sub("", subject).split()):
        meta["title"] = title
    try:
        when = parsedate_to_datetime(str(sent)) if sent else None
    except (ValueError, TypeError, IndexError):
        when = None
    if when is not None:
        meta["date"] = when.isoformat()
    name = _sender_name(sender)
    if name and (both := _FROM.match(name)):
        # "Casey Newton from Platformer": an author and the outlet; "Updates from The Verge": the outlet.
        if is_person(both.group("author").strip()):
            meta["author"] = both.group("author").strip()
        meta["sitename"] = both.group("outlet").strip()
    elif name:
        meta["sitename"] = name
    return Message(body, part.get_content_type() == "text/html", meta)


def _sender_name(sender: object) -> str | None:
    """The sender's display name ("Money Stuff" of "Money Stuff <noreply@example.com>"), else
    the domain of the address ("example.com")."""
    addresses = getattr(sender, "addresses", ())
    if not addresses:
        return None
    first = addresses[0]
    name = " ".join(str(first.display_name or "").strip().strip("\"'").split())
    if name:
        return name
    domain = str(first.domain or "").lower()
    return domain or None
