"""How a fact names its document and shows its quote on the focused pages: the title · date,
a link to the document page at the fact's span, the source when it is a web address, and the
quote inside its sentence. Python functions the templates call (view.templates registers
them): tens of thousands of rows per corpus went through them as Jinja macros, a third of the
time of rendering the pages."""
from __future__ import annotations

from markupsafe import Markup, escape


def cite(row: dict, docs: dict, up: str) -> Markup:
    d = docs.get(row["doc"])
    if not d:
        return Markup("")
    title = escape(d.get("title") or d.get("name") or "")
    parts = ['<span class="doc">']
    if d.get("page"):
        parts += ['<a href="', escape(up), escape(d["page"]), "#f", escape(row["start"]), "-", escape(row["end"]),
                  '">', title, "</a>"]
    else:
        parts.append(title)
    if d.get("date"):
        parts += [" · ", escape(d["date"])]
    if d.get("link"):
        parts += [' · <a class="source" href="', escape(d["link"]), '" rel="noreferrer">source 来源</a>']
    parts.append("</span>")
    return Markup("".join(parts))


def quote(row: dict) -> Markup:
    return Markup(f'<span class="quote">{escape(row.get("before", ""))}<mark>{escape(row.get("quote", ""))}</mark>'
                  f'{escape(row.get("after", ""))}</span>')
