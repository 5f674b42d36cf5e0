"""Gold annotations in the JSON format of the hand-annotated seeds (one file per document,
same stem), and the normalisation both sides go through before comparing."""
from __future__ import annotations

import json
from pathlib import Path

import regex

_PUNCT = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?",
                        "％": "%", "．": ".", "、": ","})


def norm(text: str | None) -> str:
    """Strip whitespace (newlines, spaces, U+3000) and unify full- and half-width punctuation."""
    if not text:
        return ""
    return regex.sub(r"\s+", "", text.replace("\u3000", "")).translate(_PUNCT)


def load_gold(folder: Path | str) -> dict[str, dict]:
    """Gold files by document id (file stem)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: gold folder not found")
    out = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not valid JSON: {exc}") from None
        out[Path(data.get("doc", path.stem)).stem] = data
    if not out:
        raise FileNotFoundError(f"{folder}: no gold *.json files")
    return out
