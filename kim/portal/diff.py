"""A word diff of two versions of a German text, for translators: what changed since their translation."""

from __future__ import annotations

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> SafeString:
    """HTML with removed words in ``<del>`` and added words in ``<ins>``; line breaks kept."""
    old_tokens, new_tokens = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])
        if operation == "equal":
            parts.append(escape(added))
            continue
        if removed.strip():
            parts.append(f"<del>{escape(removed)}</del>")
        if added.strip():
            parts.append(f"<ins>{escape(added)}</ins>")
        elif added:
            parts.append(escape(added))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped


def has_changes(old: str, new: str) -> bool:
    return (old or "").split() != (new or "").split()
