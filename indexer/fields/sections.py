"""Structured abstracts: split into labelled sections with canonical English labels.

An abstract is split only when it opens with a known label and at least two known
labels are found at sentence starts.  An English abstract that also carries an
upper-case heading we do not know (DISCUSSION, SEARCH METHODS ...) is left whole:
splitting it would file that heading's text under the wrong label.
"""
from __future__ import annotations

import re

# Canonical label for each label as written (upper-cased for English).
LABELS_EN: dict[str, str] = {
    "BACKGROUND": "BACKGROUND", "BACKGROUNDS": "BACKGROUND", "CONTEXT": "BACKGROUND",
    "OBJECTIVE": "OBJECTIVE", "OBJECTIVES": "OBJECTIVE", "AIM": "OBJECTIVE", "AIMS": "OBJECTIVE",
    "PURPOSE": "OBJECTIVE", "AIMS AND OBJECTIVES": "OBJECTIVE",
    "METHODS": "METHODS", "METHOD": "METHODS", "MATERIALS AND METHODS": "METHODS",
    "MATERIAL AND METHODS": "METHODS", "METHODS AND MATERIALS": "METHODS", "DESIGN": "METHODS",
    "RESULTS": "RESULTS", "RESULT": "RESULTS", "FINDINGS": "RESULTS", "PRINCIPAL FINDINGS": "RESULTS",
    "CONCLUSION": "CONCLUSION", "CONCLUSIONS": "CONCLUSION", "INTERPRETATION": "CONCLUSION",
    "CONCLUSIONS AND RELEVANCE": "CONCLUSION", "CLINICAL SIGNIFICANCE": "CONCLUSION",
    "CLINICAL RELEVANCE": "CONCLUSION", "CONCLUSIONS AND CLINICAL IMPORTANCE": "CONCLUSION",
    "CONCLUSIONS AND CLINICAL RELEVANCE": "CONCLUSION", "CONCLUSION AND CLINICAL IMPORTANCE": "CONCLUSION",
    "CONCLUSION AND CLINICAL RELEVANCE": "CONCLUSION",
    # Veterinary journals (JVIM, AJVR): a hypothesis opens, animals and procedures are methods.
    "HYPOTHESIS": "OBJECTIVE", "HYPOTHESES": "OBJECTIVE", "HYPOTHESIS/OBJECTIVES": "OBJECTIVE",
    "ANIMALS": "METHODS", "ANIMALS, MATERIALS AND METHODS": "METHODS", "PROCEDURES": "METHODS",
    "ANIMALS STUDIED": "METHODS", "ANIMAL STUDIED": "METHODS",
    "MEASUREMENTS": "METHODS", "STUDY DESIGN": "METHODS", "DESIGN AND METHODS": "METHODS",
    # Clinical journals (JAMA, Ophthalmology, J Neurosci Methods ...).  A review's headings
    # (SEARCH METHODS, SELECTION CRITERIA ...) and DISCUSSION stay unknown: such abstracts are
    # left whole, as ../shared's clean-pages gold leaves them.
    "INTRODUCTION": "BACKGROUND", "IMPORTANCE": "BACKGROUND", "RATIONALE": "BACKGROUND",
    "RESEARCH QUESTION": "OBJECTIVE",
    "SETTING": "METHODS", "SETTINGS": "METHODS", "PARTICIPANTS": "METHODS", "PATIENTS": "METHODS",
    "PATIENT": "METHODS", "SUBJECTS": "METHODS", "INTERVENTION": "METHODS", "INTERVENTIONS": "METHODS",
    "EXPOSURE": "METHODS", "EXPOSURES": "METHODS", "MEASURES": "METHODS", "MAIN OUTCOME": "METHODS",
    "MAIN OUTCOMES": "METHODS",
    "MAIN OUTCOME MEASURE": "METHODS", "MAIN OUTCOME MEASURES": "METHODS", "OUTCOME MEASURES": "METHODS",
    "MAIN OUTCOMES AND MEASURES": "METHODS", "NEW METHOD": "METHODS", "METHODOLOGY": "METHODS",
    "KEY RESULTS": "RESULTS", "COMPARISON WITH EXISTING METHODS": "RESULTS",
    "COMPARISON WITH EXISTING METHOD": "RESULTS", "CASE DESCRIPTION": "CASE SUMMARY", "CASE HISTORY": "CASE SUMMARY",
    "TRIAL REGISTRATION": "TRIAL REGISTRATION", "CLINICAL TRIAL REGISTRATION": "TRIAL REGISTRATION",
    "FINANCIAL DISCLOSURE": "FINANCIAL DISCLOSURE", "FINANCIAL DISCLOSURES": "FINANCIAL DISCLOSURE",
    "CASE SUMMARY": "CASE SUMMARY", "CASE PRESENTATION": "CASE SUMMARY", "CASE REPORT": "CASE SUMMARY",
    # JAMA's methods under one heading, written out for a heading set off by a space only (with a
    # colon, any heading joining labels with commas is one, _compound).
    **{f"DESIGN, {setting}{comma} AND {who}": "METHODS" for setting in ("SETTING", "SETTINGS")
       for comma in (",", "") for who in ("PARTICIPANTS", "PATIENTS")},
    "MAIN OUTCOME AND MEASURES": "METHODS",
    # Why it matters (PNAS's, J Neurosci's statement) closes an abstract as JAMA's "Conclusions and
    # Relevance" does; before the methods it is the background, as JAMA's "Importance" (_by_position).
    "SIGNIFICANCE": "CONCLUSION", "SIGNIFICANCE STATEMENT": "CONCLUSION",
    # A grade of evidence (Spine, JBJS, Arthroscopy) is a part of its own, no sentence of the conclusion's.
    "LEVEL OF EVIDENCE": "LEVEL OF EVIDENCE",
}
LABELS_ZH: dict[str, str] = {
    "目的": "OBJECTIVE", "目标": "OBJECTIVE", "背景": "BACKGROUND", "方法": "METHODS",
    "结果": "RESULTS", "结论": "CONCLUSION", "結果": "RESULTS", "結論": "CONCLUSION",
    **{f"{what}{conj}方法": "METHODS" for what in ("资料", "材料", "对象") for conj in ("与", "和", "及")},
    "方法与材料": "METHODS",
    # One heading for two sections, next to each other in the order (背景与目的, 中国肺癌杂志's;
    # 目的与方法, 方法与结果, 结果与结论, 药学 and 医学 journals'): filed, as _compound files
    # "METHODS AND RESULTS", under its first part.
    **{f"{first}{conj}{then}": label for (first, label), then in zip(
        (("背景", "BACKGROUND"), ("目的", "OBJECTIVE"), ("方法", "METHODS"), ("结果", "RESULTS")),
        ("目的", "方法", "结果", "结论")) for conj in ("与", "和", "及")},
    **{f"讨论{conj}结论": "CONCLUSION" for conj in ("与", "和", "及")},
    # Library and information science journals (图书情报工作, 现代情报): [目的/意义] [方法/过程]
    # [结果/结论]; a slash joins the parts as 与 does.
    **{f"{first}{slash}{then}": label for first, then, label in (
        ("背景", "目的", "BACKGROUND"), ("目的", "意义", "OBJECTIVE"), ("目的", "方法", "OBJECTIVE"),
        ("方法", "过程", "METHODS"), ("方法", "结果", "METHODS"), ("结果", "结论", "RESULTS"))
       for slash in ("/", "／")},
    # Parts after the conclusion, labels only when set off by a colon or brackets (_ZH_SET_OFF_ONLY).
    "意义": "CONCLUSION", "临床意义": "CONCLUSION", "研究意义": "CONCLUSION",
    "证据等级": "LEVEL OF EVIDENCE", "证据级别": "LEVEL OF EVIDENCE",
}
# Japanese structured abstracts write the same labels in kanji (目的, 方法, 結果, 結論, 背景; 【目的】),
# and their own: 対象 (the subjects, as SUBJECTS), 対象と方法, 結語 (the closing words).  考察, the
# discussion, is a heading filed under none, as DISCUSSION: an abstract with one is left whole.
LABELS_JA: dict[str, str] = {
    **LABELS_ZH, "対象": "METHODS", "結語": "CONCLUSION", "考察": "DISCUSSION",
    **{f"{what}と方法": "METHODS" for what in ("対象", "材料", "資料")},
}
# Structured abstracts in German, Spanish, French and Portuguese: their labels (upper-cased), filed
# as the English ones are; the discussion is filed under none, as DISCUSSION is.
LABELS_EU: dict[str, dict[str, str]] = {
    "de": {"HINTERGRUND": "BACKGROUND", "EINLEITUNG": "BACKGROUND", "ZIEL": "OBJECTIVE", "ZIELE": "OBJECTIVE",
           "ZIEL DER ARBEIT": "OBJECTIVE", "ZIEL DER STUDIE": "OBJECTIVE",
           "ZIELSETZUNG": "OBJECTIVE", "FRAGESTELLUNG": "OBJECTIVE", "METHODEN": "METHODS", "METHODIK": "METHODS",
           "MATERIAL UND METHODEN": "METHODS", "PATIENTEN UND METHODEN": "METHODS", "ERGEBNISSE": "RESULTS",
           "SCHLUSSFOLGERUNG": "CONCLUSION", "SCHLUSSFOLGERUNGEN": "CONCLUSION", "FAZIT": "CONCLUSION",
           "DISKUSSION": "DISCUSSION"},
    "es": {"ANTECEDENTES": "BACKGROUND", "INTRODUCCIÓN": "BACKGROUND", "OBJETIVO": "OBJECTIVE",
           "OBJETIVOS": "OBJECTIVE", "MÉTODO": "METHODS", "MÉTODOS": "METHODS", "MATERIAL Y MÉTODOS": "METHODS",
           "MATERIAL Y MÉTODO": "METHODS", "PACIENTES Y MÉTODOS": "METHODS", "INTRODUCCIÓN Y OBJETIVOS": "BACKGROUND",
           # Spanish journals' (Atención Primaria's, Gaceta Sanitaria's) methods under several headings
           "DISEÑO": "METHODS", "EMPLAZAMIENTO": "METHODS", "PARTICIPANTES": "METHODS",
           "MEDICIONES PRINCIPALES": "METHODS", "RESULTADOS": "RESULTS", "CONCLUSIÓN": "CONCLUSION",
           "CONCLUSIONES": "CONCLUSION", "DISCUSIÓN": "DISCUSSION"},
    "fr": {"CONTEXTE": "BACKGROUND", "INTRODUCTION": "BACKGROUND", "OBJECTIF": "OBJECTIVE", "OBJECTIFS": "OBJECTIVE",
           "MÉTHODE": "METHODS", "MÉTHODES": "METHODS", "MATÉRIEL ET MÉTHODES": "METHODS",
           "MATÉRIELS ET MÉTHODES": "METHODS", "PATIENTS ET MÉTHODES": "METHODS", "RÉSULTATS": "RESULTS", "CONCLUSION": "CONCLUSION",
           "CONCLUSIONS": "CONCLUSION", "DISCUSSION": "DISCUSSION"},
    "pt": {"INTRODUÇÃO": "BACKGROUND", "OBJETIVO": "OBJECTIVE", "OBJETIVOS": "OBJECTIVE", "MÉTODO": "METHODS",
           "MÉTODOS": "METHODS", "MATERIAL E MÉTODOS": "METHODS", "MÉTODOS E MATERIAIS": "METHODS",
           "MATERIAIS E MÉTODOS": "METHODS", "MÉTODOS E RESULTADOS": "METHODS",
           "RESULTADOS": "RESULTS", "CONCLUSÃO": "CONCLUSION", "CONCLUSÕES": "CONCLUSION", "DISCUSSÃO": "DISCUSSION"},
}
# Statements of why it matters, filed by where they stand (_by_position).
_BY_POSITION = frozenset(("SIGNIFICANCE", "SIGNIFICANCE STATEMENT", "意义", "研究意义", "临床意义"))
# Words that open sentences too (意义在于…): never a glued label, nor a heading's second part
# (目的/意义 is the objective's heading).
_ZH_SET_OFF_ONLY = frozenset(("意义", "临床意义", "研究意义", "证据等级", "证据级别"))
# Japanese opens sentences with these too (対象は…, 考察すると…).
_JA_SET_OFF_ONLY = _ZH_SET_OFF_ONLY | {"対象", "考察"}
# The discussion (讨论, DISCUSSION), a part of Chinese abstracts only where set off as a label:
# 本文讨论了…, 讨论X的作用 are prose, so a colon or brackets (讨论：, 【讨论】), or a space before its
# Han text (讨论 本研究…), set it off; written in traditional characters too (討論：), as 結果 and
# 結論 are.  No label of a line of its own on a page (scraped_page's headings), as it heads a
# paper's discussion there, so kept out of LABELS_ZH.
_ZH_DISCUSSION = {"讨论": "DISCUSSION", "討論": "DISCUSSION"}
# A heading joining the discussion to the results or the conclusion (结果与讨论, 结论与讨论) is one,
# filed under its first part as RESULTS AND DISCUSSION is; not a page's heading either.
_ZH_WITH_DISCUSSION = {f"{first}{conj}讨论": label for first, label in (("结果", "RESULTS"), ("结论", "CONCLUSION"))
                       for conj in ("与", "和", "及")}
# Every label of a Chinese abstract, 讨论 too (what ``section:讨论`` names in a query).
ZH_SECTION_LABELS = {**LABELS_ZH, **_ZH_DISCUSSION, **_ZH_WITH_DISCUSSION}
_HAN_NEXT = re.compile(r"[\u3400-\u9fff]")

_BOUNDARY = r"(?:^|(?<=[。.．；;！!？?）)\]］〕】」”\"]))\s*"


def _longest_first(labels) -> str:
    """``labels`` as one alternation, the longest first: a label is read whole, not as a shorter
    one it begins with ("AIMS:" not as "AIM").

    >>> _longest_first(["Aim", "Aims", "a.b"])
    'Aims|a\\\\.b|Aim'
    """
    return "|".join(sorted((re.escape(k) for k in labels), key=len, reverse=True))


# The English labels as one alternation, the longest first (also the glued-label repair's).
EN_LABELS_ALTERNATION = _longest_first(LABELS_EN)
_EN_ALT = EN_LABELS_ALTERNATION
ZH_LABELS_ALTERNATION = _longest_first(LABELS_ZH)
# What follows a label set off by a space only: a sentence's first word, capitalised or a number,
# or a term that keeps its own case or opens with a sign (miR-21, mRNA, p.R175H, γ-GT, [18F]FDG, a
# quotation); not a plain lower-case word ("AIM model", "Results were compared"), one joined by a
# hyphen or an apostrophe too ("Background noise-induced …", "Design p-value"): a term has a capital,
# a digit or a sign before its first hyphen; nor a mark that closes, continues or joins ("RESULTS,
# …", "DESIGN & SETTING").
_OPENER = r"(?=[A-Z0-9(]|(?![a-z]+(?:[\s,;:\-‐'’]|\.(?:\s|$)|$))[^\s,;:.!?)\]}&/\-–—])"
# "BACKGROUND:" / "BACKGROUND " / "Background:" (title case only with a colon); Fertility and
# Sterility's "PATIENT(S):", "RESULT(S):".
_EN_LABEL = re.compile(_BOUNDARY + rf"(?P<label>(?:{_EN_ALT}))(?P<s>\(S\))?(?:\s*[:：]\s*|\s+{_OPENER})")
_EN_LABEL_TITLE = re.compile(_BOUNDARY + rf"(?P<label>(?i:{_EN_ALT}))(?P<s>\([Ss]\))?\s*[:：]\s*")
# "[Objective]" / "【Methods】": a heading in brackets, in any case (VIP's English abstracts).
_EN_BRACKETED = re.compile(_BOUNDARY + rf"[【\[［]\s*(?P<label>(?i:{_EN_ALT}))(?P<s>\([Ss]\))?\s*[】\]］]\s*[:：]?\s*")
# "Level of Evidence:" in any case, closing an abstract whose labels are in capitals too.
_EN_LEVEL_OF_EVIDENCE = re.compile(_BOUNDARY + r"(?P<label>(?i:level of evidence))\s*[:：]\s*")
# "目的：" / "目的 " / "【目的】" / "[目的]" / "〔目的〕"; after a comma too when set off by a colon or
# brackets, as a list of the parts is written (目的：…，方法：…), never by a space only (…，方法 简便).
def _cjk_label(alternation: str) -> re.Pattern:
    return re.compile(r"(?:^|(?<=[。.．；;！!？?）)\]］〕】」”\"])|(?P<comma>(?<=[,，])))\s*"
                      rf"(?:[【\[［〔]\s*(?P<b>{alternation})\s*[】\]］〕]\s*[:：]?\s*"
                      rf"|(?P<label>{alternation})(?:(?P<colon>\s*[:：]\s*)|\s+))")


_ZH_LABEL = _cjk_label(_longest_first(ZH_SECTION_LABELS))
_JA_LABEL = _cjk_label(_longest_first(LABELS_JA))
# (label table, pattern, labels set off only) of each language read as Chinese is
_CJK = {"zh": (ZH_SECTION_LABELS, _ZH_LABEL, _ZH_SET_OFF_ONLY | set(_ZH_DISCUSSION)),
        "ja": (LABELS_JA, _JA_LABEL, _JA_SET_OFF_ONLY)}
# A German, Spanish, French or Portuguese label set off by a colon, in any case ("Methoden:", "RÉSULTATS:").
_EU_LABEL = {lang: re.compile(_BOUNDARY + "(?P<label>(?i:" + _longest_first(labels) + r"))\s*[:：]\s*")
             for lang, labels in LABELS_EU.items()}
# Any upper-case heading at a sentence start: "DISCUSSION:", "SEARCH METHODS:".
_EN_ANY_HEADING = re.compile(_BOUNDARY + r"(?P<label>[A-Z][A-Z]+(?:[ /][A-Z]+)*)(?:\(S\))?\s*:")
# The same with commas, taken only as a heading joining labels ("SETTING, PARTICIPANTS, AND
# INTERVENTION:"): words with a comma are no unknown heading ("… at U.S. NIH, ID: NCT01951040").
_EN_LIST_HEADING = re.compile(_BOUNDARY + r"(?P<label>[A-Z][A-Z]+(?:,?[ /][A-Z]+)*)(?:\(S\))?\s*:")
# Words before a colon at a sentence start, in any case: a heading joining labels in title case
# ("Methods and results:", "Patients and methods:", "Background/Aims:"), or words of a sentence
# ("We asked: …").
_EN_TITLE_HEADING = re.compile(_BOUNDARY + r"(?P<label>(?i:[a-z]++(?:,?[ /][a-z]++){0,7}))(?:\([Ss]\))?\s*[:：]")
# Headings abstracts have that are filed under no label: the text under one would be left in the
# section before it, so an abstract with one is left whole, as one with an upper-case heading we do
# not know is.  In title case, only these are taken for headings (see _EN_TITLE_HEADING).
_UNFILED = ("Materials", "Sample population", "Discussion", "Limitations", "Support", "Funding")
_EN_UNFILED_TITLE = re.compile(_BOUNDARY + rf"(?i:{'|'.join(_UNFILED)})\s*[:：]")


def _matches(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical, original) of each label found."""
    found = []
    if lang in _CJK:
        labels, pattern, set_off_only = _CJK[lang]
        discussions, all_spaced = [], True
        for m in pattern.finditer(text):
            orig = m.group("b") or m.group("label")
            if m.group("label") and not m.group("colon") and (m.group("comma") is not None or orig in set_off_only):
                if _spaced_discussion(text, m, orig):
                    discussions.append((m.start(), m.end(), labels[orig], orig))
                continue
            all_spaced = all_spaced and bool(m.group("label")) and not m.group("colon")
            end, orig = _joined_zh(text, m.end(), orig)
            found.append((m.start(), end, labels[orig], orig))
        # 讨论 set off by a space only is a label where the others are so set off too
        return sorted(found + discussions) if found and all_spaced else found
    if lang in _EU_LABEL:
        return [(m.start(), m.end(), LABELS_EU[lang][m.group("label").upper()], m.group("label"))
                for m in _EU_LABEL[lang].finditer(text)]
    pattern = _EN_BRACKETED if _EN_BRACKETED.match(text) else _EN_LABEL if _EN_LABEL.match(text) else _EN_LABEL_TITLE
    for m in pattern.finditer(text):
        orig = m.group("label")
        found.append((m.start(), m.end(), LABELS_EN[orig.upper()], orig + (m.group("s") or "")))
    starts = {f[0] for f in found}
    found += [(m.start(), m.end(), "LEVEL OF EVIDENCE", m.group("label"))
              for m in _EN_LEVEL_OF_EVIDENCE.finditer(text) if m.start() not in starts]
    # "BACKGROUND AND AIMS:" is one heading (BACKGROUND), not BACKGROUND + "AND AIMS: ..."; in
    # title case, "Methods and results:" is one heading only when each part is a label.
    at = {f[0]: i for i, f in enumerate(found)}
    upper = pattern is _EN_LABEL
    for m in (_EN_LIST_HEADING if upper else _EN_TITLE_HEADING).finditer(text):
        i, orig = at.get(m.start()), m.group("label")
        label = _compound(orig, whole=not upper)
        if label is None or (i is not None and len(orig) <= len(found[i][3])):
            continue
        if i is None:
            found.append((m.start(), m.end(), label, orig))
        else:
            found[i] = (m.start(), m.end(), label, orig)
    return sorted(found)


def _spaced_discussion(text: str, m: re.Match, orig: str) -> bool:
    """Whether 讨论 is set off from its text by a space only at a sentence start, its text in Han
    (讨论 本研究表明…): a label, as Chinese prose puts no space between Han characters, unless the
    abstract writes 讨论 glued to that character elsewhere (探讨讨论式教学 … 讨论 式教学: a word
    a space has broken).

    >>> [(s["label"], s["text"]) for s in split_sections("目的 探讨疗效。方法 选取64例。讨论 本研究表明有效。", "zh")]
    [('OBJECTIVE', '探讨疗效。'), ('METHODS', '选取64例。'), ('DISCUSSION', '本研究表明有效。')]
    >>> [s["label"] for s in split_sections("目的 探讨疗效。方法 选取64例。讨论 BMI 的作用。", "zh")]
    ['OBJECTIVE', 'METHODS']
    >>> [s["label"] for s in split_sections("目的：探讨疗效。方法：选取64例。讨论 本研究表明有效。", "zh")]
    ['OBJECTIVE', 'METHODS']
    """
    return orig in _ZH_DISCUSSION and m.group("comma") is None and bool(_HAN_NEXT.match(text, m.end())) \
        and orig + text[m.end()] not in text




def _by_position(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The labels found, a statement of why it matters (Significance:, 意义：) filed by where it
    stands: before the methods, results and conclusion, with a part after it (PNAS's statement
    opens the abstract), it is the background; closing the abstract or after them, a conclusion.

    >>> [(s["label"], s["label_original"]) for s in split_sections(
    ...     "Background: X is common. Significance: X kills. Methods: A trial. Results: Good. Conclusions: Fine.", "en")]
    [('BACKGROUND', 'Background'), ('BACKGROUND', 'Significance'), ('METHODS', 'Methods'), ('RESULTS', 'Results'), \
('CONCLUSION', 'Conclusions')]
    """
    filed = []
    for i, (start, end, label, orig) in enumerate(found):
        if re.sub(r"\([Ss]\)$", "", orig).upper() in _BY_POSITION:
            study = any(f[2] in ("METHODS", "RESULTS", "CONCLUSION") for f in found[:i])
            label = "BACKGROUND" if i + 1 < len(found) and not study else "CONCLUSION"
        filed.append((start, end, label, orig))
    return filed


# CNKI's exports (EndNote, NoteExpress, RefWorks, E-Study) drop the bold that set a label
# off: 目的探讨…。方法选取…。结果…。结论…  Such labels are taken only in this order, each at a
# sentence start after the one before, the first opening the abstract, three at least (as are
# English labels set off by a space only, _spaced_en).
_ORDER = ("BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSION")
# Words a label begins, which open sentences of prose: 方法学上尚需验证, 结论性意见.
_ZH_NOT_LABELS = ("方法学", "方法论", "结论性", "目的论", "目的性")
_ZH_GLUED = re.compile(r"(?<=[。.．；;！!？?])\s*(?!" + "|".join(_ZH_NOT_LABELS) + r")(?P<label>"
                       + "|".join(sorted((k for k, v in LABELS_ZH.items() if v in _ORDER and k not in _ZH_SET_OFF_ONLY),
                                         key=len, reverse=True))
                       + r")\s*[:：]?\s*")


def _rank(label: str, label_original: str) -> int:
    """A heading's place in _ORDER: a heading of two parts (背景与目的) is at its second part's,
    so a label after it comes later than both (方法, not 目的)."""
    second = label_original[-2:]
    return _ORDER.index(LABELS_ZH[second] if second in LABELS_ZH and second not in _ZH_SET_OFF_ONLY else label)


# The labels that open such an abstract, the longest first (背景与目的 before 背景).
_ZH_OPENING = sorted((k for k, v in LABELS_ZH.items() if v in ("BACKGROUND", "OBJECTIVE")), key=len, reverse=True)


def _glued_zh(text: str) -> list[tuple[int, int, str, str]]:
    """The labels of a Chinese structured abstract whose labels are glued to their text: from
    the start, each label at a sentence start that comes later in the order than the one before.

    >>> [(s["label"], s["text"]) for s in split_sections("目的探讨疗效。方法选取64例。结果有效。", "zh")]
    [('OBJECTIVE', '探讨疗效。'), ('METHODS', '选取64例。'), ('RESULTS', '有效。')]
    >>> split_sections("目的论是一种学说。方法论另当别论。", "zh")   # two words, not three labels
    []
    >>> [s["label_original"] for s in split_sections("目的探讨。资料与方法12例。结果有效。", "zh")]
    ['目的', '资料与方法', '结果']
    """
    first = next((label for label in _ZH_OPENING if text.startswith(label)), None)
    if first is None:
        return []
    pos = re.compile(r"\s*[:：]?\s*").match(text, len(first)).end()
    found = [(0, pos, LABELS_ZH[first], first)]
    for m in _ZH_GLUED.finditer(text, pos):
        label = LABELS_ZH[m.group("label")]
        if _ORDER.index(label) > _glued_rank(text, found[-1]):
            found.append((m.start(), m.end(), label, m.group("label")))
    found = [_first_part(text, f) if i + 1 < len(found) and found[i + 1][2] == _second_part(f[3]) else f
             for i, f in enumerate(found)]
    return found if len(found) >= 3 else []


def _glued_rank(text: str, found: tuple[int, int, str, str]) -> int:
    """The place in _ORDER of a label of an abstract whose labels are glued: a heading of two parts
    (结果与结论) is at its second part's only when set off from its text by a colon or a space; glued
    to it, it may be a sentence that opens with a label (结果与结论相符的比例为80%。), so a label
    of its second part may follow.

    >>> [(s["label_original"], s["text"]) for s in split_sections("目的探讨。方法回顾。结果与结论相符者80%。结论可行。", "zh")]
    [('目的', '探讨。'), ('方法', '回顾。'), ('结果', '与结论相符者80%。'), ('结论', '可行。')]
    """
    start, end, label, orig = found
    return _ORDER.index(label) if text[end - 1] == orig[-1] else _rank(label, orig)


def _second_part(heading: str) -> str | None:
    """The label of a two-part heading's second part when it differs from the heading's (结果与结论:
    CONCLUSION; 资料与方法, 结果: None)."""
    parts = re.split(r"[与和及/／]", heading)
    if (len(parts) != 2 or parts[0] not in LABELS_ZH or parts[1] not in LABELS_ZH or parts[1] in _ZH_SET_OFF_ONLY
            or LABELS_ZH[parts[1]] == LABELS_ZH[parts[0]]):
        return None
    return LABELS_ZH[parts[1]]


def _first_part(text: str, found: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """A glued two-part heading cut to its first part, the rest being its text: the label of its
    second part follows, so it held no section of it."""
    start, end, label, orig = found
    first = re.split(r"[与和及/／]", orig)[0]
    return start, text.index(orig, start) + len(first), label, first


# The rest of a two-part heading a stray space cut after its first part: "结果 与结论共检测…".
_ZH_JOINED_REST = re.compile(r"(?P<conj>[与和及])\s*(?P<rest>" + ZH_LABELS_ALTERNATION + r")\s*[:：]?\s*")


def _joined_zh(text: str, end: int, orig: str) -> tuple[int, str]:
    """(end, label) of a Chinese label, taking in the rest of a two-part heading that follows
    it, but only when the two parts make a known heading (结果 与结论, 资料 与方法).

    >>> [(s["label_original"], s["text"]) for s in split_sections("目的 探讨.结果 与结论共检测40例.", "zh")]
    [('目的', '探讨.'), ('结果与结论', '共检测40例.')]
    """
    m = _ZH_JOINED_REST.match(text, end)
    if m is None or orig + m.group("conj") + m.group("rest") not in LABELS_ZH:
        return end, orig
    return m.end(), orig + m.group("conj") + m.group("rest")


def _gaps_filled_zh(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The labels set off by a colon or a space, and the glued labels in the gaps they leave in
    the order: CNKI's exports lose the space after some labels only (目的：探讨…。方法调取…。
    结果共调查…。结论：…).  A glued label is taken at a sentence start only when it comes later
    in the order than the label before it and earlier than the next label set off, so a
    "结果" opening a sentence of the results, or one before the methods, stays text.

    >>> [(s["label"], s["text"]) for s in split_sections("目的：探讨。方法调取12例。结果有效。结论：可用。", "zh")]
    [('OBJECTIVE', '探讨。'), ('METHODS', '调取12例。'), ('RESULTS', '有效。'), ('CONCLUSION', '可用。')]
    >>> [(s["label"], s["text"]) for s in split_sections("目的 探讨.方法 12例.结果 有效.结果8例存活.结论 可用.", "zh")]
    [('OBJECTIVE', '探讨.'), ('METHODS', '12例.'), ('RESULTS', '有效.结果8例存活.'), ('CONCLUSION', '可用.')]
    >>> [(s["label_original"], s["text"]) for s in split_sections("目的：探讨。方法：回顾。结果与结论相符者80%。结论：可行。", "zh")]
    [('目的', '探讨。'), ('方法', '回顾。'), ('结果', '与结论相符者80%。'), ('结论', '可行。')]
    """
    starts = {f[0] for f in found}
    labels = list(found)
    for m in _ZH_GLUED.finditer(text, found[0][1]):
        if m.start() in starts:
            continue
        # (a part outside the order, 证据等级, neither opens nor closes a gap)
        before = next((f for f in reversed(labels) if f[0] < m.start() and f[2] in _ORDER), None)
        after = next((f for f in found if f[0] > m.start() and f[2] in _ORDER), None)
        if before is None:
            continue
        glued = (m.start(), m.end(), LABELS_ZH[m.group("label")], m.group("label"))
        rank = _ORDER.index(glued[2])
        if _rank(*before[2:]) >= rank or (after is not None and rank >= _ORDER.index(after[2])):
            continue
        if after is not None and _rank(*glued[2:]) >= _ORDER.index(after[2]):
            if after[2] != _second_part(glued[3]):
                continue
            glued = _first_part(text, glued)   # 结果与结论相符…。结论：…: a sentence of the results
        labels.append(glued)
        labels.sort()
    return labels


def _compound(heading: str, whole: bool = False) -> str | None:
    """The label of a heading joining known labels ("PATIENTS AND METHODS", "AIMS/HYPOTHESIS")
    → METHODS, OBJECTIVE), its first known part's; with whole, only when every part is a label,
    so the words opening a sentence ("Methods and results of the trial: …") are not taken for one.

    >>> _compound("Methods and results", whole=True), _compound("Methods and results of X", whole=True)
    ('METHODS', None)
    >>> _compound("Background/Aims", whole=True), _compound("Design, Setting, and Participants", whole=True)
    ('BACKGROUND', 'METHODS')
    """
    parts = re.split(r"\s*/\s*|\s*,\s*(?:(?:AND|&)\s+)?|\s+(?:AND|&)\s+", heading.upper())
    if whole and not all(part in LABELS_EN for part in parts):
        return None
    for part in parts:
        if part in LABELS_EN:
            return LABELS_EN[part]
    return None


# Wanfang's and Chinese journals' English abstracts set a title-case label off by a space
# only: "Objective To investigate… Methods A total of 120… Results The level…".  Such a label is
# taken only at a sentence start and before a word that opens a sentence (so "Results were
# compared" stays text), the first opening the abstract.
_EN_LABEL_SPACED = re.compile(_BOUNDARY + rf"(?P<label>(?=[A-Z])(?i:{_EN_ALT}))(?P<s>\([Ss]\))?"
                              rf"(?:\s*[:：]\s*|\s+(?!\(){_OPENER})")
# What makes such an abstract unsafe to split: a label that lost its sentence end or its space
# ("…sixty-five dogs Methods A web-based…", "ResultsAll dogs…"), or a heading we do not file
# ("Materials The study…", "Discussion The…"), which would leave its text under the label before.
_EN_SPACED_STRAY = re.compile(rf"(?<![A-Za-z])(?=[A-Z])(?i:{_EN_ALT})(?=[A-Z][a-z]|\s+(?!\(){_OPENER})|" + _BOUNDARY
                              + rf"(?:{'|'.join(_UNFILED)})\s+(?=[A-Z])")


def _spaced_en(text: str) -> list[tuple[int, int, str, str]]:
    """The labels of an English structured abstract whose title-case labels are set off by a
    space only: from the start, each label later in the order than the one before (or another
    heading of the same part, Animals then Methods; or one outside the order, Case
    presentation), three distinct at least, and no label or heading left outside them.

    >>> [(s["label"], s["text"]) for s in split_sections(
    ...     "Objective To test. Methods A total of 12. Results The rate fell. Conclusion It works.", "en")]
    [('OBJECTIVE', 'To test.'), ('METHODS', 'A total of 12.'), ('RESULTS', 'The rate fell.'), ('CONCLUSION', 'It works.')]
    >>> split_sections("Results show that it works. Methods A and B differ. Conclusion We agree.", "en")
    []
    >>> split_sections("Objective To test. Methods were compared. Results The rate fell.", "en")
    []
    >>> split_sections("Objective To test. Sample 12 dogs Methods A survey. Results The rate fell. Conclusion Good.", "en")
    []
    """
    found: list[tuple[int, int, str, str]] = []
    for m in _EN_LABEL_SPACED.finditer(text):
        label, orig = LABELS_EN[m.group("label").upper()], m.group("label") + (m.group("s") or "")
        if not found and m.start() != 0:
            return []
        last = next((f for f in reversed(found) if f[2] in _ORDER), None)
        if orig.upper() in _BY_POSITION and (last is None or last[2] in ("BACKGROUND", "OBJECTIVE")):
            label = "BACKGROUND"   # before the methods (or closing the abstract: _by_position)
            found.append((m.start(), m.end(), label, orig))
        elif (label not in _ORDER or last is None or _ORDER.index(label) > _ORDER.index(last[2])
                or (label == last[2] and orig.upper() != last[3].upper())):
            found.append((m.start(), m.end(), label, orig))
    found = _by_position(found)
    return found if len({f[2] for f in found}) >= 3 and not _strays(text, found) else []


def _strays(text: str, found: list[tuple[int, int, str, str]]) -> bool:
    """Whether a label or a heading stands outside the labels taken (_EN_SPACED_STRAY)."""
    return any(not any(f[0] <= m.start() < f[1] for f in found) for m in _EN_SPACED_STRAY.finditer(text))


# JAMA's Key Points over its abstract: "Key Points Question … Findings … Meaning … Abstract
# Importance …" (each on a line of its own on the journal's page, joined by an export).  Question,
# Findings and Meaning are labels there only, all three in that order, the first opening the text;
# a "Meaning" or "Findings" opening a sentence of another abstract stays text.
_KEY_POINTS_HEADING = re.compile(r"(?i:key points)\s*[:：]?\s*")
_KEY_POINTS = tuple((re.compile(rf"(?P<label>(?=[A-Z])(?i:{word}))(?:\s*[:：]\s*|\s+{_OPENER})"), label)
                    for word, label in (("question", "OBJECTIVE"), ("findings", "RESULTS"), ("meaning", "CONCLUSION")))
_ABSTRACT_HEADING = re.compile(r"(?i:abstract)(?:\s*[:：]\s*|\s+)")
_SENTENCE_START = re.compile(r"(?<=[.!?;)\]”\"])\s+(?=[A-Z])")


def _key_points(text: str) -> list[dict[str, str]] | None:
    """The sections of an abstract that opens with JAMA's Key Points: Question, Findings and
    Meaning (filed as the objective, results and conclusion they are), then the abstract's own;
    None when it does not open with them, [] when what follows them is an abstract not split.

    >>> [(s["label"], s["label_original"]) for s in _key_points(
    ...     "Key Points Question Does X help? Findings In this trial, it did. Meaning X may help. "
    ...     "Abstract Importance X is used. Objective To test X. Results It helped. Conclusions It helps.")]
    [('OBJECTIVE', 'Question'), ('RESULTS', 'Findings'), ('CONCLUSION', 'Meaning'), ('BACKGROUND', 'Importance'), \
('OBJECTIVE', 'Objective'), ('RESULTS', 'Results'), ('CONCLUSION', 'Conclusions')]
    >>> _key_points("Question Does X help? We asked. Meaning is unclear. Findings In this trial, it did.")
    >>> _key_points("KEY POINTS: QUESTION: Does X help? FINDINGS: It did. MEANING: X helps. IMPORTANCE: X is used. "
    ...             "OBJECTIVE: To test X. DATA SOURCES: MEDLINE. RESULTS: It helped. CONCLUSIONS: It helps.")
    []
    """
    heading = _KEY_POINTS_HEADING.match(text)
    pos, found = (heading.end() if heading else 0), []
    for pattern, label in _KEY_POINTS:
        m = pattern.match(text, pos) if not found else next(
            (m for s in _SENTENCE_START.finditer(text, pos) if (m := pattern.match(text, s.end()))), None)
        if m is None:
            return None
        found.append((m.start(), m.end(), label, m.group("label")))
        pos = m.end()
    rest, stop = [], len(text)
    for s in _SENTENCE_START.finditer(text, pos):   # the abstract: its heading, or a label opening one
        heading = _ABSTRACT_HEADING.match(text, s.end())
        abstract = text[heading.end() if heading else s.end():]
        m = heading or _EN_LABEL.match(abstract) or _EN_LABEL_TITLE.match(abstract) or _EN_LABEL_SPACED.match(abstract)
        if m is None or not heading and LABELS_EN[m.group("label").upper()] not in ("BACKGROUND", "OBJECTIVE"):
            continue
        rest, stop = split_sections(abstract, "en"), s.start()
        if not rest:
            return []
        break
    return [{"label": label, "label_original": orig,
             "text": text[end:found[i + 1][0] if i + 1 < len(found) else stop].strip()}
            for i, (start, end, label, orig) in enumerate(found)] + rest


def split_sections(text: str, lang: str) -> list[dict[str, str]]:
    """Sections of a structured abstract, or [] when it is not structured.

    >>> [(s["label"], s["text"]) for s in split_sections("目的 观察疗效.方法 随机分组.结论 有效.", "zh")]
    [('OBJECTIVE', '观察疗效.'), ('METHODS', '随机分组.'), ('CONCLUSION', '有效.')]
    >>> split_sections("结果表明该方法有效。", "zh")
    []
    >>> [(s["label"], s["text"]) for s in split_sections("BACKGROUND AND AIMS: Falls. PATIENTS AND METHODS: Ten. RESULTS: Fewer.", "en")]
    [('BACKGROUND', 'Falls.'), ('METHODS', 'Ten.'), ('RESULTS', 'Fewer.')]
    >>> [(s["label"], s["text"]) for s in split_sections("[Objective]To assess.[Methods]We studied 20.", "en")]
    [('OBJECTIVE', 'To assess.'), ('METHODS', 'We studied 20.')]
    """
    if not text:
        return []
    box = _key_points(text) if lang != "zh" else None
    if box is not None:
        return box
    if lang == "ja" or lang in LABELS_EU:
        found = _by_position(_matches(text, lang))
        if _opens_sections(found):
            return [] if any(f[2] == "DISCUSSION" for f in found) or _unknown_heading(text, found, lang) else (
                _sections(text, found))
        spaced = _spaced_eu(text, lang) if lang in LABELS_EU and not found else []
        if spaced:
            return [] if _unknown_heading(text, spaced, lang) else _sections(text, spaced)
        # no labels of its own: read as before, for English ones (an English abstract under the record's language)
    found = _by_position(_matches(text, "zh" if lang == "zh" else "en"))
    if not _opens_sections(found):
        found = _glued_zh(text) if lang == "zh" else _spaced_en(text)
        if not found:
            return []
    elif lang == "zh":
        found = _gaps_filled_zh(text, found)
    if lang != "zh":
        known = {f[0] for f in found}
        for m in _EN_ANY_HEADING.finditer(text):
            if m.start() not in known and _compound(m.group("label")) is None:
                return []
        if _EN_UNFILED_TITLE.search(text):   # "Discussion:" as DISCUSSION:
            return []
    return _sections(text, found)


def _opens_sections(found: list) -> bool:
    """Whether the labels ``found`` (by position) start the text and name two sections or more:
    a structured abstract, not a word that reads as a label."""
    return len(found) >= 2 and found[0][0] == 0 and len({f[2] for f in found}) >= 2


# SciELO's Portuguese and Spanish abstracts (German, French ones too) set a label in capitals off by
# a space only: "OBJETIVO Avaliar … MÉTODOS Estudo …".  Such a label is taken only in capitals, at a
# sentence start, whole (no letter after it) and before a capital, a digit or a bracket.
_EU_LABEL_SPACED = {lang: re.compile(_BOUNDARY + "(?P<label>" + _longest_first(labels) + r")(?![^\W\d_])\s+(?=[A-ZÀ-Þ0-9(])")
                    for lang, labels in LABELS_EU.items()}


def _spaced_eu(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """The labels of a German, Spanish, French or Portuguese abstract whose labels are in capitals
    and set off by a space only: from the start, each later in the order than the one before, two at
    least; a label in capitals out of the order, or its discussion (DISCUSSÃO), leaves it whole.

    >>> [(s["label"], s["text"]) for s in split_sections("OBJETIVO Avaliar a taxa. MÉTODOS Estudo de 20. "
    ...                                                  "RESULTADOS A taxa caiu. CONCLUSÕES Funciona.", "pt")]
    [('OBJECTIVE', 'Avaliar a taxa.'), ('METHODS', 'Estudo de 20.'), ('RESULTS', 'A taxa caiu.'), ('CONCLUSION', 'Funciona.')]
    >>> split_sections("RESULTADOS Avaliar a taxa. MÉTODOS Estudo de 20.", "pt")   # out of the order
    []
    >>> split_sections("Objetivo Avaliar a taxa. Métodos Estudo de 20.", "pt")   # not in capitals
    []
    """
    found: list[tuple[int, int, str, str]] = []
    for m in _EU_LABEL_SPACED[lang].finditer(text):
        label, orig = LABELS_EU[lang][m.group("label")], m.group("label")
        if label not in _ORDER or (not found and m.start() != 0) or (found and (
                _ORDER.index(label) < _ORDER.index(found[-1][2]) or orig == found[-1][3]
                or label == found[-1][2] != "METHODS")):
            return []
        found.append((m.start(), m.end(), label, orig))
    return found if len(found) >= 2 and not _caps_heading_unknown(text, found) else []


# Words in capitals at a sentence start, two of two letters at least, before a word in title case
# (its sentence): a heading set off by a space only ("MATERIAL Y MÉTODO Se …", "ZIEL DER ARBEIT Die
# …"), not an acronym in a sentence ("RESULTADOS DO SUS foram …", "RESULTADOS O Brasil …").
_CAPS_RUN = re.compile(_BOUNDARY + r"(?P<run>[^\W\d_a-zß-ÿ]+(?:\s+[^\W\d_a-zß-ÿ]+)+)\s+(?=[^\W\d_a-zß-ÿ][a-zß-ÿ])")


def _caps_heading_unknown(text: str, found: list[tuple[int, int, str, str]]) -> bool:
    """Whether a heading in capitals set off by a space only is none of the labels ``found``: one
    the table does not know (its text would be glued to the section before it), or one a label
    opens (ZIEL of ZIEL DER ARBEIT: its other words would open the section's text).

    >>> split_sections("OBJETIVO Avaliar. MATERIAIS E PROCEDIMENTOS Estudo de 20. RESULTADOS A taxa caiu.", "pt")
    []
    >>> split_sections("OBJETIVO Avaliar. MÉTODOS E ACHADOS Estudo de 20. CONCLUSÃO Funciona.", "pt")
    []
    >>> [s["label"] for s in split_sections("OBJETIVO Avaliar. MÉTODOS Estudo. RESULTADOS DO SUS foram bons. "
    ...                                     "CONCLUSÃO O Brasil Avança.", "pt")]
    ['OBJECTIVE', 'METHODS', 'RESULTS', 'CONCLUSION']
    """
    labels = {(f[0], " ".join(f[3].split())) for f in found}
    return any(sum(len(w) >= 2 for w in m["run"].split()) >= 2 and (m.start(), " ".join(m["run"].split())) not in labels
               for m in _CAPS_RUN.finditer(text))


# Any heading in capitals at a sentence start, in any script's letters ("LIMITACIONES:").
_ANY_UPPER_HEADING = re.compile(_BOUNDARY + r"(?P<label>[^\W\d_]{2,}(?:[ /][^\W\d_]+)*)\s*[:：]")


def _unknown_heading(text: str, found: list[tuple[int, int, str, str]], lang: str) -> bool:
    """Whether a German, Spanish, French or Portuguese abstract has a heading in capitals that is
    no label of its language: its text would be left in the section before it (as _EN_ANY_HEADING)."""
    known = {f[0] for f in found}
    return lang in LABELS_EU and any(
        m.start() not in known and m.group("label").isupper() and m.group("label") not in LABELS_EU[lang]
        for m in _ANY_UPPER_HEADING.finditer(text))


def _sections(text: str, found: list[tuple[int, int, str, str]]) -> list[dict[str, str]]:
    """The sections the labels found part a text into."""
    sections = []
    for i, (start, end, label, orig) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        body = text[end:stop].strip()
        if stop < len(text):   # the comma or semicolon of a list of the parts (目的：…；方法：…) parts them
            body = body.rstrip(",，;；").rstrip()
        if body:
            sections.append({"label": label, "label_original": orig, "text": body})
    return sections


def canonical_label(label: str) -> str:
    """Canonical upper-case label for a label as written; unknown labels upper-cased.

    >>> canonical_label("Methods"), canonical_label("结论"), canonical_label("Search methods")
    ('METHODS', 'CONCLUSION', 'SEARCH METHODS')
    >>> canonical_label("Patients and methods"), canonical_label("Objective(s)"), canonical_label("RESULT(S)")
    ('METHODS', 'OBJECTIVE', 'RESULTS')
    >>> canonical_label("結語"), canonical_label("Ergebnisse"), canonical_label("Conclusão")
    ('CONCLUSION', 'RESULTS', 'CONCLUSION')
    """
    text = label.strip().rstrip(":：").strip()
    singular = re.sub(r"\([Ss]\)$", "", text)  # the plural mark: "Objective(s)" (Web of Science's sections)
    return (LABELS_JA.get(text) or LABELS_EN.get(text.upper()) or LABELS_EN.get(singular.upper()) or _compound(text)
            or next((labels[text.upper()] for labels in LABELS_EU.values() if text.upper() in labels), None)
            or text.upper())
