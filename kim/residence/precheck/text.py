"""Texts of the engine in German and English, rendered lazily.

Every explanation the engine gives is a *message*: either a constant ``("German", "English")`` tuple (a
compile-time constant, so it costs nothing to "create") or a :class:`T` with a German template, the English
template and the parameters. Nothing is formatted while the rules run; a message is rendered only when somebody
reads it (:func:`render` with ``"de"`` for the contract's JSON, ``"en"`` for the English staff UI), so screening
many persons without showing their texts costs no formatting at all. Messages are joined with :func:`cat` and
:class:`Join`, never with ``+`` (two tuples would silently concatenate into a four-tuple).

Templates use ``str.format`` with positional fields (``{}``, ``{:g}``). Parameters are rendered per language:
dates as ``24.11.2026`` / ``24 Nov 2026``, ``None`` as ``–``, nested texts in the same language; anything else
as it is (numbers, citations, what a user typed).
"""

from __future__ import annotations

from datetime import date

from .dates import fmt as fmt_de

LANGUAGES = ("de", "en")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_en(d: date | None) -> str:
    """English date format (24 Nov 2026)."""
    if d is None:
        return "–"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


_DATES_DE: dict[date, str] = {}
_DATES_EN: dict[date, str] = {}


def _date(value: date, lang: str) -> str:
    cache = _DATES_DE if lang == "de" else _DATES_EN
    hit = cache.get(value)
    if hit is None:
        if len(cache) > 50_000:
            cache.clear()
        hit = cache[value] = fmt_de(value) if lang == "de" else fmt_en(value)
    return hit


def _arg(value: object, lang: str) -> object:
    t = type(value)
    if t is int or t is float or t is str:
        return value
    if t is date:
        return _date(value, lang)
    if value is None:
        return "–"
    if t is tuple:
        return value[0] if lang == "de" else value[1]
    if isinstance(value, T):
        return value.render(lang)
    return value


_RENDER_CACHE_SIZE = 50_000
_RENDERED_DE: dict[tuple, str] = {}
_RENDERED_EN: dict[tuple, str] = {}


def render(msg: tuple[str, str] | T, lang: str = "de") -> str:
    """The message in ``lang`` ("de" or "en")."""
    if type(msg) is tuple:
        return msg[0] if lang == "de" else msg[1]
    return msg.render(lang)


class T:
    """A text in German (``de``) and English (``en``) with positional parameters ``args``.

    Parameters must be hashable (rendered texts are cached per template and parameters); texts compare and hash
    by their rendered content."""

    __slots__ = ("de", "en", "args")

    def __init__(self, de: str, en: str, *args: object) -> None:
        self.de = de
        self.en = en
        self.args = args

    def render(self, lang: str = "de") -> str:
        de = lang == "de"
        template = self.de if de else self.en
        args = self.args
        if not args:
            return template
        # The same text with the same parameters recurs across persons (a decision date, a period of five years,
        # a title basis); the rendered text depends only on the template and the parameters.
        cache = _RENDERED_DE if de else _RENDERED_EN
        key = (template, args)
        hit = cache.get(key)
        if hit is not None:
            return hit
        out = []
        for a in args:  # _arg() inlined for the common types: rendering is on the engine's hot path
            t = type(a)
            if t is date:
                a = (_DATES_DE if de else _DATES_EN).get(a) or _date(a, lang)
            elif t is tuple:
                a = a[0] if de else a[1]
            elif t is T:
                a = a.render(lang) if a.args else (a.de if de else a.en)
            elif t is not int and t is not float and t is not str:
                a = _arg(a, lang)
            out.append(a)
        text = template.format(*out)
        if len(cache) >= _RENDER_CACHE_SIZE:
            cache.clear()
        cache[key] = text
        return text

    def __str__(self) -> str:
        return self.render("de")

    def __repr__(self) -> str:
        return f"T({self.render('de')!r})"

    def __eq__(self, other: object) -> bool:
        """Texts are equal when they are built alike (same class, templates and parameters)."""
        return type(other) is type(self) and self.de == other.de and self.en == other.en and \
            self.args == other.args

    def __hash__(self) -> int:
        return hash((self.de, self.args))


class Join(T):
    """Texts joined by a separator (itself a text or a plain string such as ``"; "``)."""

    __slots__ = ("sep", "parts")

    def __init__(self, sep: tuple | T | str, parts: tuple | list) -> None:
        self.sep = sep
        self.parts = tuple(parts)
        self.de = self.en = "<join>"  # not a template: render() below does the work
        self.args = (sep, *self.parts)

    def render(self, lang: str = "de") -> str:
        sep = self.sep if type(self.sep) is str else render(self.sep, lang)
        return sep.join([render(p, lang) for p in self.parts])


def cat(*parts: tuple | T) -> T:
    """The messages one after the other."""
    return Join("", parts)


EMPTY = ("", "")
