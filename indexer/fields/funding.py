"""Funding: split funding statements into one entry per (funder, award).

Statements come from funding fields (基金, 基金项目, Fund ...) or are found at the end of
an abstract or note ("基金项目：…", "Supported by …", "This work was funded by …").
"""
from __future__ import annotations

import re

from .funders import normalise_funder

# A grant number: letters/digits with at least four digits, e.g. 81702662, 2017YFA8867075,
# LY18E907663, BK20206990, 2016M068436, KYCX19_1158; Chinese programmes also write lower-case
# letters, "&" and a bracketed number inside one: 2019kfyXJJS001, cstc2019jcyj-msxmX0001,
# 21&ZD001 (National Social Science Fund major projects), CX(19)3001.  ("No81702662" is not one.)
_AWARD = re.compile(r"(?<![A-Za-z0-9&])(?!No\d)(?:[A-Za-z]{1,8}(?:[-/]|\(\d{1,4}\))?)?\d[0-9A-Za-z]*"
                    r"(?:(?:[-/_&]|\(\d{1,4}\))[0-9A-Za-z]+)*(?![A-Za-z0-9])")

# Words around grant numbers that are not part of the funder's name.
_NOISE = re.compile(
    r"(?:\b(?:grant|grants|project|projects|contract|award)\s+(?:nos?|numbers?|#)\.?"
    r"|\bnos?\.|\bnumbers?\b|\bgrant\b\.?|\bunder\b|批准号|项目编号|编号|资助号|合同号|No\s*[:：]"
    r"|\bnos?\s*[:：])", re.IGNORECASE)
_EDGE = re.compile(r"^[\s,，;；、:：.。()（）\[\]【】]+|[\s,，;；、:：.。()（）\[\]【】]+$")
_LEADING_WORDS = re.compile(r"^(?:(?:and|the|by|from|of|with|as well as|也|和|及|与|以及)\s*)+", re.IGNORECASE)
_TRAILING_WORDS = re.compile(r"\s*(?:\b(?:and|the)\b|和|及|与|以及)$", re.IGNORECASE)

# Where a funding statement starts inside an abstract or note.  A label ("基金项目：",
# "Funding:") may follow any space or bracket; a sentence ("Supported by …", "本研究由…资助。")
# only starts one at the start of a sentence, capitalised, so that content naming a funder
# ("500 projects supported by the National …") stays content.
_LABEL_START = r"(?:^|(?<=[\s。.;；!！?？)）]))"
_SENTENCE_START = r"(?:^|(?<=[。.;；!！?？\n])|(?<=[。.;；!！?？]\s))(?=(?-i:[A-Z\u4e00-\u9fff]))"
_STATEMENT_START = re.compile(
    _LABEL_START
    + r"(?:(?:基金项目|基金资助|资助项目|项目基金|基金)\s*[:：]"
    r"|Funding\s*[:：]|Fund(?:s|ed)?\s*[:：]|Foundation items?\s*[:：]|Grants?\s*[:：])"
    r"|" + _SENTENCE_START
    + r"(?:(?:This|The)\s+(?:work|study|research|project|paper|article)\s+(?:was|is|has been)\s+"
    r"(?:(?:partly|partially|financially|jointly)\s+|in part\s+)?(?:supported|funded|financed|sponsored)\s+"
    r"(?:in part\s+)?by"
    r"|(?:Supported|Funded|Financed|Sponsored)\s+(?:in part\s+)?by"
    # "本研究由国家自然科学基金（81702662）资助。": only as the text's last sentence
    r"|本(?:研究|工作|文|课题|论文)(?:得到了?|受到了?|受|由|获得了?)(?=[^。]*(?:资助|支持)[。.]?\s*$))",
    re.IGNORECASE)
# Where one sentence of a statement ends and the next begins ("…Fund. Results show …"); not
# after an initial or abbreviation ("Susan G. Komen", "No. 81702662", "Inc. ").
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)）]{3}[.!?])\s+(?=[A-Z])|(?<=[。！？])(?=\S)")
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
    text = whole = _NOISE.sub(" ", text)
    prev = None
    while prev != text:
        prev = text
        text = _EDGE.sub("", text)
        text = _LEADING_WORDS.sub("", text)
        text = _TRAILING_WORDS.sub("", text)
    text = _close_brackets(text, whole[whole.find(text) + len(text):])
    text = re.sub(r"\s+", " ", text).strip()
    # Web of Science writes a funder as written and then its own name for it, glued; when
    # the two are the same, once ("… of Jiangsu ProvinceNatural Science Foundation of …")
    doubled = re.fullmatch(r"(.{8,}?) ?\1", text)
    return doubled.group(1) if doubled else text


_CLOSING = {"(": ")", "（": "）", "[": "]", "【": "】"}


def _close_brackets(text: str, stripped: str) -> str:
    """Give back the closing bracket the edge strip took from a bracket the funder's name
    opens: "国家高技术研究发展计划（863计划）", "… Sciences (NIGMS)".

    >>> _close_brackets("计划（863计划", "）（")
    '计划（863计划）'
    >>> _close_brackets("Fund (NSFC", " [")
    'Fund (NSFC'
    """
    closing = _CLOSING.get(next((c for c in reversed(text) if c in _CLOSING or c in _CLOSING.values()), ""))
    if closing and stripped.lstrip().startswith(closing):
        return text + closing
    return text


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
    grant: MEDLINE GR, PubMed XML Grant), the funder normalised.

    >>> e = funding_entry("Susan G. Komen Scholar awardsSusan G. Komen Breast Cancer Foundation", None)
    >>> e["funder"], e["funder_original"]
    ('Susan G. Komen Breast Cancer Foundation', 'Susan G. Komen Scholar awards')
    """
    name, funder_id = normalise_funder(funder_original)
    written, own_name = _unglue(funder_original)
    if own_name and funder_id is None and name == funder_original:
        name = own_name  # a funder we do not know: Web of Science's name for it
    return {"funder": name, "funder_original": written, "funder_id": funder_id, "award": award or None}


# Web of Science glues its own names for a funder to the name as written, with no space
# ("Susan G. Komen Scholar awardsSusan G. Komen Breast Cancer Foundation", "NIH/NIGMSUnited
# States Department of …"): a word of three lower-case letters or an acronym, then a
# capitalised word.  ("MacArthur", "GlaxoSmithKline" are no glue.)
_GLUE = re.compile(r"(?<=[a-z]{3}|[A-Z]{3})(?=[A-Z][a-z]+\s)")


def _unglue(text: str) -> tuple[str, str | None]:
    """(the funder as written, Web of Science's last name for it) when they are glued."""
    parts = _GLUE.split(text)
    written, own = parts[0], parts[-1]
    if len(parts) < 2 or not (" " in written or re.fullmatch(r"[A-Z/&-]+", written)) or " " not in own:
        return text, None
    return written, own


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
    >>> split_funding_statement("We analysed 500 projects supported by the National Natural Science Foundation of China.")[1]
    >>> split_funding_statement("疗效确切。本研究由国家自然科学基金（81702662）资助。")
    ('疗效确切。', '本研究由国家自然科学基金（81702662）资助。')
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
        rest = ""
        if declaration:
            rest = statement[declaration.end():].strip()
            statement = statement[:declaration.start()]
        if not _only_funding(statement):
            continue
        if rest:
            gap = "" if re.match(r"[\u3000-\u9fff\uff00-\uffef]", (content[-1:] or "。")) else " "
            content = f"{content}{gap}{rest}" if content else rest
        return content, statement.strip()
    return text, None


def _only_funding(statement: str) -> bool:
    """Whether every sentence after a statement's first names a grant number or is a
    statement itself: content after it ("… Foundation show more patents. Output rose.") means
    the text is no funding statement, and stays whole.

    >>> _only_funding("Supported by the X Fund (No. 81702662). Y was funded by grant 2016M068436.")
    True
    >>> _only_funding("Supported by the X Fund, output per grant rose. Funding rates fell.")
    False
    """
    return all(_STATEMENT_START.match(s) or any(_is_award(a.group(0)) for a in _AWARD.finditer(s))
               for s in _SENTENCE_BREAK.split(statement)[1:] if s.strip())


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
