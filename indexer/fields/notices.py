"""Copyright notices: the publisher's line that Scopus, Web of Science and others append to an
abstract (``© 2016 Taylor & Francis.``, ``(C) 2009 Elsevier Inc. All rights reserved.``,
``Copyright © 2010 by Lippincott Williams & Wilkins.``), and the notice a database closes each
abstract with (PsycINFO's, ProQuest's), is no part of it.  It is moved to ``extra.copyright``,
as PubMed's own copyright line is.
"""
from __future__ import annotations

import re

# Where a notice starts: after a sentence's end, a copyright mark (©, (c), "Copyright", "Crown
# Copyright") with a year, "the author(s)" or "rights reserved" within the next 80 characters
# (the holder's name may come first), or with nothing after it (the notice cut off); or, the
# mark lost in the export, a year, the holder and "All rights reserved"; or "Published by …".
_NOTICE = re.compile(
    r"(?:^|(?<=[.!?。)\]])\s*)"
    r"(?P<notice>(?:Crown\s+)?(?:(?:©|\([cC]\)|\b[Cc]opyright\b|\bCOPYRIGHT\b)\s*)+"
    r"(?=[^.]{0,80}?(?:\b(?:19|20)\d{2}\b|\b[Aa]uthors?\b|\b[Aa]uthor\(s\)|rights reserved)|$)"
    r"|(?:19|20)\d{2}\s+[A-Z][^.]{0,60}(?:\.\s*[^.]{0,60})?\.\s*All rights reserved\.?\s*$"
    r"|Published by [A-Z][\w&.,' -]{0,60}\.?\s*$)")
# A database's own notice, closing every abstract it holds: PsycINFO's "(PsycINFO Database
# Record (c) 2016 APA, all rights reserved)" (older exports space it: "( PsycINFO Database
# Record ( c) 2002 APA, …)"), and ProQuest's after a dissertation's abstract (ERIC, PubMed):
# "[The dissertation citations contained here are published with the permission of ProQuest
# LLC. Further reproduction is prohibited without permission. Copies of dissertations may be
# obtained by …]".  Their wording is fixed: no test of what the sentences after the first say.
_DATABASE_NOTICE = re.compile(
    r"(?:^|\s+)(?P<notice>\(\s*PsycINFO Database Record\s*\(\s*c\s*\)[^()]{0,80}\)"
    r"|\[\s*The dissertation citations contained here are published with the permission of ProQuest"
    r"[^\[\]]{0,400}\])[.\s]*$", re.IGNORECASE)
# What every notice holds: a cheap test before the full pattern (substrings: a regex of them
# takes five times as long on an abstract).
_MARKS = ("©", "(c)", "(C)", "opyright", "OPYRIGHT", "rights reserved", "Published by", "ProQuest")
# The longest a notice runs (an open-access licence line with its URL included).
MAX_NOTICE = 400


def split_copyright(text: str) -> tuple[str, str | None]:
    """``text`` less the copyright notice it ends with, and the notice (None when none).

    >>> split_copyright("It is integral to oncology. © 2016 Buchanan, Rahm and Williams.")
    ('It is integral to oncology.', '© 2016 Buchanan, Rahm and Williams.')
    >>> split_copyright("Tethering may result in CHF. 2020 Elsevier B.V. All rights reserved.")
    ('Tethering may result in CHF.', '2020 Elsevier B.V. All rights reserved.')
    >>> split_copyright("Copyright law changed in 1998. We review it.")
    ('Copyright law changed in 1998. We review it.', None)
    >>> split_copyright("Patients improved. (C) 2010 guidelines were followed. We then compared outcomes "
    ...                 "across all centres in the region.")[1] is None
    True
    >>> split_copyright("We studied things. ( PsycINFO Database Record ( c) 2002 APA, all rights reserved)")
    ('We studied things.', '( PsycINFO Database Record ( c) 2002 APA, all rights reserved)')
    >>> split_copyright("We found it. © 2016 Wiley. (PsycINFO Database Record (c) 2016 APA, all rights reserved)")
    ('We found it.', '© 2016 Wiley. (PsycINFO Database Record (c) 2016 APA, all rights reserved)')
    """
    if not any(mark in text for mark in _MARKS):  # (most abstracts)
        return text, None
    database = _DATABASE_NOTICE.search(text)
    if database:   # and a publisher's notice before it, if any
        text, notice = split_copyright(text[:database.start()].rstrip())
        return text, " ".join(n for n in (notice, database.group("notice").strip()) if n)
    for m in _NOTICE.finditer(text):
        notice = text[m.start("notice"):].strip()
        if m.start("notice") and len(notice) <= MAX_NOTICE and _is_notice(notice):
            return text[:m.start()].rstrip(), notice
    return text, None


def is_notice(text: str) -> bool:
    """Whether ``text`` is a copyright notice and nothing else (a line of a page by itself).

    >>> is_notice("Copyright (c) 2021 by the authors; licensee MDPI, Basel, Switzerland. All rights reserved.")
    True
    >>> is_notice("We review how the copyright law of 1998 changed publishing.")
    False
    """
    text = text.strip()
    if _DATABASE_NOTICE.match(text):
        return True
    m = _NOTICE.match(text)
    return bool(m and any(mark in text for mark in _MARKS) and len(text) <= MAX_NOTICE and _is_notice(text))


# What a notice whose mark was lost says: PubMed shows its CI field as written, often without a
# mark ("Thieme. All rights reserved.", "… This is an open access article published by Thieme
# under the terms of the Creative Commons Attribution License …", "The Author(s) 2021.").
_UNMARKED = re.compile(r"^(?:The Author\(s\)|Published by\b|[^.!?]{2,150}\.\s+(?:All rights reserved\b|"
                       r"This is an open[- ]access article\b))", re.IGNORECASE)


def is_unmarked_notice(text: str) -> bool:
    """Whether a paragraph on its own is a copyright notice that lost its mark (or never had
    one): the holder, then what a notice says.

    >>> is_unmarked_notice("Thieme. All rights reserved.")
    True
    >>> is_unmarked_notice("Federação Brasileira de Ginecologia e Obstetrícia. This is an open access article "
    ...                    "published by Thieme under the terms of the Creative Commons Attribution License.")
    True
    >>> is_unmarked_notice("We reviewed 40 trials. The open access article model was compared with subscriptions "
    ...                    "in every one of the journals that took part in this study of ours.")
    False
    """
    text = text.strip()
    return len(text) <= MAX_NOTICE and bool(_UNMARKED.search(text)) and _is_notice(text)


# What the sentences of a notice after its first say: rights, publisher, licence, permissions.
_NOTICE_WORDS = re.compile(r"rights|reserved|publish|licen[cs]|open access|creative commons|permission|reprint"
                           r"|distribut|terms|copyright", re.IGNORECASE)


def _is_notice(notice: str) -> bool:
    """A notice names its holder in a sentence, then says no more than a notice says (rights,
    publisher, licence) in short sentences: not an abstract's sentences after a stray "(C) 2010"."""
    first, *rest = re.split(r"(?<=[.!?])\s+", notice)
    return len(first.split()) <= 25 and all(len(s.split()) <= 8 or _NOTICE_WORDS.search(s) for s in rest)
