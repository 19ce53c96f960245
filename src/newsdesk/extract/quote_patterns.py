"""Word lists and patterns of the extract stage, kept as data apart from the code using them.

Abbreviations guard sentence splitting; titles and roles feed name canonicalisation and
speaker resolution; cue verbs and phrases drive quote attribution.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text`` as a set (lists read as prose)."""
    return frozenset(text.split())


# A period after these never ends a sentence when the next word follows (case-folded,
# without the final period).
NON_FINAL_ABBREVIATIONS: frozenset[str] = _words(
    """
    mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt sgt cmdr adm brig cpl pvt
    sen sens rep reps gov govs atty supt insp amb pres rev fr hon ste mt ft
    cf vs approx dept
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# A period after these ends no sentence when a number follows ("No. 5", "Art. 5").
NUMBER_ABBREVIATIONS: frozenset[str] = _words(
    """
    no nos vol vols art arts sec ch fig figs pp p op tel ph
    """
)

# These may end a sentence ("... in the U.S. The talks ..."), so a period after them is a
# boundary only when a typical sentence opener follows.
AMBIGUOUS_ABBREVIATIONS: frozenset[str] = _words(
    """
    u.s u.k u.n e.u u.s.a d.c a.m p.m inc co corp ltd jr sr bros etc al
    """
)

# Words that usually open a sentence; used after an ambiguous abbreviation.
SENTENCE_OPENERS: frozenset[str] = _words(
    """
    the a an he she it they we i you his her its their our this that these those there
    in on at but and or so yet for if when while after before as since although though
    however meanwhile also still then now today yesterday earlier later last next
    asked speaking according one two some many most many both neither nor what who how why
    """
)
