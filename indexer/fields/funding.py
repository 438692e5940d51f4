"""Funding: split funding statements into one entry per (funder, award).

Statements come from funding fields (基金, 基金项目, Fund ...) or are found at the end of
an abstract or note ("基金项目：…", "Supported by …", "This work was funded by …").
"""
from __future__ import annotations

import functools
import re

from .funders import ACRONYMS, NIH_INSTITUTE_CODES, is_known_funder, normalise_funder
from .identifiers import NIH_BUDGET_YEAR
from .places import COUNTRIES, LEGAL_FORM, is_place, split_place

# A grant number: letters/digits with at least four digits, e.g. 81702662, 2017YFA8867075,
# LY18E907663, BK20206990, 2016M068436, KYCX19_1158; Chinese programmes also write lower-case
# letters, "&" and a bracketed number inside one: 2019kfyXJJS001, cstc2019jcyj-msxmX0001,
# 21&ZD001 (National Social Science Fund major projects), CX(19)3001.  ("No81702662" is not one.)
# An NIH number may keep its activity code apart ("R01 AI123456", "5 P30 CA047904"; the code
# may be two letters and a digit, "UL1 TR001860", "KL2 TR001874", "DP2 OD123456", or an intramural
# project's ZI and a letter, "ZIA HL006123"): one award;
# a programme's letters may be tied to its number by "_" ("IRT_15R13", the Changjiang team's);
# a UK research council's starts with its board's letters ("MR/N012345/1", "EP/R012345/1");
# a university's own numbers have two groups of letters ("FRF-TP-20-011A1", USTB's).
# Taiwan's ministry writes its acronym into the number: "MOST 108-2314-B-002-123", "NSC 101-2314-B-002-123-MY3".
# A Chinese official document number is a year in brackets and a number: "[2019]1234号".
# An ERC grant is written after its call ("ERC-2017-STG 757588": the call and the grant agreement's number): one.
# A cell line's name is none, nor its tail after a dash ("H1299" of "NCI-H1299"), however many are
# listed before "cells" or "cell line(s)" ("NCI-H460 and NCI-H1299 cells", "A549, HCT116 cells"): each a
# name of letters and digits (a grant's number of digits alone is not read as one, "81702662 and
# HeLa cells"). Nor is a name a grant's: one of five digits in a row ("R01CA123456 and A549 cells"),
# or the first after "grant", its label or both ("grant CA-5678 cells facility", "grant No. CA-5678
# cells", "No.CA-5678 cells", "grant number CA-5678 cells": the label says a number follows, no
# cell line's name; each a fixed-width look-behind). Each name is read whole, once (an
# atomic group): read in parts, a list of such names not before "cells" ("H1N1, H3N2, … viruses")
# took twice as long for each name more.
_CELL_LINE = r"(?=[A-Za-z-]*(?:[A-Za-z]-?\d|\d-?[A-Za-z]))(?![0-9A-Za-z-]*\d{5})(?>[0-9A-Za-z-]+)"
_CELL_LINES = rf"{_CELL_LINE}(?>(?:(?:,\s*|,?\s+and\s+|\s*/\s*){_CELL_LINE})*)\s+[Cc]ell(?:s|\s+lines?)\b"
_GRANT_LABELLED = (r"(?<=[Gg]rant\s)|(?<=[Gg]rants\s)|(?<=\b[Nn]o\.\s)|(?<=\b[Nn]o\.)|(?<=\b[Nn]os\.\s)|(?<=\b[Nn]os\.)"
                   r"|(?<=\bNO\.\s)|(?<=\bNO\.)|(?<=[Gg]rant [Nn]umber\s)|(?<=[Gg]rant [Nn]o\s)")
_AWARD = re.compile(rf"(?:{_GRANT_LABELLED}|(?!{_CELL_LINES}))"
                    r"(?:[\[〔［](?:19|20)\d{2}[\]〕］]\d{1,6}号?"
                    r"|(?<![A-Za-z0-9])ERC-(?:19|20)\d{2}-[A-Za-z]{3} \d{6}(?![A-Za-z0-9])"
                    r"|(?<![A-Za-z0-9&_])(?:(?-i:(?:\d\s?)?(?:[A-Z]\d{2}|[A-Z]{2}\d|ZI[A-Z])) (?=(?-i:[A-Z]{2})\d{6}))?"
                    r"(?!No\d)(?:(?-i:MOST|NSC|NSTC) (?=\d{2,3}-\d{4}-))?(?:[A-Z]{1,4}/(?=[A-Z]))?(?:[A-Z]{2,8}-(?=[A-Z]{1,8}-\d))?(?:[A-Za-z]{1,8}(?:[-/_]|\(\d{1,4}\))?)?\d[0-9A-Za-z]*"
                    r"(?:(?:[-/_&]|\(\d{1,4}\))[0-9A-Za-z]+)*(?![A-Za-z0-9]))")
# A Chinese programme's own prefix glued to its number inside the bracket: "(首发2018-2-4061)",
# part of the number; a document number's issuing office, longer: "(黔科合基础[2019]1234号)".
# ("(编号81702662)", "(批准号…)" are labels, not prefixes.)
_AWARD_PREFIX = re.compile(r"(?<=[(（])[\u4e00-\u9fff]{1,3}$")
_DOCUMENT_PREFIX = re.compile(r"(?<=[(（])[\u4e00-\u9fff]{1,6}$")
_NOT_PREFIX = re.compile(r"号|编|批准|资助|项目")

# An ERC call ("ERC-2017-STG", "ERC-2014-CoG", "ERC-2019-SyG", "ERC-2020-PoC"): the year and the
# kind of grant, the same for every grant of that call; so is any EU framework programme's call,
# its programme, action and year ("H2020-MSCA-ITN-2018", "FP7-PEOPLE-2013-ITN",
# "HORIZON-MSCA-2021-PF-01"; each part after the programme words or a year or a short number:
# "H2020-MSCA-ITN-2018-813545" would end in its grant's)
_EU_CALL = re.compile(r"ERC-(?:19|20)\d{2}-[A-Za-z]{2,5}"
                      r"|(?:H2020|FP7|HORIZON)(?=(?:-[0-9A-Za-z]+)*-(?:19|20)\d{2}(?![0-9A-Za-z]))"
                      r"(?:-(?:[A-Za-z][0-9A-Za-z]*|(?:19|20)\d{2}|\d{1,2}))+")

# ... and a framework programme's call glued by a dash to its grant's number, six digits or more
# ("[H2020-MSCA-ITN-2018-813545]"; an ERC call so glued, "ERC-2017-STG-757588", is read as the ERC's)
_GLUED_CALL = re.compile(rf"(?!ERC-)(?:{_EU_CALL.pattern})-(\d{{6,}})")

# Words around grant numbers that are not part of the funder's name.
_NOISE = re.compile(
    # (Wiley's "Grant/Award Numbers: 81702662, 81872180")
    r"(?:\b(?:grant\s+agreements?|(?:grant\s*/\s*)?award|grant|grants|project|projects|contract)\s+(?:nos?|numbers?|#)\.?"
    # ("grant agreement" and an EU call before the bracketed number, Web of Science's "… under the
    # Marie Sklodowska-Curie grant agreement [H2020-MSCA-ITN-2018 813545]": the call no grant of its own)
    rf"|\bgrant\s+agreements?\b(?=\s*[\[(（【:：#]?\s*(?:(?:{_EU_CALL.pattern})\s*)?$)"
    rf"|(?<=[\[(（【])\s*(?:{_EU_CALL.pattern})(?=\s*$)"
    # ("No." glued to Chinese, "基金No.81672345", "和No.81872123", is a label too)
    # (not the "Grant" of a programme's name, JSPS's "Grant-in-Aid for Scientific Research")
    r"|(?<![A-Za-zＡ-Ｚａ-ｚ])(?:nos?|ｎｏｓ?)[.．]|\bnumbers?\b|\bgrant\b(?!-in-aid)\.?"
    # ("Grants" right before the numbers, "… Council under Grants NSTC 111-…"; not the name's
    # "Research Grants Council", "Grants-in-Aid for Scientific Research")
    r"|\bgrants\b\.?(?=\s*[:：#]?\s*$)"
    # ("under" of "… Fund under grant No. …", not of "ERC under the EU's Horizon 2020 programme")
    r"|\bunder\b(?=\s*(?:$|\d|#|(?:grants?|awards?|contracts?|projects?|agreements?|nos?|numbers?)\b))"
    # (the DFG's "… (DFG, German Research Foundation) - Project-ID 390729940 - SFB 1234")
    r"|\bproject[-\s]?id\b"
    r"|批准号|项目编号|编号|资助号|合同号|No\s*[:：]"
    r"|(?<![A-Za-zＡ-Ｚａ-ｚ])(?:nos?|ｎｏｓ?)\s*[:：])", re.IGNORECASE)
# (a dash only at the end: "Deutsche Forschungsgemeinschaft (DFG, German Research Foundation) - Project number …")
_EDGE = re.compile(r"^[\s,，;；、:：.。．()（）\[\]【】]+|[\s,，;；、:：.。．()（）\[\]【】\-–—]+$")
# ("grants from the National …": the grants are the numbers')
# (whole words: not the "Of" of "Office of Naval Research", the "And" of "Andrew …")
# ("an unrestricted grant from RPB", "a fellowship from the China Scholarship Council")
_LEADING_WORDS = re.compile(r"^(?:(?:(?:and|the|by|(?:an?\s+(?:[\w-]+\s+){0,3}?)?(?:(?:grants?|awards?|funding|funds|support"
                            r"|fellowships?)\s+)?from|of|with|as well as"
                            r"|(?:grants?|awards?)(?=\s+(?-i:[A-Z]{2,6})$)"
                            # (an article before a programme's name: "a Grant-in-Aid for Scientific Research")
                            r"|(?-i:an?)(?=\s+(?-i:[A-Z])))\b"
                            r"|也|和|及|与|以及)\s*)+",
                            re.IGNORECASE)
# What is left of "a grant (2019-01234) from …", "project 2019YFA0905600, …": no funder
_NO_NAME = re.compile(r"(?:grants|awards|projects?|(?-i:an?))", re.IGNORECASE)
# (and what a person's funding was, written small after the funder: "a Wellcome Trust fellowship";
# not a programme's own "… Research Fellowship", nor the "Scholarship" of "China Scholarship Council")
_TRAILING_WORDS = re.compile(r"\s*(?:\b(?:and|the)\b|\band others\b|和|及|与|以及"
                             r"|(?<=\w)\s(?-i:(?:fellow|student|scholar)ships?))$", re.IGNORECASE)

# Where a funding statement starts inside an abstract or note.  A label ("基金项目：",
# "Funding:") may follow any space or bracket; a sentence ("Supported by …", "本研究由…资助。")
# only starts one at the start of a sentence, capitalised, so that content naming a funder
# ("500 projects supported by the National …") stays content.
_LABEL_START = r"(?:^|(?<=[\s。.;；!！?？)）]))"
_SENTENCE_START = r"(?:^|(?<=[。.;；!！?？\n])|(?<=[。.;；!！?？]\s))(?=(?-i:[A-Z\u4e00-\u9fff]))"
_STATEMENT_START = re.compile(
    _LABEL_START
    + r"(?P<label>(?:基金项目|基金资助|资助项目|项目基金|基金)\s*[:：]"
    r"|[\[【]\s*(?:基金项目|基金资助|资助项目|项目基金|基金)\s*[\]】]\s*[:：]?"  # "[基金项目]", "【基金】"
    r"|Funding\s*[:：]|Fund(?:s|ed)?\s*[:：]|Foundation items?\s*[:：]|Grants?\s*[:：])"
    r"|" + _SENTENCE_START
    + r"(?:(?:This|The)\s+(?:work|study|research|project|paper|article)\s+(?:(?:was|is|has been)\s+(?:also\s+)?"
    r"(?:(?:partly|partially|financially|jointly)\s+|in part\s+)?(?:supported|funded|financed|sponsored)\s+"
    r"(?:in part\s+)?by"
    # the EU's own wording ("This project has received funding from the European Research Council
    # (ERC) under the European Union's Horizon 2020 …"), and "This study received support from"
    r"|(?:has\s+)?(?:also\s+)?received\s+(?:(?:financial|partial)\s+)?(?:funding|support)\s+from)"
    r"|(?:Funding|Financial\s+support)\s+(?:for\s+(?:this|the)\s+(?:work|study|research|project)\s+)?"
    r"(?:was|is|has been)\s+provided\s+by"
    r"|(?:Supported|Funded|Financed|Sponsored)\s+(?:in part\s+)?by"
    # the authors acknowledging the paper's funding ("The authors acknowledge funding from the NSFC
    # (81702662)."): the authors or "we" its subject, as the work is above; a person's funding in a
    # declaration ("X has received funding from Pfizer for consulting") opens none, and a statement
    # still needs a funder with a number or a fund (_names_funding)
    r"|(?P<acknowledged>(?:(?:The|All)\s+authors?|The\s+author\(s\)|We)\s+(?:would\s+(?:also\s+)?like\s+to\s+|wish\s+to\s+)?(?:also\s+)?"
    r"(?:gratefully\s+)?acknowledges?\s+(?:the\s+)?(?:(?:generous|financial|partial)\s+)?(?:funding|support)"
    r"\s+(?:provided\s+)?(?:from|by))"
    # "本研究由国家自然科学基金（81702662）资助。": only as the text's last sentence
    r"|本(?:研究|工作|文|课题|论文)(?:得到了?|受到了?|受|由|获得了?)(?=[^。]*(?:资助|支持)[。.]?\s*$))",
    re.IGNORECASE)
# Where one sentence of a statement ends and the next begins ("…Fund. Results show …"); not
# after an initial or abbreviation ("Susan G. Komen", "No. 81702662", "Inc. "); after a bracket
# always ("… Trust (208812/Z/17/Z). We thank …").
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)）]{3}[.!?])\s+(?=[A-Z])|(?<=[)）][.!?])\s+(?=[A-Z])|(?<=[。！？])(?=\S)")
# A sentence after a funding statement that declares something else (conflicts of interest,
# the funders' role): it is not funding and stays with the text.
_DECLARATION = re.compile(
    # after a sentence; a registration or ethics label also after a space or a bracket, as Chinese
    # abstracts run it on ("…(81672345) 临床试验注册号：ChiCTR…")
    r"(?:(?<=[.。;；!！?？])|(?<=[\s)）\]】])(?=\s*(?:(?:临床)?(?:试验)?注册|伦理|(?:Trial|Clinical trials?)\s+registration)))"
    r"\s*(?=(?:No|The authors?|All authors|Authors?|There\s+(?:is|are|was|were))\s+(?:\w+\s+){0,3}?(?:conflicts?|competing)\b"
    r"|Conflicts? of interests?|Competing interests?|Declarations? of interests?|Disclosures?\b"
    r"|(?:The|Our)\s+(?:funders?|sponsors?|funding (?:sources?|bod(?:y|ies)|agenc(?:y|ies)))\s+(?:had|has|have|played)\s+no\b"
    # the next label of a structured abstract: "Trial registration: ChiCTR…", "ETHICS: …"
    r"|(?:(?:Trial|Clinical trials?|Study|Protocol)\s+)?(?:registration|registry)\b|Ethic(?:s|al)\b[^.:：]{0,30}[:：]"
    # (named: an all-caps word before a colon may be a funder, "NIH: R01 CA123456")
    r"|(?-i:(?:ETHICS|KEYWORDS?|ABBREVIATIONS?|DATA AVAILABILITY|DATA SHARING|ACKNOWLEDG(?:E)?MENTS?"
    r"|ROLE OF THE FUNDERS?|AUTHOR CONTRIBUTIONS?|PROSPERO)(?:\s+[A-Z]{2,}){0,3}\s*[:：])"
    # a label of words no funder is named by, in any case: "Acknowledgments:", "Data availability:"
    r"|(?:Acknowledg(?:e)?ments?|Data (?:availability|sharing)(?: statement)?|Authors?'?\s+contributions?"
    r"|Role of the funders?)\s*[:：]|(?:致谢|作者贡献|数据(?:可用性|共享)(?:声明)?)\s*[:：]"
    r"|(?:临床)?(?:试验)?注册(?:号|编号|信息)?\s*[:：]|伦理(?:审查|审批|批准|委员会)?(?:号|编号|批号)?\s*[:：]"
    r"|(?:作者)?声明|利益冲突|所有作者)", re.IGNORECASE)
_FUNDER_WORD = re.compile(r"基金|计划|项目|专项|Foundation|Fund|Program|Council|Grant|Agency|Ministry|"
                          r"Academy|Institute|Trust|Commission|Office|Department|University", re.IGNORECASE)


# A programme's own word, "Grant(s)" after the word of its name that says what grant it is ("NSERC
# Discovery Grants", "Young Investigator Grant", ERC "Starting Grant"), is its name's, as "Award"
# is ("NIH Director's New Innovator Award"); after any other word, a label ("NSFC Grants",
# "Wellcome Trust Grant", "… of Jiangsu Province Grant", "under Grants"); and after a funder we
# know, a label too (_clean_funder).
_PROGRAMME_WORDS = frozenset({"Discovery", "Investigator", "Starting", "Consolidator", "Advanced", "Synergy",
                              "Innovator", "Pioneer", "Career", "Explorer", "Pilot", "Seed"})


def _noise(m: re.Match) -> str:
    """What a match of _NOISE leaves: a space, or a programme's "Grant(s)" as written.

    >>> _clean_funder("NSERC Discovery Grants"), _clean_funder("Wellcome Trust under Grants"), _clean_funder("NSFC Grants")
    ('NSERC Discovery Grants', 'Wellcome Trust', 'NSFC')
    >>> _clean_funder("Natural Science Foundation of Jiangsu Province Grant"), _clean_funder("Canada Research Chairs Grant")
    ('Natural Science Foundation of Jiangsu Province', 'Canada Research Chairs')
    """
    if re.fullmatch(r"(?-i:Grants?)\.?", m.group(0)) and _word_before(m.string, m.start()) in _PROGRAMME_WORDS:
        return m.group(0)
    return " "


def _word_before(text: str, end: int, reach: int = 40) -> str | None:
    """The word before text[end], with space between them, read from a bounded tail (no regex
    over the whole text before: a long one with no space would be read once for each match).

    >>> _word_before("NSERC Discovery Grants", 16), _word_before("x" * 200_000 + " Grant", 200_001), _word_before("Grant", 0)
    ('Discovery', None, None)
    """
    tail = text[max(0, end - reach):end]
    words = tail.split()
    if not words or tail[-1:].isspace() is False or (len(words) == 1 and end - reach > 0 and not tail[0].isspace()):
        return None
    return words[-1]


def _clean_funder(text: str) -> str:
    text = whole = _NOISE.sub(_noise, text)
    prev = None
    while prev != text:
        prev = text
        text = _EDGE.sub("", text)
        text = _LEADING_WORDS.sub("", text)
        text = _TRAILING_WORDS.sub("", text)
    if _NO_NAME.fullmatch(text):
        return ""  # "grants 81702662 and 81872180 from …" (not "Grants-in-Aid …")
    text = _close_brackets(text, whole[whole.find(text) + len(text):])
    text = re.sub(r"\s+", " ", text).strip()
    # Web of Science writes a funder as written and then its own name for it, glued; when
    # the two are the same, once ("… of Jiangsu ProvinceNatural Science Foundation of …"); its
    # halves compared, not by a backreference tried at every length (quadratic in a long text)
    half, odd = divmod(len(text), 2)
    if half >= 8 and text[:half] == text[half + odd:] and (not odd or text[half] == " "):
        text = text[:half]
    # a programme's "Grant(s)" (_noise), unless it hides a funder we know: then its label
    kept = re.search(r" (?-i:Grants?)\.?$", text)
    if kept and is_known_funder(text[:kept.start()]) and not is_known_funder(text):
        return text[:kept.start()]
    return text


_CLOSING = {"(": ")", "（": "）", "[": "]", "【": "】"}


def _close_brackets(text: str, stripped: str) -> str:
    """Give back the closing bracket the edge strip took from a bracket the funder's name
    opens: "国家高技术研究发展计划（863计划）", "… Sciences (NIGMS)"; and close one that holds
    the funder's acronym and its grant number ("… of China (NSFC, 81702662)", "(NSF DMS-1912345)").

    >>> _close_brackets("计划（863计划", "）（")
    '计划（863计划）'
    >>> _close_brackets("Fund (NSFC", " 81702662)")
    'Fund (NSFC)'
    """
    closing = _CLOSING.get(next((c for c in reversed(text) if c in _CLOSING or c in _CLOSING.values()), ""))
    if closing:
        return text + closing
    return text


def _is_award(token: str) -> bool:
    """Whether a token may be a grant's number: four digits or more, not a year, nor a trial's or
    review's registration ("NCT01234567", which stays with the text), nor an EU call alone, which
    says what the grant after it, or before it, was awarded under ("grant agreement No 757588
    (ERC-2017-STG)", "grant agreement [H2020-MSCA-ITN-2018 813545]": one grant each, 757588, 813545).

    >>> _is_award("81702662"), _is_award("2019"), _is_award("NCT01234567"), _is_award("ERC-2017-STG")
    (True, False, False, False)
    >>> _is_award("H2020-MSCA-ITN-2018"), _is_award("FP7-PEOPLE-2013-ITN"), _is_award("HORIZON-MSCA-2021-PF-01")
    (False, False, False)
    """
    digits = sum(c.isdigit() for c in token)
    return (digits >= 4 and len(token) >= 5 and not re.fullmatch(r"(?:19|20)\d{2}", token)
            and not _REGISTRATION.fullmatch(token) and not _EU_CALL.fullmatch(token))


# Where a list of funders named without grant numbers is split: "；" always; "、", ",", "及",
# "and" only between whole names (below), not inside one ("National Heart, Lung, and Blood
# Institute", "Natural Science Foundation of Jiangsu Province, China"); "和" too where that
# splits the list into names ("国家卫生和计划生育委员会" is one; never the 和 of 共和国).
_FUNDER_LIST = re.compile(r"\s*[;；]\s*")
_SEPARATORS = r"、|[,，]\s*(?:and\s+)?|以及|及|\band\b"
_NAME_LIST = re.compile(rf"\s*(?:{_SEPARATORS})\s*", re.IGNORECASE)
_NAME_LIST_HE = re.compile(rf"\s*(?:{_SEPARATORS}|(?<!共)和(?!国))\s*", re.IGNORECASE)
# A separator that may join words of one name: "Bill and Melinda Gates Foundation".
_JOINING = re.compile(r"\band\b|和", re.IGNORECASE)
# What a funder's name is headed by: its last word before "of", "for", "in" … ("Natural Science
# Foundation of Jiangsu", "Pfizer Inc"; not "Innovative Research Team in University"), or in
# Chinese its last word before "资助"/"项目" ("国家重点研发计划资助", "专项资金").
_NAME_HEAD = re.compile(
    r"\b(?:Foundations?|Funds?|Programs?|Programmes?|Projects?|Council|Institutes?|Universit(?:y|ies)|Inc|Ltd|Trust"
    r"|Ministry|Commission|Agency|Academy|Society|Association|Corporation|Company|Bureau|Department)\.?"
    r"(?:\s*\([^()]*\))?$"
    r"|(?:基金|资金|计划|项目|专项|课题|工程|经费|基金会|委员会|科委)(?:资助)?(?:项目)?(?:[(（][^()（）]*[)）])?$")


def _split_funders(text: str) -> list[str]:
    """Funders named in a list without grant numbers, each cleaned.

    >>> _split_funders("国家自然科学基金；中央高校基本科研业务费专项资金；")
    ['国家自然科学基金', '中央高校基本科研业务费专项资金']
    >>> _split_funders("Pfizer Inc, V Foundation for Cancer Research.")
    ['Pfizer Inc', 'V Foundation for Cancer Research']
    >>> _split_funders("Natural Science Foundation of Jiangsu Province, China")
    ['Natural Science Foundation of Jiangsu Province, China']
    >>> _split_funders("Program for Changjiang Scholars and Innovative Research Team in University")
    ['Program for Changjiang Scholars and Innovative Research Team in University']
    >>> _split_funders("ALF and Region Stockholm"), _split_funders("Research and Development Fund")
    (['ALF', 'Region Stockholm'], ['Research and Development Fund'])
    """
    funders = []
    for part in _FUNDER_LIST.split(text):
        part = _clean_funder(part)
        names = _list_names(part, _NAME_LIST_HE) or _list_names(part, _NAME_LIST)
        if len(names) < 2 and not _is_funder_name(part):
            # names no funder's word heads, parted by "and" only (a comma parts a place too:
            # "Research to Prevent Blindness, New York, NY")
            names = _list_names(part, _AND, _names_one)
        funders += names if len(names) > 1 else [part]
    return [f for f in funders if f]


def _list_names(part: str, separators: re.Pattern, is_name=None) -> list[str]:
    """The funders' names of a list, each a whole name, or none: a name whose words the list's
    separators also join is kept whole when its last word joins with "and" ("National Heart,
    Lung, and Blood Institute", "Bill and Melinda Gates Foundation"), but not after an "and"
    that ended a name ("… Research and Quality and Pfizer Inc" stays one).

    >>> _list_names("National Heart, Lung, and Blood Institute, National Cancer Institute and Pfizer Inc", _NAME_LIST)
    ['National Heart, Lung, and Blood Institute', 'National Cancer Institute', 'Pfizer Inc']
    >>> _list_names("Magee-Women's Research Institute and Foundation", _NAME_LIST)
    []

    A name does not open with one word and a comma, the middle of a series a name holds
    ("Lung, and Blood Institute" of "… Program of the National Heart, Lung, and Blood Institute"):

    >>> _list_names("Intramural Research Program of the National Heart, Lung, and Blood Institute", _NAME_LIST)
    []
    """
    # (none inside a bracket: "Deutsche Forschungsgemeinschaft (DFG, German Research Foundation)" is one)
    seps = [m for m in separators.finditer(part) if not _in_bracket(part, m.start())]
    starts = [0] + [m.end() for m in seps]
    ends = [m.start() for m in seps] + [len(part)]
    names, first = [], 0  # first: the first piece of the name being read
    for last in range(len(starts)):
        name = _clean_funder(part[starts[first]:ends[last]])
        joined = last == first or (_JOINING.search(seps[last - 1].group(0))
                                   and not (first and _JOINING.fullmatch(seps[first - 1].group(0).strip())))
        series = first and last > first and "," in seps[first].group(0) and len(
            part[starts[first]:ends[first]].split()) == 1
        if joined and not series and (is_name or _is_funder_name)(name):
            names.append(name)
            first = last + 1
    return names if first == len(starts) else []


def _in_bracket(text: str, at: int) -> bool:
    """Whether text[at] lies inside a bracket opened before it and not closed.

    >>> _in_bracket("Fund (DFG, German Research Foundation)", 9), _in_bracket("Fund (DFG), Trust", 10)
    (True, False)
    """
    depth = 0
    for c in text[:at]:
        depth += c in "([（【"
        depth -= c in ")]）】" and depth > 0
    return depth > 0


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
# The last word of a description, not of a name: "Research" of "Research and Development Fund",
# "Health" of "Health and Care Research Wales".
_DESCRIPTION_WORD = re.compile(
    r"\b(?:Research|Development|Sciences?|Technolog(?:y|ies)|Innovation|Health|Care|Medicine|Education"
    r"|Training|Studies|Support|Engineering|Prevention|Control|Treatment|Services?)$", re.IGNORECASE)


def _names_one(text: str) -> bool:
    """Whether text may be one funder of a list parted by "and", where no funder's word heads
    the names: a funder's name (:func:`_is_funder_name`), an acronym ("ALF"), or capitalised
    words that end in no word of a description ("Region Stockholm"; not "Research", nor a
    single word, which may be a name's first: "Bill" of "Bill and Melinda Gates Trust").

    >>> _names_one("ALF"), _names_one("Region Stockholm (ALF)"), _names_one("Research"), _names_one("Bill")
    (True, True, False, False)
    """
    if _is_funder_name(text):
        return True
    name = re.sub(r"\s*\((?-i:[A-Z]{2,6})\)$", "", text)  # (its acronym after it)
    return bool(_ACRONYM.fullmatch(name) or len(name.split()) > 1 and _CAPITALISED_NAME.fullmatch(name)
                and not _AND.search(name) and not _DESCRIPTION_WORD.search(name))


def _named_list(text: str) -> list[str]:
    """The funders a statement lists after its grants ("…, and by Pfizer and Novartis", "…,
    Pfizer, Novartis and Roche."): as :func:`_split_funders` reads them or, where that finds one
    name no funder's word heads, capitalised names each, a single word too (a company's name),
    none a description's word; two alike are one name ("Johnson and Johnson").

    >>> _named_list("Pfizer and Novartis"), _named_list("Pfizer, Novartis and Roche")
    (['Pfizer', 'Novartis'], ['Pfizer', 'Novartis', 'Roche'])
    >>> _named_list("Johnson and Johnson"), _named_list("Research and Development"), _named_list("the Bill and Melinda Gates Foundation")
    (['Johnson and Johnson'], ['Research and Development'], ['Bill and Melinda Gates Foundation'])
    """
    names = _split_funders(text)
    if len(names) == 1 and not _is_funder_name(names[0]):
        listed = _list_names(names[0], _NAME_LIST, lambda name: _listed_name(name, names[0]))
        if len(set(listed)) > 1:
            return listed
    return names


def _listed_name(text: str, listed: str = "") -> bool:
    """Whether text may be one funder of a list after a statement's grants (:func:`_named_list`),
    the list as written `listed`: not the first words of a known funder's name that holds "and",
    where the list goes on with the rest of that name ("Merck Sharp" of "Merck Sharp and Dohme";
    but "Merck" of "Merck and Pfizer" is a funder).

    >>> _listed_name("Pfizer"), _listed_name("Merck Sharp", "Merck Sharp and Dohme"), _listed_name("Merck", "Merck and Pfizer")
    (True, False, True)

    Nor a place or a company's legal form, which follow a name ("Bayer, Leverkusen, Germany",
    "Pfizer, Inc., New York, NY"): such a list is read as the name and its place are.

    >>> _listed_name("Germany"), _listed_name("NY"), _listed_name("Inc."), _listed_name("Company"), _listed_name("Hubei")
    (False, False, False, False, False)
    """
    if LEGAL_FORM.fullmatch(text) or is_place(text) or _heads_known_name(text, listed):
        return False
    return _names_one(text) or bool(re.fullmatch(r"(?-i:[A-Z][\w&.'’-]+)", text)) and not (
        _NO_FUNDING.match(text) or _DESCRIPTION_WORD.search(text))


def _heads_known_name(text: str, listed: str) -> bool:
    """Whether text and the next name of the list, joined by "and" or "&", are one funder we know
    ("Eli Lilly" of "…, Eli Lilly and Company and Sanofi"; not of "Eli Lilly and Novartis").

    >>> _heads_known_name("Eli Lilly", "Eli Lilly and Company and Sanofi"), _heads_known_name("Eli Lilly", "Eli Lilly and Novartis")
    (True, False)
    """
    joined = re.search(rf"(?<!\w){re.escape(text)},?\s+(?:&|and)\s+.+?(?=\s*(?:[,;，；]|\band\b|$))", listed)
    return bool(joined) and is_known_funder(joined.group(0)) and not is_known_funder(text)


def _is_funder_name(text: str) -> bool:
    """Whether text is a whole funder's name: a funder we know or one headed by a funder word
    (and more than the word: "Foundation" of "… Research Institute and Foundation" is none).

    >>> _is_funder_name("V Foundation for Cancer Research"), _is_funder_name("Foundation"), _is_funder_name("基金")
    (True, False, False)
    """
    name, funder_id = normalise_funder(text)
    # (its name without where it is: "Wellcome Trust, London, UK")
    head = re.split(r"\s+(?:of|for|in|on|at|to)\s+", split_place(text)[0], maxsplit=1)[0]
    named = _NAME_HEAD.search(head)
    # a Chinese programme's kind is no funder: 面上项目, 重点项目, 青年基金 (of 国家自然科学基金…及面上项目)
    least = 3 if re.match(r"[\u4e00-\u9fff]", text) else 1
    return bool(text) and (funder_id is not None or name != text or bool(named) and named.start() >= least)


# A statement that there was no funding: Elsevier's "This research received no specific grant from
# any funding agency in the public, commercial, or not-for-profit sectors.", SAGE's "The author(s)
# received no financial support for the research …", "No funding was received.", "This study was
# not funded.", "None.", "无", "本研究未获得任何基金资助".  Its words name no funder, nor is its
# "grant" a number's label.  Read as: what may open it (who received what), then its "no"/"not",
# then words of funding; a funder it names all the same ("… no funding other than from the NIH")
# makes it a statement of funding.
_NO_FUNDING_OPENING = frozenset(
    "this the our present current work study research project paper article review trial manuscript "
    "author authors author(s) we there was were is are has have had did does do been received receive "
    "obtained declare declares declared report reports reported that also funding financial".split())
_NEGATION = re.compile(r"(?<![\w-])(?:no|not|none|nil|without|neither|never)(?![\w.-])", re.IGNORECASE)
_FUNDING_WORDS = re.compile(r"\b(?:fund(?:s|ing|ed)?|grants?|financ(?:e|ial|ing|ed)|support(?:ed)?|sponsor(?:s|ship|ed)?)\b",
                            re.IGNORECASE)
_NOT_ALL = re.compile(r"\b(?:except|other than|apart from|besides|beyond|but|however|instead)\b", re.IGNORECASE)
_NO_FUNDING_ALONE = re.compile(r"(?:none(?: declared)?|nil|n/?a|not applicable|no|unfunded|not funded)", re.IGNORECASE)
_NO_FUNDING_ZH = re.compile(r"(?:本(?:研究|工作|文|课题|论文|项目))?(?:暂无|无|没有|并未|尚未|未)(?:获得?|接受|得到|受到)?了?"
                            r"(?:任何)?(?:(?:基金|科研|项目|经费|资金)+)?的?(?:资助|支持|赞助)?")


# Where a statement's sentences and clauses part: after a stop before a capital or a Chinese
# character (not "No. 81702662", "J.S. was"), after a semicolon or a Chinese stop.
_CLAUSE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u4e00-\u9fff])|(?<=[;；。！？])\s*")


def no_funding(statement: str) -> bool:
    """Whether a statement says there was no funding: each of its sentences and clauses so (it
    names no funder and no grant).

    >>> no_funding("This research received no specific grant from any funding agency in the public, "
    ...            "commercial, or not-for-profit sectors.")
    True
    >>> no_funding("The author(s) received no financial support for the research."), no_funding("None."), no_funding("无")
    (True, True, True)
    >>> no_funding("本研究未获得任何基金资助。"), no_funding("无锡市科技发展基金"), no_funding("Supported by the Non-profit Fund.")
    (True, False, False)
    >>> no_funding("No funding other than from the NIH was received."), no_funding("Grant No. 81702662")
    (False, False)
    >>> no_funding("None. This work was supported by the Wellcome Trust.")   # a funder after it
    False
    """
    clauses = [c for c in _CLAUSE_END.split(statement.strip()) if _EDGE.sub("", c)]
    return bool(clauses) and all(map(_says_no_funding, clauses))


def _says_no_funding(clause: str) -> bool:
    text = _EDGE.sub("", statement_body(clause.strip()))
    if not text:
        return False
    if _NO_FUNDING_ALONE.fullmatch(text) or _NO_FUNDING_ZH.fullmatch(text):
        return True
    negation = _NEGATION.search(text)
    if not negation or _NOT_ALL.search(text) or not _FUNDING_WORDS.search(text, negation.end()):
        return False
    opening = text[:negation.start()].lower().split()
    return (all(word in _NO_FUNDING_OPENING for word in opening)
            and not any(_is_award(a.group(0)) for a in _AWARD.finditer(text)))


def _without_no_funding(statement: str) -> str:
    """A statement without its sentences saying there was no funding ("The authors received no
    specific funding for this work. J.S. was supported by a Wellcome Trust fellowship.") or
    declaring no interests before it: the funding it names, from its own opening on.

    >>> _without_no_funding("None. This work was supported by the Wellcome Trust.")
    'the Wellcome Trust.'
    >>> _without_no_funding("The authors declare no conflict of interest. Funded by the Gates Foundation.")
    'the Gates Foundation.'
    """
    clauses = _CLAUSE_END.split(statement)
    if len(clauses) < 2:
        return statement
    kept = [c.strip() for c in clauses if c.strip() and not _says_no_funding(c) and not _DECLARATION.match(". " + c, 1)]
    return statement_body(" ".join(kept)) if len(kept) < len([c for c in clauses if c.strip()]) else statement


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
    >>> [(f["funder"], f["award"]) for f in parse_funding("Supported by grants 2016YFC0905000 and 2016YFC0905001 "
    ...                                                 "from the National Key R&D Program of China and grant 81702662 from NSFC.")]
    [('National Key Research and Development Program of China', '2016YFC0905000'), ('National Key Research and Development Program of China', '2016YFC0905001'), ('National Natural Science Foundation of China', '81702662')]
    """
    statement = statement_body(statement)  # ("This research was funded by grant number …")
    declaration = _DECLARATION.search(statement)
    if declaration:  # "…(81702662); the funders had no role in study design …": no funder
        statement = statement[:declaration.start()]
    if no_funding(statement):  # "This research received no specific grant from …": no funder
        return []
    statement = _without_no_funding(statement)   # ("None. This work was supported by …")
    statement = _without_recipients(statement)   # ("… J.S. was supported by a Wellcome Trust fellowship")
    statement = _without_leaders(statement)      # ("…（81902345），项目负责人：刘洋")
    entries: list[dict] = []
    funder_text = ""
    # awards whose funder may be named after them ("grant 81702662 from the NSFC"), each with
    # the funder named before it (or "") and the text before it
    pending: list[tuple[str, str, str]] = []
    pos = 0
    again = False  # a funder named before, and "and grant N from X" after its number: X's
    list_ends: dict[int, int] = {}  # (where each number's list ends, read once: _list_end)
    for m in _AWARD.finditer(statement):
        coded = _coded_award(statement, pos, m, funder_text)
        if not coded and not _is_award(m.group(0)):
            continue
        award, start = coded or _award_with_prefix(statement, pos, m)
        raw = statement[pos:start]
        recipient = _RECIPIENT.match(raw) if pos else None  # (right after the number before)
        raw = raw[recipient.end():] if recipient else raw
        after = _named_after(raw, pending) if pending else None
        if after:
            entries += [funding_entry(after[0], a) for a, _, _ in pending]
            pending, raw = [], raw[after[1]:]
        between = _clean_funder(raw)
        if funder_text and _ACRONYM.fullmatch(between) and re.search(rf"\b{between}\b", funder_text):
            between = ""  # the funder's acronym again before its next number: "(RPB 2019-01, RPB 2020-02)"
        if re.search(r"[^\W\d_]", between):  # (not "~" of "(81672345~81672347)")
            entries += _named_before(pending, entries)  # (no funder named after them)
            pending = []
            # "Funder A; Funder B [award]" (Web of Science FU): funders before the last one
            # are named without a grant number
            *others, between = _number_of(_split_funders(between) or [""])
            entries += [funding_entry(t, None) for t in others]
            funder_text = _thanked(between)
        elif after:
            funder_text = ""  # (the funder named after its awards names none of the next)
        again = (again or pos > 0 and _GRANT_AGAIN.fullmatch(raw) is not None) and not re.search(
            r"[^\W\d_]", between) and _from_follows(statement, m.end(), list_ends=list_ends)
        pos = m.end()
        # a funder's name before the number holds it; else one named after it may ("a Young
        # Investigator Award (2019-YI-001) from the Prostate Cancer Foundation"), and one the
        # number is "from" outside a bracket always ("NIH grants R01 CA111111 and R01 CA222222
        # from the NCI": the NCI's)
        named = (bool(funder_text) and _is_funder_name(funder_text) and not again
                 and not _from_follows(statement, m.end(), bracketed=False, list_ends=list_ends))
        for award in _awards(award):
            if named:
                entries.append(_programme_entry(funder_text, award, entries, raw))
            else:
                pending.append((award, funder_text, raw))
    recipient = _RECIPIENT.match(statement, pos) if pos else None
    pos = recipient.end() if recipient else pos
    after = _named_after(statement[pos:], pending, last=True) if pending else None
    if after:
        entries += [funding_entry(after[0], a) for a, _, _ in pending]
        pos += after[1]
    else:  # never lost: with the funder named before them, or none
        entries += _named_before(pending, entries)
    while pos and ((grant := _UNNUMBERED_GRANT.match(statement, pos)) and (
            funder := _FROM_FUNDER.match(statement, grant.end())) or (funder := _AND_BY_FUNDER.match(statement, pos))):
        names = _named_list(_from_funder(funder))
        if len(names) > 1 or not _JOINED_NAMES.search(split_place(names[0])[0]) or _is_funder_name(names[0]):
            entries += [funding_entry(name, None) for name in names]  # (not one of "Pfizer and Novartis")
        pos = funder.end()
    recipient = _TO_UNIT_TAIL.match(statement, pos) if pos else None
    pos = recipient.end() if recipient else pos
    pos = _past_clause(statement, pos) if pos else pos
    tail = _clean_funder(statement[pos:])
    if tail and (_FUNDER_WORD.search(tail) or all(map(_is_funder_name, _split_funders(tail)))
                 or len(_named_list(tail)) > 1 or pos and _listed_after(statement[pos:])):
        # funders named without a grant number
        entries += [funding_entry(t, None) for t in _named_list(tail)]
    elif not entries and funder_text == "" and _clean_funder(statement):
        entries += [funding_entry(t, None) for t in _split_funders(statement)]
    return _unique(entries)


# What a funder named after its number did, its name ended at the verb (_FUNDER_END): "… from the
# NIA was used to fund data collection" (no funder), "…, and has been supported by the Doris Duke
# Charitable Foundation" (a funder, after its "by")
_CLAUSE = re.compile(r"\s*,?\s*(?:and\s+)?(?-i:was|were|is|are|has\s+been|have\s+been)\s[^.;；。]*")
_CLAUSE_BY = re.compile(r"\bby\s+(?:the\s+)?(?=[A-Z])")


def _past_clause(statement: str, pos: int) -> int:
    """Where the funders after ``pos`` begin: past a clause saying what the grant before did,
    after its "by" where it names one.

    >>> t = "grant 1 from the NIA was used to fund data collection."
    >>> t[_past_clause(t, 20):]
    '.'
    >>> t = "grant 1 from the NCI, and has been supported by the Doris Duke Foundation."
    >>> t[_past_clause(t, 20):]
    'Doris Duke Foundation.'
    """
    clause = _CLAUSE.match(statement, pos)
    if not clause:
        return pos
    by = _CLAUSE_BY.search(statement, pos, clause.end())
    return by.end() if by else clause.end()


def _listed_after(rest: str) -> bool:
    """Whether what follows a statement's last grant is the next part of a list of funders, ";"
    between ("Deutsche Forschungsgemeinschaft (DFG) [SFB1234]; Projekt DEAL", Web of Science's FU):
    capitalised names each, each a funder's (a funder's word, a funder we know, an acronym).

    >>> _listed_after("]; Projekt DEAL"), _listed_after(" and the data of 2019."), _listed_after("; none.")
    (True, False, False)

    Not a statement or a label written in capitals after it ("…; Data Availability Statement Not
    Applicable", "…; Approved By The Ethics Committee"):

    >>> _listed_after("; Data Availability Statement Not Applicable"), _listed_after("); Approved By The Ethics Committee")
    (False, False)
    """
    if not re.match(r"\s*[)）\]】]?\s*[;；]", rest):
        return False
    names = _split_funders(rest)
    return bool(names) and all(_CAPITALISED_NAME.fullmatch(n) and not _NO_FUNDING.match(n) and not _LABEL.search(n)
                               and (_LISTED_FUNDER.search(n) or _ACRONYM.fullmatch(n) or is_known_funder(n))
                               for n in names)


# A funder's word in a list after the grants ("Projekt DEAL", "Mayo Clinic"), and what a
# statement or label holds instead ("Data Availability Statement", "Approved By …")
_LISTED_FUNDER = re.compile(_FUNDER_WORD.pattern + r"|\b(?:Programme|Hospital|Clinic|Society|Association|Cent(?:er|re)"
                            r"|Projekt|Project|DEAL)\b", re.IGNORECASE)
_LABEL = re.compile(r"\b(?:Statement|Availability|Approved|Approval|Declare[sd]?|Conflicts?|Interests?|Applicable"
                    r"|Contributed|Registration|Ethics)\b", re.IGNORECASE)


def _number_of(names: list[str]) -> list[str]:
    """The funders named before a number, the one whose number it is last: the last named, or
    the one the acronym in the number's bracket names ("grants from ALF and Region Stockholm
    (ALF 20190123)": ALF's, and Region Stockholm's without the acronym).

    >>> _number_of(["ALF", "Region Stockholm (ALF)"]), _number_of(["NSFC", "Wellcome Trust (WT)"])
    (['Region Stockholm', 'ALF'], ['NSFC', 'Wellcome Trust (WT)'])
    """
    m = re.fullmatch(r"(.+?)\s*\(((?-i:[A-Z]{2,6}))\)", names[-1])
    if not m or m.group(2) not in names[:-1]:
        return names
    return [n for n in names[:-1] if n != m.group(2)] + [m.group(1), m.group(2)]


# Whom a grant went to, right after its number: "81702662 [to Z.S.]", "81702662 to Zhang San,",
# "(81702662 to Z.-S. Wang)", "2019-123 to Smith from …": initials or a person's name, no
# funder.  Anywhere else " to " and capitalised words are a name's ("Research to Prevent
# Blindness", "Program to Introduce Talents of Discipline to Universities").
_PERSON = (r"(?-i:(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?(?:(?:[A-Z][a-z]?\.?\s?-?){1,4}(?:(?<=\.\s)[A-Z][a-z]+)?"
           r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}))(?![\w.])")
_RECIPIENT = re.compile(rf"\s*[\[(（]?\s*to\s+{_PERSON}\s*[\])）]?")
# ... or after the funder the number is from: "grant 123456 from the Wellcome Trust to Z.S."
_RECIPIENT_AFTER = re.compile(rf"\s+to\s+{_PERSON}\.?$")
# A sentence saying who of the authors a funder supported, its opening ("J.S. was supported by",
# "J.S. and K.L. are funded by", "Dr. Smith was supported in part by the"): no funder's name, the
# funder after it one of the list
_RECIPIENT_OPENING = re.compile(
    rf"(?:^\s*|(?<=[.;；。!?！？])\s+){_PERSON}(?:(?:\s*,\s*|,?\s+and\s+){_PERSON})*\s+"
    r"(?:is|was|are|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:(?:partly|partially|financially|jointly)\s+|in\s+part\s+)?"
    r"(?:supported|funded|financed|sponsored)\s+(?:in\s+part\s+)?by\s+(?:the\s+)?")


def _without_recipients(statement: str) -> str:
    """A statement with its sentences of an author's funding opened as the list's next funder.

    >>> _without_recipients("Supported by the NSFC. J.S. was supported by a Wellcome Trust fellowship.")
    'Supported by the NSFC.; a Wellcome Trust fellowship.'
    >>> _without_recipients("Z.S. and K. Li were funded by the NSFC (81702662).")
    'NSFC (81702662).'
    """
    return _RECIPIENT_OPENING.sub(lambda m: "; " if m.start() else "", statement)


# The leader of a project, named after its grant on a Chinese journal's page ("四川省科技计划项目
# （2021YFS0123），项目负责人：赵敏", "（主持人：刘洋）"): a person, no funder.
_LEADER = re.compile(r"\s*[,，]?\s*(?P<open>[(（])?\s*(?:项目)?(?:负责人|主持人)\s*[:：]\s*[\u4e00-\u9fff·]{2,8}"
                     r"(?:\s*、\s*[\u4e00-\u9fff·]{2,4}(?=\s*(?:[、,，;；。)）]|$)))*\s*(?(open)[)）])(?=\s*(?:[;；。.,，]|$))")


def _without_leaders(statement: str) -> str:
    """A statement without the project leaders named after its grants.

    >>> _without_leaders("四川省科技计划项目（2021YFS0123），项目负责人：赵敏；国家自然科学基金（81902345），负责人：刘洋")
    '四川省科技计划项目（2021YFS0123）；国家自然科学基金（81902345）'
    >>> _without_leaders("国家自然科学基金（81902345）（主持人：刘洋、赵敏）")
    '国家自然科学基金（81902345）'

    Funders listed after a leader by commas are funders (only 、 lists leaders):

    >>> _without_leaders("国家自然科学基金（81902345），负责人：刘洋，科技部，教育部")
    '国家自然科学基金（81902345），科技部，教育部'
    """
    return _LEADER.sub("", statement)


# A funder named after its grant numbers: "grant 81702662 from the National Natural Science
# Foundation of China and grant R01 CA123456 from the NIH", "grants R01 CA123456 and P30
# CA047904 awarded by the NCI", "grant 81702662 of the NSFC"; the name ends at the next grant,
# funder or sentence, or at what the grant went to or came with ("… from the NEI and an
# unrestricted grant from RPB to the Department of Ophthalmology", "… from the NHLBI, with data
# from the UK Biobank"), or at the verb the sentence goes on with ("No funding other than grant
# 81702662 from the NSFC was received.", "… from the NSFC is gratefully acknowledged"): a verb
# written small and a participle after it, as a name's capitalised word is not ("the We Are
# Family Foundation", "Research Is Us Foundation"), nor a clause about the funder ("the Ministry
# of Science, which is part of the government").
_ANOTHER_GRANT = (r"(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:grants?|awards?|funding|funds|support|fellowships?)"
                  r"\s+(?:from|by)\b")
_TO_UNIT = r"to\s+(?:the\s+)?(?-i:Department|Division|School|Faculty|College|University|Hospital|Cent(?:er|re)|Laborator(?:y|ies)|Unit)\b"
_FUNDER_END = (r"(?=\s*(?:[;；]|,\s*(?:and\s+)?(?:the\s+|grants?\b|awards?\b)|\s+and\s+(?:the\s+|by\s+|from\s+|grants?\b|awards?\b)"
               rf"|,?\s+and\s+{_ANOTHER_GRANT}|,\s*(?:with|using)\b|\s+{_TO_UNIT}"
               r"|\s+(?-i:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:(?:[a-z]+ly|also)\s+)?[a-z]{2,}(?:ed|en)\b)"
               r"|[.。]?\s*$|[.。]\s+(?=[A-Z])))")
_FROM_FUNDER = re.compile(
    r"\s*[)）\]]?\s*[,，]?\s*(?P<word>(?:awarded|provided|given|granted|funded)\s+by|(?:(?:awarded|provided)\s+)?from|of)"
    r"\s+(?:the\s+)?(?P<funder>(?=[^\W\d_])[^;；]+?)" + _FUNDER_END, re.IGNORECASE)
# ... and after them, "and by" another funder, the statement's "by" again ("… from the National
# Eye Institute, Bethesda, MD, and by Research to Prevent Blindness, New York, NY")
_AND_BY_FUNDER = re.compile(r"\s*[)）\]]?\s*[,，]?\s*and\s+(?:also\s+|in part\s+)?by\s+(?:the\s+)?"
                            r"(?P<funder>(?=[^\W\d_])[^;；]+?)" + _FUNDER_END, re.IGNORECASE)
# ... and after them, a funder's grant without a number ("and an unrestricted grant from RPB"),
# and whom a grant went to ("to the Department of Ophthalmology"): no funder
_UNNUMBERED_GRANT = re.compile(rf"\s*[,，]?\s*and\s+(?={_ANOTHER_GRANT})(?:an?\s+)?(?:[\w-]+\s+){{0,3}}?"
                               r"(?:grants?|awards?|funding|funds|support|fellowships?)(?=\s)", re.IGNORECASE)
_JOINED_NAMES = re.compile(r",|\band\b|和|及")
_TO_UNIT_TAIL = re.compile(rf"\s*[,，]?\s*{_TO_UNIT}[^;；]*?[.。]?\s*$", re.IGNORECASE)


# Only "and grant(s)" between a funder's number and the next: "Supported by the NSFC (81702662)
# and grant R01 CA123456 from the NIH" names another funder's grant, if one is named after it.
_GRANT_AGAIN = re.compile(r"\s*[)）\]]?\s*[,，]?\s*and\s+(?:grants?|awards?)(?:\s+(?:nos?\.?|numbers?))?\s*",
                          re.IGNORECASE)
_MORE_AWARDS = re.compile(r"\s*(?:[,，]\s*(?:and\s+)?|and\s+)")


def _from_follows(statement: str, end: int, bracketed: bool = True, list_ends: dict[int, int] | None = None) -> bool:
    """Whether a funder the grant is "from" (or "awarded by") is named after the number
    ending at end, or after the numbers listed with it ("… and 81872181 from the NIH");
    with bracketed False, not after a bracket closing them ("the NSFC (81702662) from …":
    the bracket ties them to the name before).

    >>> _from_follows("grant R01 CA123456 and R01 CA654321 from the NIH.", 18), _from_follows("grant 81702662 of the NSFC", 14)
    (True, False)
    >>> _from_follows("NSFC (81702662) from the NIH.", 14), _from_follows("NSFC (81702662) from the NIH.", 14, bracketed=False)
    (True, False)
    """
    end = _list_end(statement, end, {} if list_ends is None else list_ends)
    m = _FROM_FUNDER.match(statement, end)
    return (bool(m) and m.group("word").lower() != "of"
            and (bracketed or not re.match(r"\s*[)）\]]", statement[end:m.start("word")])))


def _list_end(statement: str, end: int, list_ends: dict[int, int]) -> int:
    """Where the list of numbers the number ending at end is one of ends; each end read on the
    way kept in list_ends, so that the numbers of one long list ("[81700000, 81700001, …]", each
    asked of in turn) are read once, not each from every number before it.

    >>> s = "grants 81702662, 81872180 and 81672345 from the NIH"
    >>> ends = {}; _list_end(s, 15, ends), ends
    (38, {15: 38, 25: 38, 38: 38})
    """
    visited = []
    while end not in list_ends:
        visited.append(end)
        sep = _MORE_AWARDS.match(statement, end)
        award = sep and _AWARD.match(statement, sep.end())
        if not (award and _is_award(award.group(0))):
            break
        end = award.end()
    end = list_ends.get(end, end)
    list_ends.update(dict.fromkeys(visited, end))
    return end


# ... in brackets after them ("grant 2019-01234 (Swedish Research Council)"), or after a comma
# closing the statement ("project 2019YFA0905600, National Key R&D Program of China.")
_BRACKETED_FUNDER = re.compile(r"\s*[(（](?P<funder>[^()（）\d]+)[)）]")
_CLOSING_FUNDER = re.compile(r"\s*[,，]\s*(?P<funder>[^,，;；()（）\d]+?)[.。]?\s*$")
# (... or one name holding commas: "grant R01 HL123456, National Heart, Lung, and Blood Institute.")
_CLOSING_NAME = re.compile(r"\s*[,，]\s*(?P<funder>[^;；()（）\d]+?)[.。]?\s*$")


def _named_after(text: str, pending: list[tuple[str, str, str]], last: bool = False) -> tuple[str, int] | None:
    """The funder named after grant numbers at the start of text, and where its name ends:
    "from"/"awarded by" a funder, whatever is named before the numbers; "of" a funder, a
    funder's name in brackets or, closing the statement, after a comma, only where no funder is
    named before them.

    >>> _named_after(" of the NSFC and grants R01 CA123456", [("81702662", "", "")])
    ('NSFC', 12)
    >>> _named_after(" (Swedish Research Council).", [("2019-01234", "", "")]), _named_after(" (2019 cohort)", [("12345", "", "")])
    (('Swedish Research Council', 27), None)
    """
    m = _FROM_FUNDER.match(text)
    unnamed = not any(funder for _, funder, _ in pending)
    if m and (m.group("word").lower() != "of" or unnamed):
        return _next_funder(text, m) or (_from_funder(m), m.end())
    for pattern in (_BRACKETED_FUNDER, _CLOSING_FUNDER) if unnamed else ():
        m = pattern.match(text)
        if m and (pattern is _BRACKETED_FUNDER or last) and _is_funder_name(_clean_funder(m.group("funder"))):
            return _clean_funder(m.group("funder")), m.end()
    m = _CLOSING_NAME.match(text) if unnamed and last else None
    if m and len(_split_funders(m.group("funder"))) == 1 and _is_funder_name(_clean_funder(m.group("funder"))):
        return _clean_funder(m.group("funder")), m.end()  # (one name holding commas)
    return None


# A person thanked before a number ("We thank Dr. Zhang for help with the statistics (grant
# 7192001 …)", "Professor Zhang San (Peking University) for reading …"): no funder.
_PERSON_THANKED = re.compile(r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss)\b\.?\s+[A-Z]")


def _thanked(text: str) -> str:
    """The funder a sentence of thanks names before a number, without the thanks; none for a person.

    >>> _thanked("We thank the NIH"), _thanked("We thank Dr. Zhang for help with the statistics")
    ('NIH', '')
    """
    text = _LEADING_WORDS.sub("", _THANKS.sub("", text))
    return "" if _PERSON_THANKED.match(text) else text


def _named_before(pending: list[tuple[str, str, str]], entries: list[dict]) -> list[dict]:
    """The entries of awards no funder is named after: each the funder's named before it, or
    none ("This work was supported by grants 81702662 and 81872180.": two grants, no funder)."""
    out: list[dict] = []
    for award, funder, before in pending:
        out.append(_programme_entry(funder, award, entries + out, before) if funder else funding_entry("", award))
    return out


# "… from the NSFC and Beijing Natural Science Foundation (7192001)": the next funder, with
# its own number in brackets after it (text ends at that number)
_AND_NEXT_FUNDER = re.compile(r"\s+and\s+(?=(?-i:[A-Z])[^;；()（）\[\]]*?\s*[(（\[][^()（）\[\]]*$)", re.IGNORECASE)


def _next_funder(text: str, after: re.Match) -> tuple[str, int] | None:
    """The funder a number is from and where its name ends, when "and" another funder with
    its own bracketed number follows it; both must be whole funders' names ("the National
    Heart, Lung, and Blood Institute (…)" is one).

    >>> _next_funder(t := " from the NSFC and Beijing Natural Science Foundation (", _FROM_FUNDER.match(t))
    ('NSFC', 14)
    """
    for sep in _AND_NEXT_FUNDER.finditer(text, after.start("funder"), after.end()):
        funder, other = _clean_funder(text[after.start("funder"):sep.start()]), _clean_funder(text[sep.end():])
        if _is_funder_name(funder) and _is_funder_name(other):
            return funder, sep.start()
    return None


def _from_funder(after: re.Match) -> str:
    """The funder a number is from, without whom the grant went to after it ("… from the
    Wellcome Trust to Z.S."; "the Foundation to Promote Science" is a name).

    >>> _from_funder(_FROM_FUNDER.match(" from the Prostate Cancer Foundation to Dr. Smith."))
    'Prostate Cancer Foundation'
    """
    funder = _clean_funder(after.group("funder"))
    recipient = _RECIPIENT_AFTER.search(funder)
    if recipient and _is_funder_name(funder[:recipient.start()]):
        return funder[:recipient.start()]
    return funder


def _awards(award: str) -> list[str]:
    """The grant numbers one award as read holds: "81702662/81872180" is two, each whole and
    alike; "MR/N012345/1", "208812/Z/17/Z", "304345/2018-0" are one.

    >>> _awards("81702662/81872180"), _awards("304345/2018-0")
    (['81702662', '81872180'], ['304345/2018-0'])
    """
    parts = award.split("/")
    shapes = {re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "A", p)) for p in parts}
    if len(parts) > 1 and len(shapes) == 1 and all(map(_is_award, parts)):
        return parts
    return [award]


def split_awards(entry: dict) -> list[dict]:
    """One entry per grant number of a structured grant that holds several: MEDLINE's
    "81702662, 81872180/National Natural Science Foundation of China/International".

    >>> [e["award"] for e in split_awards(funding_entry("NSFC", "81702662, 81872180"))]
    ['81702662', '81872180']
    """
    award = entry["award"] or ""
    numbers = [a for part in re.split(r"\s*[,，;；、]\s*|\s+and\s+", award) for a in _awards(part)]
    if len(numbers) < 2 or not all(_is_award(a) and _AWARD.fullmatch(a) for a in numbers):
        return [entry]
    return [{**entry, "award": a} for a in numbers]


# A kind of programme named alone, joined to a funder's grant by "与", "和", "、": the same
# funder's ("国家自然科学基金重点项目(81830001)与面上项目(81872180)": 面上项目, 青年基金 are NSFC's).
_PROGRAMME = re.compile(r"[\u4e00-\u9fff]{2,4}(?:项目|基金|计划|课题)")
_JOINED = re.compile(r"\s*[)）\]]?\s*(?:与|和|及|以及|、)")


def _programme_entry(funder_text: str, award: str, entries: list[dict], before: str) -> dict:
    """The entry of a grant; a programme of the funder before it (see _PROGRAMME) is that funder's.

    >>> e = parse_funding("国家自然科学基金重点项目(81830001)与面上项目(81872180)")[1]
    >>> e["funder"], e["funder_original"]
    ('National Natural Science Foundation of China', '面上项目')
    """
    entry = funding_entry(funder_text, award)
    if (entries and _JOINED.match(before) and _PROGRAMME.fullmatch(funder_text) and entry["funder_id"] is None
            and not _is_funder_name(funder_text)):
        return {**entry, "funder": entries[-1]["funder"], "funder_id": entries[-1]["funder_id"]}
    return entry


# A programme's code before its number, a space between: the DFG's "SFB 1234", "EXC 2067/1-390729940",
# the NSF's divisions' "DMS 1234567"; its letters
_CODE_BEFORE = re.compile(r"(?<![\w&.-])(?-i:[A-Z]{2,5}) $")
# What opens another funder's name, not its programme's code ("… and the BBSRC 123456", "…, FORTE 12345")
_ANOTHER_NAMED = re.compile(r"(?:[,;，；、&]|\b(?:and|by|from)\b)(?:\s+the)?\s*$", re.IGNORECASE)
# where letters before a number follow a funder's name and its bracket's opening ("Academy of Finland (AKA")
_OWN_BRACKET = re.compile(r"[^\W\d_][^()\[\]（）【】]*?\s*[(\[（【]\s*$")
# A code after another number in its bracket ("(SFB 1234, SFB 5678)"), or after the funder's acronym
# in its bracket ("Deutsche Forschungsgemeinschaft (DFG, SFB 1234)")
_CODE_LISTED = re.compile(r"(?:[(\[（【][^()\[\]（）【】]*\d[^()\[\]（）【】]*?|[^\W\d_]\s*[(\[（【]\s*(?-i:[A-Z]{2,6}))"
                          r"\s*(?:[,;，；、&]|\band\b)\s*$")
# How far before a number its funder's name is looked for (a long statement read once, not from
# its start for each number)
_CODE_LOOK_BACK = 160


def _coded_award(statement: str, pos: int, m: re.Match, funder_text: str) -> tuple[str, int] | None:
    """The award and where it starts when the letters before the number, a space between, are its
    programme's code: they follow a funder's name, its bracket or a label ("Deutsche
    Forschungsgemeinschaft (DFG) [SFB 1234]", "National Science Foundation under grant DMS
    1234567", "… Forschungsgemeinschaft (SFB 1234, project A01)"), and are not its acronym, nor any
    funder's we know; else an acronym right before a number names its funder ("Supported by RPB
    2019-01", "ALF and Region Stockholm (ALF 20190123)", "NSFC 81702662"), and a year is no number.

    >>> s = "Deutsche Forschungsgemeinschaft (DFG) [SFB 1234]"
    >>> _coded_award(s, 0, _AWARD.search(s), "")
    ('SFB 1234', 39)
    >>> [_coded_award(s, 0, _AWARD.search(s), "") for s in ("Research to Prevent Blindness (RPB 12345)",
    ...  "grants from ALF and Region Stockholm (ALF 20190123)", "NSF 1234567", "Wellcome Trust (WT 2019-01)")]
    [None, None, None, None]

    Letters after "and" or a comma open another funder's name ("the European Commission and the
    BBSRC 123456": the BBSRC's number); letters in the bracket right after a funder's name that
    open with its name's initial are its acronym, in its own language, when the funder is none we
    know ("Academy of Finland (AKA 123456)", "Swiss National Science Foundation (SNF 123456)"):

    >>> [_coded_award(s, 0, _AWARD.search(s), "") for s in ("the European Commission and the BBSRC 123456",
    ...  "Swedish Research Council, FORTE 12345", "Academy of Finland (AKA 123456)")]
    [None, None, None]

    A funder we know is known by the acronyms the table lists for it, whatever its initials: those
    are its own ("Austrian Science Fund (FWF 31234)"), other letters its programme's code ("German
    Research Foundation (GRK 2062)", a DFG research training group's):

    >>> [_coded_award(s, 0, _AWARD.search(s), "") for s in ("Austrian Science Fund (FWF 31234)",
    ...  "German Research Foundation (GRK 2062)")]
    [None, ('GRK 2062', 28)]
    >>> s = "National Science Foundation grants DMS 1234567 and DMS 7654321"
    >>> _coded_award(s, 0, list(_AWARD.finditer(s))[1], "")   # the same code again: its list
    ('DMS 7654321', 51)
    """
    number = m.group(0)
    code = _CODE_BEFORE.search(statement, max(pos, m.start() - 6), m.start())
    if not code or not number[0].isdigit() or sum(c.isdigit() for c in number) < 4 or re.match(r"(?:19[5-9]|20[0-4])\d(?!\d)", number):
        return None
    letters = code.group(0).strip()
    if _funders_letters(letters):
        return None
    lead = statement[max(pos, code.start() - _CODE_LOOK_BACK):code.start()]
    before = statement[max(0, code.start() - _CODE_LOOK_BACK):code.start()]   # (lead, across the awards before pos too)
    if re.search(rf"(?<![\w-]){re.escape(letters)} \d", before):
        # "DMS 1234567 and DMS 7654321": a code's list
        return f"{letters} {number}", code.start()
    if _ANOTHER_NAMED.search(lead) and not _CODE_LISTED.search(before):
        return None
    if pos < code.start() - _CODE_LOOK_BACK:  # (a name's words from the first whole one)
        lead = lead.split(None, 1)[-1]
    named = _clean_funder(lead) or funder_text
    if not re.search(r"[^\W\d_]", named):
        return None
    words = re.findall(r"[^\W\d_]+", split_place(named)[0])
    initials = {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}
    if letters in initials or re.search(rf"(?<![\w-]){letters}(?![\w-])", named):
        return None
    capitals = [w[0] for w in words if w[0].isupper()]
    if _OWN_BRACKET.search(lead) and capitals and letters[0] == capitals[0] and not is_known_funder(named):
        return None  # (a funder we know has its acronyms in the table: others are its programme's)
    return f"{letters} {number}", code.start()


@functools.lru_cache(maxsize=1024)
def _funders_letters(letters: str) -> bool:
    """Whether letters are a funder's we know ("NSFC", "NIA"; asked once for a text's many codes)."""
    return letters in ACRONYMS or normalise_funder(letters)[1] is not None


def _award_with_prefix(statement: str, pos: int, m: re.Match) -> tuple[str, int]:
    """The award and where it starts, with a Chinese prefix glued to it in its bracket.

    >>> s = "首都卫生发展科研专项(首发2018-2-4061)"
    >>> _award_with_prefix(s, 0, _AWARD.search(s))
    ('首发2018-2-4061', 11)

    An EU call glued to the grant's number by a dash is no part of it: the number, after the call.

    >>> s = "grant agreement [H2020-MSCA-ITN-2018-813545]"
    >>> _award_with_prefix(s, 0, _AWARD.search(s))
    ('813545', 36)
    """
    call = _GLUED_CALL.fullmatch(m.group(0))
    if call:
        return call.group(1), m.start() + call.start(1) - 1
    prefix = (_DOCUMENT_PREFIX if m.group(0)[0] in "[〔［" else _AWARD_PREFIX).search(statement, pos, m.start())
    if prefix and not _NOT_PREFIX.search(prefix.group(0)):
        return prefix.group(0) + m.group(0), prefix.start()
    return m.group(0), m.start()


# A number that names its funder by its shape, no funder named or one we do not know: Taiwan's
# Ministry of Science and Technology writes its acronym into its numbers, "MOST 108-2314-B-002-001"
# (year, field, class, university, serial), as the councils before and after it did, "NSC
# 99-2314-B-002-001", "NSTC 111-2314-B-002-001-MY3" (any other acronym before a number may be
# any funder's); NIH's intramural projects have activity codes of their own, ZI and a letter (ZIA
# research, ZIC cores, ZIE, ZIH …; before them Z01), and the institute's letters ("ZIA HL006123": the NHLBI's,
# by NIH_INSTITUTE_CODES; else the NIH's).
_TAIWAN = re.compile(r"(?-i:(MOST|NSC|NSTC)) ?\d{2,3}-\d{4}-[A-Z]-[0-9A-Z]{3}-\d{3}")
_TAIWAN_FUNDERS = {"MOST": "Ministry of Science and Technology, Taiwan", "NSC": "National Science Council, Taiwan",
                   "NSTC": "National Science and Technology Council, Taiwan"}
_NIH_INTRAMURAL = re.compile(rf"(?-i:(?:\d\s?)?Z(?:I[A-Z]|0\d)\s?([A-Z]{{2}})\s?\d{{6}}{NIH_BUDGET_YEAR})")
_NIH = "National Institutes of Health"
# The UK's Medical Research Council writes its board's letters into its numbers as the other UK
# research councils do theirs (EP/ the EPSRC's, BB/ the BBSRC's …): "MR/N013867/1", a letter and
# six digits, then the grant's part
_MRC = re.compile(r"(?-i:MR/[A-Z]\d{6}/\d{1,2})")
# A known funder's acronym glued to its number, or tied to it by a dash ("NIHR200123", the
# NIHR's awards as it writes them; "NSFC-81702662"): that funder's (funders.ACRONYMS; an acronym
# we do not know may be a programme's own letters, "BK20206990", "LY18E907663")
_GLUED_ACRONYM = re.compile(r"(?-i:([A-Z]{2,6}))-?(?=\d)")
# An ordinary NIH grant's number, its activity code (R01, P30, U01, K08, T32, UL1 …) before the
# institute's letters ("R01 CA123456", "5 P30 CA016672-45", "2T32GM008424-21"): the institute's
# by NIH_INSTITUTE_CODES, no funder named or the NIH; a funder we do not know named keeps it
# (it may give any funder's number that shape).
_NIH_ACTIVITY = re.compile(rf"(?-i:(?:\d\s?)?(?:[A-Z]\d{{2}}|[A-Z]{{2}}\d)\s?-?([A-Z]{{2}})\s?-?\d{{6}}{NIH_BUDGET_YEAR})")


def _nih_institute(award: str | None) -> str | None:
    """The NIH institute an ordinary NIH grant's number names by its letters, or None.

    >>> _nih_institute("R01 CA123456"), _nih_institute("2T32GM008424-21"), _nih_institute("R01 XY123456"), _nih_institute("CA123456")
    ('NCI', 'NIGMS', None, None)
    """
    m = _NIH_ACTIVITY.fullmatch(award or "")
    return NIH_INSTITUTE_CODES.get(m.group(1)) if m else None


def _numbered_funder(award: str | None) -> tuple[str, str] | None:
    """(the funder as the number writes it, the name it is known by) of a number that names its funder.

    >>> _numbered_funder("MOST 108-2314-B-002-001"), _numbered_funder("NSC 99-2314-B-002-001")
    (('MOST', 'Ministry of Science and Technology, Taiwan'), ('NSC', 'National Science Council, Taiwan'))
    >>> _numbered_funder("ZIA HL006123"), _numbered_funder("ZIA BC010123")
    (('', 'NHLBI'), ('', 'National Institutes of Health'))
    >>> _numbered_funder("NIHR200123"), _numbered_funder("BK20206990"), _numbered_funder("NIHR-2019")
    (('NIHR', 'NIHR'), None, None)
    >>> _numbered_funder("ERC-2017-STG 757588"), _numbered_funder("MR/N013867/1"), _numbered_funder("EP/R012345/1")
    (('ERC', 'ERC'), ('', 'Medical Research Council'), None)
    """
    if not award:
        return None
    taiwan = _TAIWAN.match(award)
    if taiwan:
        return taiwan.group(1), _TAIWAN_FUNDERS[taiwan.group(1)]
    if _MRC.fullmatch(award):
        return "", "Medical Research Council"
    intramural = _NIH_INTRAMURAL.fullmatch(award)
    if intramural:
        return "", NIH_INSTITUTE_CODES.get(intramural.group(1), _NIH)
    glued = _GLUED_ACRONYM.match(award)
    if glued and glued.group(1) in ACRONYMS and not re.fullmatch(r"(?:19|20)\d{2}", award[glued.end():]):
        return glued.group(1), glued.group(1)  # (not a year after it: "NIHR-2019" is none of its grants)
    return None


def _names_another_funder(named: str, numbered: tuple[str, str]) -> bool:
    """Whether the funder named beside a number that names its own funder (MOST's, NSC's, an NIH
    intramural number; a known acronym glued to it) is another funder, who keeps the grant: a funder
    we know or a funder's name, "the Beijing Natural Science Foundation (NSFC2019001)", "the Wellcome
    Trust (NIHR200123)". Not one unknown, "the HPLC cohort (NIHR200123)", nor the number's own
    funder written short or with more, "National Science and Technology Council (NSTC 111-…)",
    "Intramural Research Program of the NHLBI (ZIA HL006123)": the number's funder is taken.

    >>> _names_another_funder("Wellcome Trust", ("NIHR", "NIHR")), _names_another_funder("Beijing Natural Science Foundation", ("NSFC", "NSFC"))
    (True, True)
    >>> _names_another_funder("", ("NIHR", "NIHR")), _names_another_funder("the HPLC cohort", ("NIHR", "NIHR"))
    (False, False)
    >>> _names_another_funder("Intramural Research Program of the NHLBI", ("", "NHLBI"))
    False
    """
    if not (is_known_funder(named) or _is_funder_name(named)):
        return False
    if any(re.search(rf"(?-i:\b{re.escape(word)}\b)", named) for word in numbered if word):
        return False
    name = split_place(re.sub(r"^the\s+", "", named, flags=re.IGNORECASE))[0].lower()
    return not numbered[1].lower().startswith(name) and normalise_funder(named)[0] != normalise_funder(numbered[1])[0]


def funding_entry(funder_original: str, award: str | None) -> dict:
    """One funding entry from a funder as written and its grant number (a structured
    grant: MEDLINE GR, PubMed XML Grant), the funder normalised.

    >>> e = funding_entry("Susan G. Komen Scholar awardsSusan G. Komen Breast Cancer Foundation", None)
    >>> e["funder"], e["funder_original"]
    ('Susan G. Komen Breast Cancer Foundation', 'Susan G. Komen Scholar awards')
    >>> funding_entry("", "MOST 108-2314-B-002-001")["funder"], funding_entry("", "MOST 2019-01")["funder"]
    ('Ministry of Science and Technology (Taiwan)', '')
    >>> funding_entry("", "NSTC 111-2314-B-002-001-MY3")["funder"]
    'National Science and Technology Council (Taiwan)'
    >>> e = funding_entry("Intramural Research Program of the NHLBI", "ZIA HL006123")
    >>> e["funder"], e["funder_original"]
    ('National Heart, Lung, and Blood Institute', 'Intramural Research Program of the NHLBI')
    >>> [(e["funder"], e["funder_original"]) for e in map(funding_entry, ("", "NIH", "Wellcome Trust"), ["R01 CA123456"] * 3)]
    [('National Cancer Institute', ''), ('National Cancer Institute', 'NIH'), ('Wellcome Trust', 'Wellcome Trust')]
    """
    numbered = _numbered_funder(award)
    if numbered and not funder_original.strip():
        funder_original = numbered[0]  # (the number's prefix names it, or nothing)
    name, funder_id = normalise_funder(funder_original)
    if numbered and (not _names_another_funder(funder_original, numbered) or name == _NIH):
        # no funder we know (MOST's, NSC's numbers; an acronym's glued to its number), or the NIH
        # whose institute the number names
        name, funder_id = normalise_funder(numbered[1])
    elif (institute := _nih_institute(award)) and (not funder_original.strip() or name == _NIH):
        name, funder_id = normalise_funder(institute)  # (no funder named, or the NIH)
    written, own_name = _unglue(funder_original)
    if own_name and funder_id is None and name == funder_original:
        name = own_name  # a funder we do not know: Web of Science's name for it
    elif funder_id is None and name == funder_original:
        name, funder_id = _without_place(funder_original)
    return {"funder": name, "funder_original": written, "funder_id": funder_id, "award": _award_number(award)}


def _without_place(funder: str) -> tuple[str, str | None]:
    """A funder's name and id without where it is, which the funder as written keeps: "Research
    to Prevent Blindness, New York, NY" is Research to Prevent Blindness; a country after the
    city may name it ("National Science Council, Taipei, Taiwan", as "…, Taiwan" does).

    >>> _without_place("Research to Prevent Blindness, New York, NY"), _without_place("Natural Science Foundation of Jiangsu Province, Nanjing, China")
    (('Research to Prevent Blindness', None), ('Natural Science Foundation of Jiangsu Province', '10.13039/501100004608'))
    """
    name, place = split_place(funder)
    if not place:
        return funder, None
    country = re.split(r"\s*,\s*", place)[-1]
    for text in ([f"{name}, {country}"] if country.replace(".", "").lower() in COUNTRIES else []) + [name]:
        known, funder_id = normalise_funder(text)
        if funder_id or known != text:
            return known, funder_id
    return name, None


def _award_number(award: str | None) -> str | None:
    """A structured grant's number, or None where it holds none: MEDLINE pads an agency's
    acronym with "_" in the number's place ("WT_/Wellcome Trust/United Kingdom").

    >>> _award_number("WT_"), _award_number("R01 CA123456"), _award_number(""), _award_number("No. 81702662")
    (None, 'R01 CA123456', None, '81702662')
    """
    if not award or re.fullmatch(r"[A-Za-z]{1,8}_+", award.strip()):
        return None
    # a label before the number: "No. 81702662" (MEDLINE's GR as some journals deposit it)
    return re.sub(r"^(?:(?:grant|project|award)\s+)?(?:nos?|number)\s*[.．:：]?\s*(?=\d)", "", award.strip(),
                  flags=re.IGNORECASE) or None


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
    """Each (funder, award) once; a funder named without a grant number is dropped when the
    statement also gives it one, or one the funder named gave to its part ("National Institutes
    of Health, NIH, R01 AI123456": the NIAID's grant, the NIH as written).

    >>> [(e["funder"], e["award"]) for e in _unique([funding_entry("National Institutes of Health", None),
    ...                                              funding_entry("NIH", "R01 AI123456")])]
    [('National Institute of Allergy and Infectious Diseases', 'R01 AI123456')]
    """
    awarded = {name for e in entries if e["award"]
               for name in (e["funder"], normalise_funder(e.get("funder_original") or "")[0])}
    seen, out = set(), []
    for e in entries:
        key = (e["funder"], e["award"])
        if key not in seen and (e["award"] or e["funder"] not in awarded):
            seen.add(key)
            out.append(e)
    return out


# Scopus's "Funding Details": one funder a part, its acronym and grant numbers after it
# ("National Natural Science Foundation of China, NSFC, (81702662, 81871234)"; its CSV
# "…, NSFC: 81702662"; "; " between parts).
_DETAIL_PARTS = re.compile(r"\s*;\s*(?![^()]*\))")


def grants_beyond(statements: list[str], details: list[str]) -> list[str]:
    """What a record's list of funders and grant numbers (Scopus's "Funding Details") adds to
    its funding statements (its "Funding Text"): all of it when there is no statement; else
    each grant number none of the statements gives, with its funder as the details name it.
    Scopus takes the details from the statements, but not always every grant: the text of a
    paper funded by two may name only one.  A funder without a number adds nothing to a
    statement, which names its funders.

    >>> text = "Supported by the National Natural Science Foundation of China (81702662, 81871234)."
    >>> grants_beyond([text], ["National Natural Science Foundation of China, NSFC, (81702662, 81871234); "
    ...                        "Shanxi Province Science Foundation for Youths, (201901D211123)"])
    ['Shanxi Province Science Foundation for Youths, (201901D211123)']
    >>> grants_beyond(["Funded by the NSFC (81702662) and the NIH (AI123456)."],
    ...               ["National Natural Science Foundation of China, NSFC, (81702662, 81871234); "
    ...                "National Institutes of Health, NIH, (R01 AI123456); Pfizer"])
    ['National Natural Science Foundation of China (81871234)']
    >>> grants_beyond([], ["Pfizer"])
    ['Pfizer']
    """
    statements = [s for s in statements if s.strip()]
    if not statements:
        return ["; ".join(_without_acronym(p) for p in _DETAIL_PARTS.split(detail)) for detail in details]
    given = " ".join(statements)
    keys = {_award_key(a.group(0)) for a in _AWARD.finditer(given) if _is_award(a.group(0))}
    beyond = []
    for part in (_without_acronym(p) for detail in details for p in _DETAIL_PARTS.split(detail) if p.strip()):
        awards = [coded or (a.group(0), a.start()) for a in _AWARD.finditer(part)
                  if (coded := _coded_award(part, 0, a, "")) or _is_award(a.group(0))]
        missing = [a for a, _ in awards if not _gives(given, keys, a)]
        if not missing:
            continue
        if len(missing) == len(awards):
            beyond.append(part.strip())
        else:  # some of its numbers given: the others, after the funder
            beyond.append(f"{_clean_funder(part[:awards[0][1]])} ({', '.join(missing)})")
    return beyond


# The acronym Scopus writes after a funder's name in its "Funding Details" ("Wellcome Trust, WT,
# (…)", "Horizon 2020 Framework Programme, H2020, (757588)": no grant; CSV's "…, NSFC: 81702662")
_DETAIL_ACRONYM = re.compile(r"^(?P<name>[^,()]+?),\s*(?P<acronym>(?-i:[A-Z][A-Z0-9&-]{1,9}))(?=\s*(?:,|:|$))")


def _without_acronym(part: str) -> str:
    """A part of Scopus's "Funding Details" without the funder's acronym after its name.

    >>> _without_acronym("Wellcome Trust, WT, (206194/Z/17/Z)"), _without_acronym("Horizon 2020 Framework Programme, H2020, (757588)")
    ('Wellcome Trust, (206194/Z/17/Z)', 'Horizon 2020 Framework Programme, (757588)')
    >>> _without_acronym("National Institutes of Health, NIH: R01 CA123456"), _without_acronym("Pfizer")
    ('National Institutes of Health: R01 CA123456', 'Pfizer')

    Letters with digits are a grant, unless the name holds the digits ("H2020" of "Horizon 2020");
    a country after the name is where it is:

    >>> _without_acronym("National Science Foundation, DMS1234567"), _without_acronym("Department of Health, UK")
    ('National Science Foundation, DMS1234567', 'Department of Health, UK')
    """
    def acronym(m: re.Match) -> str:
        letters = m.group("acronym")
        digits = re.findall(r"\d+", letters)
        if letters.lower() in COUNTRIES or digits and not all(
                re.search(rf"(?<!\d){d}(?!\d)", m.group("name")) for d in digits):
            return m.group(0)
        return m.group("name")
    return _DETAIL_ACRONYM.sub(acronym, part)


def statement_grants_beyond(given: list[str], statements: list[str]) -> list[str]:
    """The grants of funding statements that a list of funders and grant numbers (Web of
    Science's FU beside its FX, the funding text) does not give, each as "funder (number)" to
    be read after the list: the list and the text are the same funding written twice, but a
    grant may be in one alone.  Only a grant of a funder named as one (:func:`_names_a_funder`)
    is added: what the text thanks with a number (a resource's application number, a person's
    or a hospital's project) is no grant.

    >>> statement_grants_beyond(
    ...     ["National Natural Science Foundation of China [81702662]"],
    ...     ["Supported by the NSFC (81702662) and the Wellcome Trust (208812/Z/17/Z)."])
    ['Wellcome Trust (208812/Z/17/Z)']
    >>> statement_grants_beyond(["Medical Research Council [MR/N003284/1]"],
    ...     ["Supported by the Medical Research Council (MR/N003284/1). This research has been "
    ...      "conducted using the UK Biobank Resource under Application Number 12345."])
    []
    """
    text = " ".join(given)
    keys = {_award_key(a.group(0)) for a in _AWARD.finditer(text) if _is_award(a.group(0))}
    return [f"{e['funder_original']} ({e['award']})" for statement in statements
            for e in parse_funding(statement_body(statement))
            if e["award"] and _names_a_funder(e) and not _gives(text, keys, e["award"])]


def _names_a_funder(entry: dict) -> bool:
    """Whether an entry's funder is one: a funder we know or a name headed by a funder's word
    ("Novo Nordisk Foundation"), not a person thanked ("Professor Wang of Nanjing University")
    nor the words before a number that name none ("using the UK Biobank Resource under Application").

    >>> _names_a_funder(funding_entry("Novo Nordisk Foundation", "NNF18OC0012345"))
    True
    >>> _names_a_funder(funding_entry("authors thank Professor Wang Jianguo of Nanjing University", "2019-12"))
    False
    """
    name = entry["funder_original"]
    return bool(entry["funder_id"] or _is_funder_name(name)) and not _PERSON_THANKED.search(name)


def detail_grants(statements: list[str], details: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """:func:`grants_beyond` of details read with their line numbers (a reader's raw
    values), each grant with the line of the details it came from."""
    return [(grant, line) for value, line in details for grant in grants_beyond(statements, [value])]


def _award_key(award: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", award).upper()


def _gives(text: str, keys: set[str], award: str) -> bool:
    """Whether a statement gives a grant number: as written, or as one of its numbers with or
    without a prefix (the details' "R01 AI123456" is the text's "AI123456")."""
    written = r"\s*".join(map(re.escape, award.split()))
    if re.search(rf"(?<![0-9A-Za-z]){written}(?![0-9A-Za-z])", text, re.IGNORECASE):
        return True
    key = _award_key(award)
    return any(k == key or min(len(k), len(key)) >= 6 and (k.endswith(key) or key.endswith(k)) for k in keys)


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
    >>> split_funding_statement("Works. Funding: NSFC. Trial registration: ChiCTR1900021234.")
    ('Works. Trial registration: ChiCTR1900021234.', 'Funding: NSFC.')
    >>> split_funding_statement("We describe a network. Supported by the Gates Foundation, 45 hospitals joined it.")[1]
    """
    bracketed = _split_bracketed_statement(text)
    if bracketed:
        return bracketed
    for m in _STATEMENT_START.finditer(text):
        statement = text[m.start():]
        if len(statement) - (m.end() - m.start()) > 600:
            continue
        # The statement ends where a declaration or the next label begins ("Trial
        # registration: …"); that stays with the text.
        declaration = _DECLARATION.search(statement, m.end() - m.start())
        rest = ""
        if declaration:
            rest = statement[declaration.end():].strip()
            statement = statement[:declaration.start()]
        registration = _registration_start(statement, m.end() - m.start())
        if registration is not None:  # (before any declaration: "… NCT01234567. Conflicts …")
            rest = f"{statement[registration:].strip()} {rest}".strip()
            statement = statement[:registration]
        cell_lines = _cell_lines_start(statement, m.end() - m.start())
        if cell_lines is not None:  # "… (81702662). A549 cells were from ATCC."
            rest = f"{statement[cell_lines:].strip()} {rest}".strip()
            statement = statement[:cell_lines]
        if m.group("acknowledged") and _in_declaration(text, m.start()):
            continue  # (the authors' other funding, declared as an interest: not this paper's)
        body = statement[m.end() - m.start():]
        if no_funding(body) or not (_names_funding(body) or m.group("label") and _names_funders(body)):
            continue  # (a statement of no funding stays with the text: "基金项目：本研究未获得任何基金资助")
        if not _only_funding(statement):
            continue
        if (not m.group("label") or _STATEMENT_START.match(body.lstrip())) and _goes_on(statement):
            continue  # "Funded by X, 3,215 projects produced …": content, not a statement
        content = text[:m.start()].rstrip()
        if rest:
            gap = "" if re.match(r"[\u3000-\u9fff\uff00-\uffef]", (content[-1:] or "。")) else " "
            content = f"{content}{gap}{rest}" if content else rest
        return content, statement.strip()
    return text, None


# A label with its colon ("Funding:", "Conflicts of interest:", "利益冲突："), and one that opens a
# declaration of the authors' interests
_A_LABEL = re.compile(r"(?:^|(?<=[\s.。;；)）]))((?-i:[A-Z])[A-Za-z' ]{2,40}?|[\u4e00-\u9fff]{2,8})\s*[:：]")
_INTERESTS_LABEL = re.compile(r"(?:Conflicts? of interests?(?: statement)?|Competing interests?|Declarations? of (?:competing )?"
                              r"interests?|Disclosures?|Financial disclosures?|Potential conflicts? of interests?"
                              r"|(?:利益冲突|竞争利益)(?:声明)?)", re.IGNORECASE)


def _in_declaration(text: str, start: int) -> bool:
    """Whether text[start] lies under a declaration of interests, the last label before it being
    one ("Competing interests: … The authors acknowledge funding from Pfizer for consulting."):
    the funding an author declares there is theirs, not the paper's.

    >>> _in_declaration("Competing interests: none. We acknowledge support from X.", 27)
    True
    >>> _in_declaration("Competing interests: none. Funding: We acknowledge support from X.", 36)
    False
    """
    labels = list(_A_LABEL.finditer(text, 0, start))
    return bool(labels) and bool(_INTERESTS_LABEL.fullmatch(labels[-1].group(1).strip()))


# A sentence registering the trial or review ("This trial is registered with ClinicalTrials.gov,
# NCT01234567.", "本研究已在中国临床试验注册中心注册(ChiCTR…)。"): its number is no grant number,
# and it stays with the text.
_REGISTRATION = re.compile(r"(?<![A-Za-z0-9])(?:NCT\d{8}|ChiCTR[-A-Z]*\d{6,}|ISRCTN\d{6,}|CRD42\d{6,}|ACTRN\d{8,}"
                           r"|DRKS\d{8}|UMIN\d{9})(?!\d)|(?:临床)?试验注册|注册中心|已(?:在[^。]{0,30})?注册")


def _registration_start(statement: str, start: int) -> int | None:
    """Where a sentence after a statement's first that registers the trial begins.

    >>> s = "Supported by X Fund (81672345). This trial is registered, NCT01234567."
    >>> s[_registration_start(s, 0):]
    'This trial is registered, NCT01234567.'
    """
    for brk in _SENTENCE_BREAK.finditer(statement, start):
        sentence = _SENTENCE_BREAK.split(statement[brk.end():], 1)[0]
        if _REGISTRATION.search(sentence) and not _STATEMENT_START.match(sentence):
            return brk.end()
    return None


# A sentence naming the cell lines used ("A549 and NCI-H460 cells were from ATCC."): no content
# that makes a statement before it none, it stays with the text
_CELL_LINES_SENTENCE = re.compile(rf"(?<![0-9A-Za-z-]){_CELL_LINES}")


def _cell_lines_start(statement: str, start: int) -> int | None:
    """Where a sentence after a statement's first that names cell lines, and no grant, begins.

    >>> s = "Supported by the NSFC (81702662). A549 and NCI-H460 cells were from ATCC."
    >>> s[_cell_lines_start(s, 0):]
    'A549 and NCI-H460 cells were from ATCC.'
    """
    for brk in _SENTENCE_BREAK.finditer(statement, start):
        sentence = _SENTENCE_BREAK.split(statement[brk.end():], 1)[0]
        if (_CELL_LINES_SENTENCE.search(sentence) and not _STATEMENT_START.match(sentence)
                and not any(_is_award(a.group(0)) for a in _AWARD.finditer(sentence))):
            return brk.end()
    return None


def _names_funding(body: str) -> bool:
    """Whether a statement's body names a funder with a grant number, or a fund or programme;
    or a funder's acronym right before a grant number ("Supported by NSF DMS-1234567."), or in
    it ("MOST 108-2314-B-002-001", "NIHR200123"); or a funder we know, by name or acronym, before a grant
    number ("Supported by the NIHR (NIHR200123).": no funder's word, no acronym right before it).

    >>> _names_funding("NSF DMS-1234567 and RPB 2019-01."), _names_funding("the HPLC data of 2019.")
    (True, False)
    >>> _names_funding("the NIHR (2019-01234)."), _names_funding("the HPLC cohort (2019-01234).")
    (True, False)
    >>> _names_funding("NIHR200123.")  # (a number that names its funder, _numbered_funder)
    True
    >>> _names_funding("the Deutsche Forschungsgemeinschaft (SFB 1234, project A01).")  # (a programme's code, _coded_award)
    True
    """
    awards = [a for a in _AWARD.finditer(body) if _is_award(a.group(0)) or _coded_award(body, 0, a, "")]
    if any(_ACRONYM_BEFORE.search(body, 0, a.start()) or _numbered_funder(a.group(0)) or _nih_institute(a.group(0))
           for a in awards):
        return True  # (or a number that names its funder: "Supported by ZIA HL006123.", "… by R01 CA123456.")
    if any(_known_funder(body[prev.end() if prev else 0:a.start()]) for prev, a in zip([None] + awards, awards)):
        return True
    return bool(_FUNDER_WORD.search(body)) and bool(awards or re.search(r"基金|Foundation|Fund\b|Program", body))


def _known_funder(text: str) -> bool:
    """Whether text before a grant number names a funder we know (by :mod:`funders`' table)."""
    name = _clean_funder(text)
    return bool(name) and is_known_funder(name)


# A funder's acronym ("NSF", "RPB", "NIH"), and one right before a grant number, a space between
_ACRONYM = re.compile(r"(?-i:[A-Z]{2,6})")
_ACRONYM_BEFORE = re.compile(r"(?<![\w&.-])(?-i:[A-Z]{2,6})\s+$")


# A funder written as a name, capitalised ("Pfizer", "Wellcome Trust", "NIH"), that is not
# the start of a sentence saying there was no funding ("None", "Not applicable", "This study …").
_CAPITALISED_NAME = re.compile(r"(?-i:[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9&][\w&.'’-]*|of|for|and|the|de|du|la)){0,6})")
_NO_FUNDING = re.compile(r"(?:none|nil|n/?a|not|no|self|the|this|these|our|we|unfunded|non)\b", re.IGNORECASE)


def _names_funders(body: str) -> bool:
    """Whether a labelled statement's body is only funders' names, with grant numbers or
    without: "FUNDING: Pfizer.", "Grants: NIH R01 CA123456; NSFC 81672345."

    >>> _names_funders("Pfizer."), _names_funders("None declared."), _names_funders("The authors received none.")
    (True, False, False)
    """
    entries = parse_funding(body)
    return bool(entries) and all(
        _is_funder_name(e["funder_original"])
        or _CAPITALISED_NAME.fullmatch(e["funder_original"]) and not _NO_FUNDING.match(e["funder_original"])
        for e in entries)


# A bracketed statement closing an abstract, NEJM's "(Funded by AstraZeneca; SYGMA 1
# ClinicalTrials.gov number, NCT02149199.)": the funders, then what stays in the text.
_BRACKETED_STATEMENT = re.compile(
    r"\s*\((?P<statement>(?:Funded|Supported|Sponsored) by [^;()]+?)\.?\s*(?:;\s*(?P<rest>[^()]*))?\)[.。]?\s*$")


def _split_bracketed_statement(text: str) -> tuple[str, str] | None:
    """(content, statement) of a text ending with a bracketed statement; the registration
    after the funders stays in the text.

    >>> _split_bracketed_statement("Lower exposure. (Funded by AstraZeneca; SYGMA 1 ClinicalTrials.gov number, NCT02149199 .).")
    ('Lower exposure. (SYGMA 1 ClinicalTrials.gov number, NCT02149199 .).', 'Funded by AstraZeneca')
    """
    m = _BRACKETED_STATEMENT.search(text)
    if not m or not _names_funders(statement_body(m.group("statement"))):
        return None
    if m.group("rest"):
        return text[:m.start("statement")] + text[m.start("rest"):], m.group("statement")
    return text[:m.start()].rstrip(), m.group("statement")


# Words that join funders' names in a statement; other lower-case words make a clause content.
_LINKING_WORDS = frozenset(
    "and the of for by in part from with to under no nos number numbers grant grants award awards agreement "
    "contract project projects programme program fund funds funding partly partially also as well a an its "
    "their our through via on at was were is are been be supported funded sponsored financed respectively "
    "jointly both each research science scientific innovation technology development key national "
    "fellowship fellowships scholarship support which gratefully acknowledged acknowledge thankfully".split())


def _goes_on(statement: str) -> bool:
    """Whether the first sentence of a statement goes on, after a comma, with a clause naming
    no funder: "Supported by the Gates Foundation, 45 hospitals joined the network."

    >>> _goes_on("Supported by the Gates Foundation grant program, 45 hospitals joined the network.")
    True
    >>> _goes_on("Supported by the X Foundation (Nos. 81702662, 81672345), the Y Trust, and Pfizer, respectively.")
    False
    >>> _goes_on("本研究由国家自然科学基金委员会提供数据，发现获得资助与论文产出正相关。")
    True
    """
    first = _SENTENCE_BREAK.split(statement_body(statement))[0]
    if any(_is_award(a.group(0)) for a in _AWARD.finditer(first)):
        return False  # a grant number makes it a statement, whatever follows it
    return any(_is_clause(part) for part in re.split(r"[,，;；](?!\d)", first)[1:])


def _is_clause(part: str) -> bool:
    if _FUNDER_WORD.search(part) or any(_is_award(a.group(0)) for a in _AWARD.finditer(part)):
        return False
    if re.search(r"[\u4e00-\u9fff]", part):
        # "…，北京大学医学部资助。": a funder, with the verb the statement ends on
        return not (_is_funder_name(_clean_funder(part)) or re.search(r"(?:资助|支持|资助完成)[。.]?$", part.strip()))
    words = [w for w in re.findall(r"\b[a-z]{2,}\b", part) if w not in _LINKING_WORDS]
    return len(words) >= 2


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
    >>> statement_body("Open Access funding enabled and organized by Projekt DEAL.")
    'Projekt DEAL.'
    """
    m = _STATEMENT_START.match(statement) or _OPEN_ACCESS.match(statement)
    while m:  # "FUNDING: This research was supported by ..."
        statement = statement[m.end():].lstrip()
        m = _STATEMENT_START.match(statement) or _OPEN_ACCESS.match(statement)
    return statement


# Springer's open access funding, a funder's list of its own (Web of Science's FU "Open Access
# funding enabled and organized by Projekt DEAL."): its funder is Projekt DEAL.  (Not a statement's
# start in a text: the funding statement after it in a funding text is read as its own.)
_OPEN_ACCESS = re.compile(r"Open\s+access\s+funding\s+(?:(?:enabled\s+and\s+)?organi[sz]ed|provided|enabled)\s+by\s+"
                          r"(?:the\s+)?", re.IGNORECASE)


# What a sentence of thanks opens with before the funder it names ("We thank the …", "感谢…").
_THANKS = re.compile(r"^(?:(?:we|the authors?)\s+(?:would\s+like\s+to\s+|wish\s+to\s+)?(?:gratefully\s+)?"
                     r"(?:thank|acknowledge)s?|(?:we\s+are|the\s+authors?\s+(?:are|is))\s+grateful\s+(?:to|for)"
                     r"|(?:衷心|特别)?感谢|谨?向)\s*", re.IGNORECASE)


def acknowledged_funding(text: str) -> list[str]:
    """The funding statements of an acknowledgement: a statement it closes with ("This work
    was supported by …"), and each sentence of thanks naming a funder with its grant number
    ("We thank the NSFC (81702662) for support.", its thanks left out); thanks to people,
    or to a funder without a number, give none.

    >>> acknowledged_funding("We thank Dr. Li for the figures. We thank the National Natural Science Foundation of China (81702662) for support.")
    ['the National Natural Science Foundation of China (81702662) for support.']
    >>> acknowledged_funding("感谢国家自然科学基金(81702662)的资助。"), acknowledged_funding("We thank the 45 hospitals (2019 cohort).")
    (['国家自然科学基金(81702662)的资助。'], [])
    >>> acknowledged_funding("The authors thank Professor Zhang San (Peking University) for reading the manuscript, "
    ...                      "and the Biobank (project 2019-1234) for samples.")
    []
    >>> acknowledged_funding("Supported by the Medical Research Council (MR/N003284/1). This research has been "
    ...                      "conducted using the UK Biobank Resource under Application Number 12345.")
    ['Supported by the Medical Research Council (MR/N003284/1).']
    """
    content, statement = split_funding_statement(text)
    found = _thanked_funding(_SENTENCE_BREAK.split(content))
    if statement:
        # the statement runs on over sentences that give a number: those that are no statement
        # themselves are read as thanks ("This research has been conducted using the UK Biobank
        # Resource under Application Number 12345.": no funder)
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(statement)]
        sentences = [statement[a:b] for a, b in zip([0] + ends, ends + [len(statement)])]
        found.append("".join(s for i, s in enumerate(sentences) if not i or _STATEMENT_START.match(s)).strip())
        found += _thanked_funding([s for s in sentences[1:] if not _STATEMENT_START.match(s)])
    return found


def _thanked_funding(sentences: list[str]) -> list[str]:
    """The sentences of thanks naming a funder with a grant number, their thanks left out."""
    found = []
    for sentence in sentences:
        body = _THANKS.sub("", sentence.strip())
        # a funder's name right before the number, not a person at a university thanked
        if any(e["award"] and _names_a_funder(e) for e in parse_funding(body)):
            found.append(body)
    return found
