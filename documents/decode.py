"""Bytes to text: BOMs, UTF-8, GB18030/GBK, UTF-16, and a clear refusal for binaries."""
from __future__ import annotations

import codecs

import charset_normalizer
import regex

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings a Chinese government page is realistically written in. Restricting the detector
# to these stops it from reading GBK bytes as, say, cp1252 mojibake.
_CANDIDATES = ["gb18030", "utf_16_le", "utf_16_be", "big5", "utf_8"]


_ESCAPED = regex.compile(r"[\udc80-\udcff]")
_ASCII = bytes(range(128))


class NotTextError(ValueError):
    """The bytes are not text in any encoding we accept."""


# A UTF-8 file with a few damaged bytes (a bad copy, a cut-and-paste) is still UTF-8: up to
# this share of its non-ASCII bytes may be invalid; they become U+FFFD and a warning says so.
# A GBK page read as UTF-8 fails on nearly every non-ASCII byte, far above this.
DAMAGED_UTF8_SHARE = 0.02
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
            "big5-hkscs": "big5hkscs", "unicode": "utf-16"}


def decode_bytes(data: bytes, hint: str | None = None) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings). Raises NotTextError with the reason.

    `hint`: the encoding the file declares (an HTML page's <meta charset>), tried first after
    a byte-order mark and UTF-8, and kept only if it decodes strictly to readable text."""
    if not data:
        raise NotTextError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise NotTextError(f"starts with a {encoding} byte-order mark but does not decode: {exc.reason}")
    found = _utf8(data) or _declared(data, hint) or _damaged_utf8(data)
    if found:
        return found
    utf16 = _sniff_bomless_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = ""
        if _plausibility(text) >= 0.8:
            return _checked(text), utf16, []
    for encoding in ("utf-16-le", "utf-16-be"):
        # Han text in UTF-16 without a BOM has no NUL bytes to sniff, and its low bytes look
        # like control codes; a strict decoding that reads as Chinese settles it.
        if len(data) % 2 == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausibility(text) >= 0.95:
                return _checked(text), encoding, []
    if _looks_binary(data):
        raise NotTextError("binary data (NUL or control bytes), not a text document")
    guesses = []
    match = charset_normalizer.from_bytes(data, cp_isolation=_CANDIDATES).best()
    if match is not None:
        guesses.append((str(match), match.encoding))
    for encoding in ("gb18030", "utf-16-le", "utf-16-be", "big5"):
        try:
            guesses.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if not guesses:
        raise NotTextError("not text in UTF-8, GB18030/GBK, Big5 or UTF-16")
    # The detector is tuned for European text; among its answer and strict decodings, keep
    # the one that reads most like Chinese or ASCII text.
    text, encoding = max(guesses, key=lambda g: _plausibility(g[0]))
    if _plausibility(text) < 0.8:
        raise NotTextError("does not decode to readable text in UTF-8, GB18030/GBK, Big5 or UTF-16")
    return _checked(text), encoding, []


def _utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    try:
        text, warnings = data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if not (exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"):
            return None
        # A download cut inside the last character: keep everything before it.
        text = data[: exc.start].decode("utf-8", "replace")
        warnings = [f"truncated UTF-8: the last {len(data) - exc.start} byte(s) were an incomplete "
                    "character and were dropped"]
    sample = text[:8192]
    if sample.count("\x00") > max(3, 0.01 * len(sample)):
        return None     # valid UTF-8 but NULs: UTF-16 without a byte-order mark, or binary
    return _checked(text), "utf-8", warnings


def _declared(data: bytes, hint: str | None) -> tuple[str, str, list[str]] | None:
    if not hint:
        return None
    encoding = _ALIASES.get(hint.lower(), hint.lower())
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return (_checked(text), encoding, []) if _plausibility(text) >= 0.8 else None


def _damaged_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    text = data.decode("utf-8", "surrogateescape")     # each invalid byte → one lone surrogate
    bad = [m.start() for m in _ESCAPED.finditer(text)]
    non_ascii = len(data.translate(None, _ASCII))    # the bytes left once ASCII is deleted
    if not bad or len(bad) > DAMAGED_UTF8_SHARE * non_ascii:
        return None
    text = _ESCAPED.sub("\ufffd", text)
    if _plausibility(text) < 0.8:
        return None
    return _checked(text), "utf-8", [
        f"damaged UTF-8: {len(bad)} invalid byte(s) replaced by U+FFFD (first at character {bad[0]})"]


def _checked(text: str) -> str:
    # A few control characters (a stray BEL, a form feed) are dirt in a text; a binary file
    # decodes to many.
    if _control_ratio(text) > 0.05 and _control_count(text) >= 8:
        raise NotTextError("binary data: decodes mostly to control characters, not a text document")
    return text


def _plausibility(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    good = sum(1 for ch in sample if ch.isascii() and (ch.isprintable() or ch in "\t\n\r")
               or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
               or ch in "“”‘’…—·")
    return good / len(sample)


def _sniff_bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    # ASCII-heavy UTF-16 has NULs in every other byte; Han text does not, so also accept
    # an even byte count with no NULs only when UTF-16 decoding yields mostly CJK.
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > 0.02 * len(sample)


def _control_count(text: str) -> int:
    return sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(sample)
