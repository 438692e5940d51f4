"""Funding: split funding statements into one entry per (funder, award).

Statements come from funding fields (基金, 基金项目, Fund ...) or are found at the end of
an abstract or note ("基金项目：…", "Supported by …", "This work was funded by …").
"""
from __future__ import annotations

import re

from .funders import normalise_funder

# A grant number: letters/digits with at least four digits, e.g. 81702662, 2017YFA8867075,
# LY18E907663, BK20206990, 2016M068436, KYCX19_1158.
_AWARD = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z]{1,6}[-/]?)?\d[0-9A-Z]*(?:[-/_][0-9A-Z]+)*(?![A-Za-z0-9])")

# Words around grant numbers that are not part of the funder's name.
_NOISE = re.compile(
    r"(?:\b(?:grant|grants|project|projects|contract|award)\s+(?:nos?|numbers?|#)\.?"
    r"|\bnos?\.|\bnumbers?\b|\bgrant\b\.?|\bunder\b|批准号|项目编号|编号|资助号|合同号|No\s*[:：]"
    r"|\bnos?\s*[:：])", re.IGNORECASE)
_EDGE = re.compile(r"^[\s,，;；、:：.。()（）\[\]【】]+|[\s,，;；、:：.。()（）\[\]【】]+$")
_LEADING_WORDS = re.compile(r"^(?:(?:and|the|by|from|of|with|as well as|也|和|及|与|以及)\s*)+", re.IGNORECASE)
_TRAILING_WORDS = re.compile(r"\s*(?:\b(?:and|the)\b|和|及|与|以及)$", re.IGNORECASE)

# Where a funding statement starts inside an abstract or note.
_STATEMENT_START = re.compile(
    r"(?:(?<=^)|(?<=[\s。.;；!！?？)）]))"
    r"(?P<intro>(?:基金项目|基金资助|资助项目|项目基金|基金)\s*[:：]"
    r"|(?:This|The)\s+(?:work|study|research|project|paper|article)\s+(?:was|is|has been)\s+"
    r"(?:(?:partly|partially|financially|jointly)\s+|in part\s+)?(?:supported|funded|financed|sponsored)\s+"
    r"(?:in part\s+)?by"
    r"|(?:Supported|Funded|Financed|Sponsored)\s+(?:in part\s+)?by"
    r"|Funding\s*[:：]|Fund(?:s|ed)?\s*[:：]|Foundation items?\s*[:：]|Grants?\s*[:：])",
    re.IGNORECASE)
# A sentence after a funding statement that declares something else (conflicts of interest,
# the funders' role): it is not funding and stays with the text.
_DECLARATION = re.compile(
    r"(?<=[.。;；!！?？])\s*(?=(?:No|The authors?|All authors|Authors?)\s+(?:\w+\s+){0,3}?(?:conflicts?|competing)\b"
    r"|Conflicts? of interests?|Competing interests?|Declarations? of interests?|Disclosures?\b"
    r"|(?:The|Our)\s+(?:funders?|sponsors?|funding (?:sources?|bod(?:y|ies)|agenc(?:y|ies)))\s+(?:had|has|have|played)\s+no\b"
    r"|(?:作者)?声明|利益冲突|所有作者)", re.IGNORECASE)
_FUNDER_WORD = re.compile(r"基金|计划|项目|专项|Foundation|Fund|Program|Council|Grant|Agency|Ministry|"
                          r"Academy|Institute|Trust|Commission|Office|Department|University", re.IGNORECASE)


def _clean_funder(text: str) -> str:
    text = _NOISE.sub(" ", text)
    prev = None
    while prev != text:
        prev = text
        text = _EDGE.sub("", text)
        text = _LEADING_WORDS.sub("", text)
        text = _TRAILING_WORDS.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    # Web of Science writes a funder as written and then its own name for it, glued; when
    # the two are the same, once ("… of Jiangsu ProvinceNatural Science Foundation of …")
    doubled = re.fullmatch(r"(.{8,}?) ?\1", text)
    return doubled.group(1) if doubled else text


def _is_award(token: str) -> bool:
    digits = sum(c.isdigit() for c in token)
    return digits >= 4 and len(token) >= 5 and not re.fullmatch(r"(?:19|20)\d{2}", token)


def parse_funding(statement: str) -> list[dict]:
    """One entry per (funder, award) in a funding statement, funders normalised.

    >>> [(f["funder"], f["award"]) for f in parse_funding("National Natural Science Foundation of China,No.81702662.")]
    [('National Natural Science Foundation of China', '81702662')]
    >>> [(f["funder_original"], f["award"]) for f in parse_funding("国家自然科学基金项目(48288264,75401436)；国家重点研发计划（2016YFE9286178）")]
    [('国家自然科学基金项目', '48288264'), ('国家自然科学基金项目', '75401436'), ('国家重点研发计划', '2016YFE9286178')]
    >>> [(f["funder"], f["award"]) for f in parse_funding("Breast Cancer Research Foundation; NIH/NIGMS [2T32GM008424-21]")]
    [('Breast Cancer Research Foundation', None), ('National Institute of General Medical Sciences', '2T32GM008424-21')]
    >>> [(f["funder_original"], f["award"]) for f in parse_funding("Science Fund of JiangsuScience Fund of Jiangsu [KYCX19_1158]")]
    [('Science Fund of Jiangsu', 'KYCX19_1158')]
    """
    entries: list[dict] = []
    funder_text = ""
    pos = 0
    for m in _AWARD.finditer(statement):
        if not _is_award(m.group(0)):
            continue
        between = _clean_funder(statement[pos:m.start()])
        if between:
            # "Funder A; Funder B [award]" (Web of Science FU): funders before the last one
            # are named without a grant number
            *others, between = [p for p in (_clean_funder(t) for t in re.split("[;；]", between)) if p] or [""]
            entries += [funding_entry(t, None) for t in others]
            funder_text = between
        pos = m.end()
        if funder_text:
            entries.append(funding_entry(funder_text, m.group(0)))
    tail = _clean_funder(statement[pos:])
    if tail and _FUNDER_WORD.search(tail):
        entries.append(funding_entry(tail, None))  # a funder named without a grant number
    elif not entries and funder_text == "" and _clean_funder(statement):
        entries.append(funding_entry(_clean_funder(statement), None))
    return _unique(entries)


def funding_entry(funder_original: str, award: str | None) -> dict:
    """One funding entry from a funder as written and its grant number (a structured
    grant: MEDLINE GR, PubMed XML Grant), the funder normalised."""
    name, funder_id = normalise_funder(funder_original)
    return {"funder": name, "funder_original": funder_original, "funder_id": funder_id, "award": award or None}


def _unique(entries: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in entries:
        key = (e["funder"], e["award"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def split_funding_statement(text: str) -> tuple[str, str | None]:
    """Split text into (content, funding statement) when it ends with a funding statement.

    >>> split_funding_statement("疗效确切. 基金项目：中国博士后科学基金(2017M105219)")
    ('疗效确切.', '基金项目：中国博士后科学基金(2017M105219)')
    >>> split_funding_statement("Effective. FUNDING: Supported by the X Fund. No conflict of interest is declared.")
    ('Effective. No conflict of interest is declared.', 'FUNDING: Supported by the X Fund.')
    >>> split_funding_statement("The results were supported by the data.")
    ('The results were supported by the data.', None)
    """
    for m in _STATEMENT_START.finditer(text):
        statement = text[m.start():]
        body = statement[m.end() - m.start():]
        if not _FUNDER_WORD.search(body) or len(body) > 600:
            continue
        if not (any(_is_award(a.group(0)) for a in _AWARD.finditer(body)) or re.search(
                r"基金|Foundation|Fund\b|Program", body)):
            continue
        content = text[:m.start()].rstrip()
        declaration = _DECLARATION.search(statement, m.end() - m.start())
        if declaration:
            rest = statement[declaration.end():].strip()
            statement = statement[:declaration.start()]
            gap = "" if re.match(r"[\u3000-\u9fff\uff00-\uffef]", (content[-1:] or "。")) else " "
            content = f"{content}{gap}{rest}" if content else rest
        return content, statement.strip()
    return text, None


def statement_body(statement: str) -> str:
    """The statement without its introduction ("基金项目：", "Supported by the").

    >>> statement_body("FUNDING: This research was supported by Peking University Research Fund.")
    'Peking University Research Fund.'
    """
    m = _STATEMENT_START.match(statement)
    while m:  # "FUNDING: This research was supported by ..."
        statement = statement[m.end():].lstrip()
        m = _STATEMENT_START.match(statement)
    return statement
