"""Facts for slogans and projects: a quoted expression used by a unit in a document, and a
named project, park or facility with the district it is in."""
from __future__ import annotations

from dataclasses import dataclass

from .facts import Evidence, Organization, Place

# Kinds of quoted expression. Only the first three are slogans (questions 5 and 6 of the
# design); the others stay in the graph with their kind.
SLOGAN_KINDS = ("numbered", "catchphrase", "brand")
OTHER_KINDS = ("emphasis", "honour", "title", "speech")


@dataclass(frozen=True)
class SloganUse:
    """One quoted span: what it says, what kind it is, and its user: the unit whose sentence it
    is in, or the document's own place for the document's own voice (headline, core hint,
    introduction); None with user_rule "unknown" when the text does not say."""

    text: str                       # as written, line breaks removed
    key: str                        # canonical form that identifies the concept
    kind: str
    unit: Place | Organization | None
    evidence: Evidence              # the clause the span stands in
    reason: str = ""                # which classification rule decided the kind
    nested: bool = False            # inside another quoted span
    user_rule: str = "section"      # how the unit was found: section | repeated-passage | sentence |
                                    # area-group | document (the document's own place) | unknown (unit None)
    span: Evidence | None = None    # the quoted span itself, marks included
    original: str = ""              # the span as written when the page is in traditional script


@dataclass(frozen=True)
class ProjectMention:
    """A named project or facility and the district it is in, as one document mentions it."""

    name: str
    key: str
    type: str                       # park, base, centre, platform, hub, port, railway …
    district: Place | None
    unit: Place | Organization | None
    evidence: Evidence              # the clause the name stands in
    span: Evidence | None = None    # the name itself
