"""The clean pipeline: the default list of steps, visible in one place.

Each step is ``transform(record) -> record``.  A reader hands over raw values in
``record.raw``, each key a list of ``(value, line)`` pairs; the steps repair, split and
place them into the contract's fields and log every change in ``record.repairs``.
:func:`default_steps` returns the ordered list; a caller may replace or extend it.

The raw vocabulary readers use (anything else ends up in ``record.extra``):

=================  ===========================================================
``titles``         title texts, main title first (language decided by script)
``abstract``       abstract texts (repaired; funding statements moved out)
``other_abstract`` ``(text, language as declared)`` of an abstract the source gives in a
                   language of its own (PubMed's OtherAbstract, MEDLINE's OAB with its OABL)
``notes``          notes: funding statements moved out, the rest kept in extra
``sections``       ``(label_as_written, text)`` of a structured abstract given as parts
``keywords``       keyword lines to split on ; , 、 or spaces
``keyword``        one keyword each, never split
``authors``        author lines to split
``author``         one author name each ("Family, Given", "Given Family", 张三)
``affiliation``    affiliation texts
``funding``        funding statements or fields
``acknowledgement`` acknowledgements: kept in extra, the funding they name with a number read
``journal``        journal / container / university names
``citation``       VIP "出处" text: 《刊名》 2020年 第5期 12-15页
``year_volume_issue``  Wanfang "年，卷(期)" text: 2016, 42(4)
``journal_line``   dict parsed from a CNKI "Journal. 2020,5(3)" line
``year``, ``date`` a year or a date text
``volume``, ``issue``, ``pages``, ``start_page``, ``end_page``, ``doi``, ``issn``, ``url``
=================  ===========================================================
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable, Iterable

from .charsets import HAN, HANGUL, KANA
from .fields.authors import (abbreviated, byline_roles, family_first, parse_name, split_author_field,
                              split_author_list, wade_giles_form)
from .fields.biblio import (YEARS, doi_of_link, doi_of_links, issue_of_year, normalise_doi, normalise_issue,
                            normalise_pages, normalise_volume, parse_citation, parse_volume_issue, parse_year, parse_year_volume_issue,
                            split_issn, split_journal, split_journal_citation, unread_citation)
from .fields.identifiers import classification_codes, split_classification_note
from .fields.funding import acknowledged_funding, no_funding, parse_funding, split_funding_statement, statement_body
from .fields.keywords import (codes_with_chinese, drop_major_topic_mark, split_cjk_keywords, split_keywords, split_spaced_cjk,
                              split_translated_block)
from .fields.notices import split_copyright
from .fields.sections import split_sections
from .fields.titles import split_original_title, split_parallel_title
from .lang.detect import (cjk_language, declared_language, detect_language, foreign_language, is_cjk_name,
                          kana_share, langdetect_reads, script_counts, simplified_chinese)
from .readers.base import CUT_SHORT
from .record import Record
from .repair import REPAIRS
from .repair.text import cut_off_mark

Step = Callable[[Record], Record]
_CJK_TEXT = re.compile(f"[{HAN}{KANA}{HANGUL}]")

# Which text repairs apply to which kind of field, in order.
TITLE_REPAIRS = ("fix_mojibake", "unescape_html", "flatten_markup", "strip_case_braces", "normalize_whitespace",
                 "fold_fullwidth_alnum", "fold_halfwidth_kana", "fold_fullwidth_punctuation", "strip_footnote_mark")
ABSTRACT_REPAIRS = ("fix_mojibake", "unescape_html", "flatten_markup", "strip_case_braces", "normalize_whitespace",
                    "fold_fullwidth_alnum", "fold_halfwidth_kana", "fold_fullwidth_punctuation", "collapse_truncated_preview",
                    "strip_zheng_marker", "strip_abstract_label", "strip_ui_residue")
# (a keyword line's punctuation is folded keyword by keyword: place_keywords)
KEYWORD_REPAIRS = ("fix_mojibake", "unescape_html", "flatten_markup", "normalize_whitespace", "fold_fullwidth_alnum",
                   "fold_halfwidth_kana", "strip_ui_residue")
SHORT_REPAIRS = KEYWORD_REPAIRS[:-1] + ("fold_fullwidth_punctuation", "strip_ui_residue")
# A one-line value (a DOI, a year, a volume): only what is never text out, its spaces as they are.
VALUE_REPAIRS = ("drop_invisible_characters",)
ENGLISH_REPAIRS = ("restore_space_after_punctuation", "space_after_glued_label", "colon_after_glued_title_label")


def repair(record: Record, field: str, text: str, steps: Iterable[str]) -> str:
    """Apply the named repairs to one field's text, logging each that changed it."""
    for name in steps:
        fixed = REPAIRS[name](text)
        record.log(name, field, text, fixed)
        text = fixed
    return text


def _english(record: Record, field: str, text: str, lang: str) -> str:
    return repair(record, field, text, ENGLISH_REPAIRS) if lang == "en" else text


def place_titles(record: Record) -> Record:
    """Title lines → ``title[lang]``; the first title's language is remembered as primary."""
    _han_reading(record)   # of the record's texts, before they are placed
    for written, _line in record.raw.pop("titles", []):
        written = repair(record, "title", written, TITLE_REPAIRS)
        for text, lang in _original_first(record, written) if written else ():
            lang = lang or detect_language(text, _han_reading(record))
            text = _english(record, f"title.{lang}", text, lang)
            if lang in record.title:
                record.extra.setdefault("other_titles", []).append(text)
                continue
            record.title[lang] = text
            record.raw.setdefault("primary_lang", lang)
    return record


def _original_first(record: Record, text: str) -> list[tuple[str, str | None]]:
    """An English title followed by the title in the paper's own language in brackets
    (Scopus: "Analysis of risk factors … [脊柱术后感染危险因素分析]") is two titles, the original
    first (the paper's language), each with its language.  A bracket in English or in no
    language ("[Letter]", "[Review]", "[1]", "[careers]") stays part of the title, and so does
    a Chinese gloss of a term: the original is at least six characters of Chinese, Japanese or
    Korean, and two for each three English words.  A parallel title after " = " in another
    script (RISS's "한국어 제목 = English title") is two titles as well.  (The language of a
    title alone is decided by :func:`place_titles`.)"""
    parts = split_original_title(text)
    if not parts:
        parallel = split_parallel_title(text)
        if parallel:   # "한국어 제목 = English title": each in its language, as placed
            record.log("split_parallel_title", "title", text, parallel[0])
        return [(part, None) for part in parallel or (text,)]
    title, original = parts
    declared = _han_reading(record)
    lang = detect_language(original, declared)
    lang = foreign_language(original) or lang if lang == "en" else lang
    if lang in ("en", "und") or detect_language(title, declared) != "en":
        return [(text, None)]
    cjk = len(_CJK_TEXT.findall(original))
    if cjk and (cjk < 6 or cjk * 3 < len(title.split()) * 2):
        return [(text, None)]
    record.log("split_original_title", "title", text, title)
    if not cjk:   # a German or Portuguese original: spaced as the English title is ("Crowd:Perspektiven")
        original = repair(record, f"title.{lang}", original, ENGLISH_REPAIRS)
    return [(original, lang), (title, "en")]


def place_abstracts(record: Record) -> Record:
    """Abstract texts → ``abstract[lang]``, copyright notices and funding statements moved
    out, duplicates merged; an acknowledgement's funding read."""
    for text, _line in record.raw.pop("acknowledgement", []):
        text = repair(record, "acknowledgement", text, SHORT_REPAIRS)
        record.extra.setdefault("acknowledgement", []).append(text)
        record.raw.setdefault("funding", []).extend((found, None) for found in acknowledged_funding(text))
    for text, _line in record.raw.pop("notes", []):
        text = repair(record, "notes", text, SHORT_REPAIRS)
        content, statement = split_funding_statement(text)
        if statement:
            record.log("move_funding_statement", "notes", text, content)
            record.raw.setdefault("funding", []).append((statement, None))
        content, codes = split_classification_note(content)   # "CLC: R445; R734.2" (Zotero's Extra)
        if codes:
            record.raw.setdefault("classification", []).append((codes, _line))
        if content:
            record.extra.setdefault("notes", []).append(content)
    lines = {}  # the line of each language's abstract (of its end, when joined from several)
    given = [(text, line, None) for text, line in record.raw.pop("abstract", [])]
    given += [(text, line, declared) for (text, declared), line in record.raw.pop("other_abstract", [])]
    for text, line, declared in given:
        text = repair(record, "abstract", text, ABSTRACT_REPAIRS)
        content, notice = split_copyright(text)  # first: a funding statement runs to the text's end
        if notice:
            record.log("move_copyright_notice", "abstract", text, content)
            record.extra.setdefault("copyright", notice)
            text = content
        content, statement = split_funding_statement(text)
        if statement:
            record.log("move_funding_statement", "abstract", text, content)
            record.raw.setdefault("funding", []).append((statement, None))
            text = repair(record, "abstract", content, ("strip_ui_residue",))
        if _NO_ABSTRACT.fullmatch(text):
            record.log("drop_no_abstract_placeholder", "abstract", text, "")
            continue
        if not text:
            continue
        # an abstract given in a declared language (PubMed's "chi", "spa") is read as the
        # record's declaration is: the text's script, then that language's own words
        lang = detect_language(text, declared_language([declared]) if declared else _han_reading(record))
        logged = len(record.repairs)
        fixed = _english(record, f"abstract.{lang}", text, lang)
        if _merge_abstract(record, lang, fixed):
            if record.abstract[lang].endswith(fixed):
                lines[lang] = line
            continue
        # A copy of the abstract (a page's 文摘 after its abstract): the log says it was dropped,
        # not also the English repairs of a text that is not kept.
        del record.repairs[logged:]
        record.log("drop_duplicate_abstract", f"abstract.{lang}", text, "")
    _note_cut_abstracts(record, lines)
    return record


def _note_cut_abstracts(record: Record, lines: dict[str, int | None]) -> None:
    """An issue for each language's abstract that ends where a database or a site cut it
    (CNKI's EndNote, NoteExpress and RefWorks exports: "…结果病理..."; a page that gives only
    its preview: "…回顾分析...展开更多"), on its line when the reader knows it: the abstract is
    kept as given, and no reader of the record should take it for the whole."""
    for lang, text in record.abstract.items():
        mark = cut_off_mark(text)
        line = lines.get(lang)
        issue = f"{f'line {line}: ' if line else ''}abstract.{lang} cut short at '{mark}' (as the file gives it), kept as given"
        if mark and issue not in record.issues:
            record.issues.append(issue)


def _merge_abstract(record: Record, lang: str, text: str) -> bool:
    """Place an abstract beside those read before it; False when it is one of them (or
    inside one) and so not kept."""
    old = record.abstract.get(lang)
    if old is None:
        record.abstract[lang] = text
    elif old == text or text in old:
        return False
    elif old in text:
        record.log("drop_duplicate_abstract", f"abstract.{lang}", old, "")
        record.abstract[lang] = text
    else:
        record.extra.setdefault("other_abstracts", []).append(text)
    return True


def place_sections(record: Record) -> Record:
    """Sections of each abstract: those the reader found as parts, else split from its text
    (the Chinese abstract beside a PubMed record's labelled English one too)."""
    given = record.raw.pop("sections", [])
    if given:
        _given_sections(record, given)
    for lang, text in record.abstract.items():
        if lang in record.sections:
            continue
        sections = split_sections(text, lang)
        if sections:
            record.sections[lang] = sections
    return record


def _given_sections(record: Record, given) -> Record:
    """Sections a reader found as parts (PubMed XML AbstractText labels)."""
    from .fields.sections import canonical_label

    for (label, text), _line in given:
        text = repair(record, "sections", text, ABSTRACT_REPAIRS)
        content, notice = split_copyright(text)   # closing the last part, as the abstract's
        if notice and content:
            record.log("move_copyright_notice", "sections", text, content)
            record.extra.setdefault("copyright", notice)
            text = content
        # the funding statement closing the last part (NEJM's "(Funded by AstraZeneca; …)"),
        # moved out of the abstract, is out of its section too (a part that is only one stays)
        content, statement = split_funding_statement(text)
        if statement and content:
            record.log("move_funding_statement", "sections", text, content)
            record.raw.setdefault("funding", []).append((statement, None))
            text = content
        lang = detect_language(text, _han_reading(record))
        text = _english(record, f"sections.{lang}", text, lang)
        record.sections.setdefault(lang, []).append(
            {"label": canonical_label(label), "label_original": label, "text": text})
    return record


# A funding label glued to the keyword before it, as a copy that lost the line between them
# gives it ("关键词：脊柱转移；预后基金项目：国家自然科学基金(81702662)"): set apart, so that the
# statement is found as it is in an abstract (fields.funding.split_funding_statement).
_GLUED_FUNDING_LABEL = re.compile(r"(?<=[^\s;；,，、])(?=(?:基金项目|基金资助|资助项目|项目基金|基金)\s*[:：])")


# Only a funding label opens a statement there: a Chinese one, or "Fund:", "Funding:",
# "Foundation item:" before a funder with a grant number or one we know.  A keyword holding a
# title-case "Funds:" ("Pension Funds: Performance; Risk", "Hedge Funds: Risk") or a sentence
# ("Supported by …") stays a keyword.
_KEYWORD_FUNDING_LABEL = re.compile(r"(?:[\[【]\s*)?(?:基金项目|基金资助|资助项目|项目基金|基金)\s*[\]】]?\s*[:：]"
                                    r"|(?P<en>(?:Fund|Funding|Foundation items?)\s*[:：])", re.IGNORECASE)


def _keyword_funding(record: Record, text: str) -> str:
    """A keyword line without the funding statement that closes it ("…预后基金项目：…",
    "Keywords: X; Y Fund: National …"), the statement moved to the funding."""
    content, statement = split_funding_statement(_GLUED_FUNDING_LABEL.sub(" ", text, count=1))
    label = _KEYWORD_FUNDING_LABEL.match(statement or "")
    if not label or label.group("en") and not any(
            e["award"] or e["funder_id"] for e in parse_funding(statement_body(statement))):
        return text
    record.log("move_funding_statement", "keywords", text, content)
    record.raw.setdefault("funding", []).append((statement, None))
    return content


_KEYWORD_LIST = re.compile(r"[^,，\s]+(?: [^,，\s]+){0,4}(?:\s*[,，]\s*[^,，\s]+(?: [^,，\s]+){0,4}){3,}")


def place_keywords(record: Record) -> Record:
    lines = [(text, True) for text, _ in record.raw.pop("keywords", [])]
    lines += [(text, False) for text, _ in record.raw.pop("keyword", [])]
    read: list[tuple[str, list[str]]] = []
    for text, split in lines:
        text = _keyword_funding(record, repair(record, "keywords", text, KEYWORD_REPAIRS))
        if not text.strip():
            continue
        # One keyword a line (RIS KW: MeSH terms hold a comma, "Neoplasms, Glandular", and so
        # do Chinese ones, "疾病模型,动物", "大、小孢子"), unless the line is plainly a list: a
        # semicolon, or four or more short comma-separated parts.  (" / " parts a keyword line, never a
        # tag's keyword: a German library's subject chain, "Finanzkrise / Eigentum / Haftung", is one
        # heading, and Zotero keeps it one tag.)
        if not split and (re.search("[;；]", text) or _KEYWORD_LIST.fullmatch(text.strip())):
            split = True
        words = split_keywords(text) if split else [text.strip().rstrip(",，").rstrip()]  # PubMed's "MRI,"
        words = [part for word in words for part in split_spaced_cjk(word)]
        # each keyword's own script decides ("COVID－19" in a Chinese list is an English keyword)
        words = [repair(record, "keywords", word, ("fold_fullwidth_punctuation",)) for word in words]
        read.append((text, words))
    with_chinese = iter(codes_with_chinese([words for _, words in read]))
    seen: dict[str, set[str]] = {}
    for text, words in read:
        joined = " ".join(words)
        lang = _record_cjk_language(record, detect_language(joined)) if _CJK_TEXT.search(joined) else "und"
        translated: list[str] = []
        if next(with_chinese) and not re.search(r"[;；,，]", text):
            # "p53" alone on its line among Chinese keywords: one of them, in its place (a line
            # written as a list, "A；", is a list of its own language)
            lang = "zh"
        if lang not in ("zh", "ja", "ko"):
            lang = _latin_language(record)
            words, cjk = split_cjk_keywords(words)   # "Rayleigh-Ritz法", "…;insomnia;中成药": Chinese
            if cjk:
                cjk_lang = detect_language(" ".join(cjk))
                cjk_lang = _record_cjk_language(record, cjk_lang if cjk_lang in ("ja", "ko") else "zh")
                if words:  # the line's keywords go to two languages (a line all CJK is just that)
                    record.log("split_cjk_keywords", f"keywords.{cjk_lang}", text, "; ".join(cjk))
                _add_keywords(record, cjk_lang, cjk, seen)
        else:   # a Chinese list that carries its English translation: that goes to its language
            words, translated = split_translated_block(words)
        _add_keywords(record, lang, words, seen)
        if translated:
            latin = _latin_language(record)
            record.log("split_translated_keywords", f"keywords.{latin}", text, "; ".join(translated))
            _add_keywords(record, latin, translated, seen)
    return record


def _latin_language(record: Record) -> str:
    """Short Latin-script keywords fool langdetect (it, ro ...), and it is slow: they take the
    language of the record's Latin-script title or abstract, else English."""
    latin = [k for k in list(record.title) + list(record.abstract) if k not in ("zh", "ja", "ko", "und")]
    return latin[0] if latin else "en"


def _declared_language(record: Record) -> str | None:
    """The language the record declares (its raw ``language``, once placed its ``extra``'s), if
    one :func:`declared_language` knows."""
    values = [value for value, _ in record.raw.get("language", [])] or record.extra.get("language") or []
    return declared_language([values] if isinstance(values, str) else [v for v in values if isinstance(v, str)])


def _han_reading(record: Record) -> str | None:
    """The language Han alone is read in for the record (a title all kanji, 高齢者医療制度改革研究):
    the one it declares; else Japanese when the record is so by its text or its bytes, its
    file read as Shift-JIS or EUC-JP (CiNii's kanji-only titles and names) or kana a real share
    of its titles, abstracts and sections (an abstract 本稿では…), none of them simplified Chinese
    and no abstract Chinese on its own; else None (Han alone is Chinese).  A kana keyword or name (もののあはれ in a Chinese
    paper on Japanese literature) makes no record Japanese.  Decided once a record, before its
    texts are placed (:func:`place_titles`), and kept in its raw ``han_reading``."""
    if "han_reading" not in record.raw:
        record.raw["han_reading"] = _read_han(record)
    return record.raw["han_reading"]


def _read_han(record: Record) -> str | None:
    declared = _declared_language(record)
    if declared or record.extra.get("encoding") in _JAPANESE_ENCODINGS:
        return declared or "ja"
    raw = record.raw
    abstracts = [text for text, _ in raw.get("abstract", [])]
    abstracts += [text for (text, _lang), _ in raw.get("other_abstract", [])] + list(record.abstract.values())
    texts = [text for text, _ in raw.get("titles", [])] + list(record.title.values()) + abstracts
    texts += [text for (_label, text), _ in raw.get("sections", [])]
    texts += [part["text"] for parts in record.sections.values() for part in parts]
    texts = [text for text in texts if isinstance(text, str)]
    joined = "\n".join(texts)
    if kana_share(joined) < _JAPANESE_KANA_SHARE or simplified_chinese(joined):
        return None   # a character of simplified Chinese alone (华, 诊) is written in no Japanese
    chinese = any(detect_language(text) == "zh" for text in abstracts if isinstance(text, str))
    return None if chinese else "ja"


# Japanese writes a third of its letters in kana or more; a Chinese text quoting a Japanese term
# (「もののあはれ」) has a few.
_JAPANESE_KANA_SHARE = 0.05
# The encodings of Japanese exports (readers.decode: Shift-JIS as Windows writes it, EUC-JP).
_JAPANESE_ENCODINGS = ("cp932", "euc_jp")


def _record_cjk_language(record: Record, lang: str) -> str:
    """Han alone (a kanji-only keyword or journal, 肺癌, 日本呼吸器学会誌) is Chinese by script,
    but Japanese or Korean in a record whose title or abstract is, and none Chinese."""
    written = set(record.title) | set(record.abstract)
    if lang == "zh" and "zh" not in written:
        for other in ("ja", "ko"):
            if other in written:
                return other
    return lang


def _add_keywords(record: Record, lang: str, words: list[str], seen: dict[str, set[str]]) -> None:
    """Each keyword once in its language, in any case (Scopus: "calcium", then "Calcium"): ``seen``
    holds a language's keywords casefolded, kept as they are added, not gathered again for each
    (a list of 3,000 keywords had taken seconds)."""
    for kw in words:
        kw = _english(record, f"keywords.{lang}", kw, lang)
        unmarked = drop_major_topic_mark(kw)
        if unmarked != kw:
            record.log("drop_major_topic_mark", f"keywords.{lang}", kw, unmarked)
            kw = unmarked
        bucket = record.keywords.setdefault(lang, [])
        given = seen.get(lang)
        if given is None:
            given = seen[lang] = {k.casefold() for k in bucket}
        if kw and kw.casefold() not in given:
            bucket.append(kw)
            given.add(kw.casefold())


# "et al." written as an author (RIS "AU  - et al.", BibTeX "and others", Chinese 等): the
# list is incomplete, which exports say again (BibTeX "and others", GB/T 7714 等 / et al.).
_ET_AL = re.compile(r"(?:et\.?\s*al\.?|others|等人?\.?)", re.I)
# Placeholders for no author (PubMed, PsycInfo, Zotero; 佚名 in Chinese): not a name, which
# would make unrelated anonymous records share an author; ``extra.anonymous`` says the source
# said so (an export does not warn of it as a reference lacking its authors).
_NO_AUTHOR = re.compile(r"\[?(?:anonymous|anon\.?|no authors? listed|no authorship indicated|"
                        r"indicated, no authorship|no author name available)\]?|佚名", re.I)   # (the last: Scopus's)
# Placeholders for no abstract (Scopus's "[No abstract available]", 暂无摘要): not an abstract,
# which would be searched and exported as one.
_NO_ABSTRACT = re.compile(r"\[?(?:no abstract(?: is)? available|abstract (?:is )?not available)\.?\]?\.?|"
                          r"[\[【]?(?:暂无摘要|无摘要|摘要暂无)[\]】]?[。.]?", re.I)


def _pair_romanised(record: Record) -> None:
    """The same authors in pinyin after their Chinese names (a page's "作者：陈明 刘洋" and
    "Author：CHEN Ming LIU Yang", a second 作者 line): each pinyin name is its Chinese name's
    ``alt``, not another author.  Only a list of Chinese names then Latin ones, paired by
    pinyin (in either order: "Chen Ming" is 陈明); a Latin name that pairs with none stays an
    author."""
    authors = record.authors
    zh = [a for a in authors if a.get("lang") == "zh" and a.get("literal")]
    if not zh or len(zh) == len(authors) or authors[:len(zh)] != zh or \
            not all(a.get("lang") == "en" and a.get("family") for a in authors[len(zh):]):
        return
    paired = _paired(zh, authors[len(zh):])
    record.authors[:] = [a for a in authors if not any(a is p for p in paired)]


def _pair_translated(record: Record) -> None:
    """An export's English names of its Chinese authors (Wanfang's ``{Translated Author}``,
    E-Study's 英文作者: "Wenjie JIANG", "Chao HAN") are their ``alt``, paired by pinyin in
    either order as :func:`_pair_romanised` pairs them, so that exports in English and
    ``author:`` find them; a name that pairs with no author stays text in
    ``extra.translated_author``, as all were before.  Korean and Japanese names have no pinyin:
    their romanised names (our RIS ``TA``, EndNote ``%H``) pair by place (:func:`_paired_by_place`),
    once the Chinese names have taken theirs.  RIS's ``TA`` is not always a name (MEDLINE's is the
    journal's abbreviation, ``J Clin Oncol``, which converters carry into RIS): one that pairs
    with no author stays in ``extra.tags.TA``, as RIS's tags we do not read."""
    left = _unpaired(record, record.raw.get("translated_author") or [])
    if left:
        record.raw["translated_author"] = left
    else:
        record.raw.pop("translated_author", None)
    tagged = _unpaired(record, record.raw.pop("ris_translated_author", []))
    if tagged:
        record.extra.setdefault("tags", {}).setdefault("TA", []).extend(text for text, _ in tagged)


def _unpaired(record: Record, written: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The translated names of ``written`` (text, line) that pair with no author of ``record``
    (:func:`_pair_translated`), each paired one set as its author's ``alt``; one that is an
    author's ``alt`` already, exactly (KCI's ``陳建國(Chen, Chien-Kuo)`` and a ``TA`` of the
    same), is no other name, and dropped."""
    zh = [a for a in record.authors if a.get("lang") == "zh" and a.get("literal")]
    lang = _record_language(record)
    names = [(parse_name(text), (text, line)) for text, line in written]
    if names and (zh or _unromanised(record.authors, lang)):
        paired = _paired(zh, [name for name, _ in names if name.get("family")])
        paired += _paired_by_place(_unromanised(record.authors, lang),
                                   [name for name, (text, _) in names if name.get("family") and "," in text
                                    and not any(name is p for p in paired)])
        names = [(name, kept) for name, kept in names if not any(name is p for p in paired)]
    alts = {(a["alt"].get("family"), a["alt"].get("given")) for a in record.authors if isinstance(a.get("alt"), dict)}
    return [kept for name, kept in names if not (name.get("family") and (name["family"], name.get("given")) in alts)]


def _unromanised(authors: list[dict], lang: str) -> list[dict]:
    """The authors without an ``alt`` written in hangul or kana, or in Han alone in a Japanese or
    Korean record (``lang``), which :func:`decide_language` makes that language's later: names no
    pinyin pairs.  A Han name with a character of simplified Chinese alone (王伟) is Chinese
    even there, and not one of them."""
    return [a for a in authors if "alt" not in a and
            (a.get("lang") in ("ko", "ja") or lang in ("ko", "ja") and a.get("lang") == "zh"
             and not simplified_chinese(a.get("literal") or a.get("family") or ""))]


def _paired_by_place(left: list[dict], latin: list[dict]) -> list[dict]:
    """The names of ``latin`` set, in their order, as the ``alt`` of the Korean and Japanese
    authors ``left`` without one (``홍길동`` and ``Hong, Gil-Dong``), when they are as many: a list
    of their romanised names in their order, as our RIS and EndNote exports write one (a
    Chinese author's, paired by pinyin before, or none, left out).  Only names written
    ``Family, Given``, as they write them: a ``TA`` without a comma may be no name at all
    (MEDLINE's journal abbreviation, ``Nihon Igaku Zasshi``), which nothing but its place would pair."""
    if not latin or len(left) != len(latin):
        return []
    for author, name in zip(left, latin):
        author["alt"] = {k: name[k] for k in ("family", "given") if name.get(k)} | {"lang": "en"}
    return list(latin)


def _paired(zh: list[dict], latin: list[dict]) -> list[dict]:
    """The names of ``latin`` that are the pinyin of a name of ``zh`` (family and given in
    either order), each set as that Chinese name's ``alt``."""
    from .dedup import pinyin_key   # (pypinyin: only for such lists)

    by_key = {pinyin_key(a["literal"]): a for a in zh}
    paired = []
    for a in latin:
        family, given = a["family"], a.get("given", "")
        for first, second in ((family, given), (given, family)):   # "Chen Ming": 陈明, read Ming, Chen
            target = by_key.get(pinyin_key(first + second))
            if target is not None and "alt" not in target:
                target["alt"] = {"family": first, "given": second, "lang": "en"}
                paired.append(a)
                break
        else:
            if _spelt_in_wade_giles(zh, a):
                paired.append(a)
    for a in latin:   # then a name given with initials, once the full ones have theirs
        target = next((t for t in zh if "alt" not in t and _initials_of(t, a)), None) \
            if not any(a is p for p in paired) else None
        if target is not None:
            target["alt"] = {"family": a["family"], "given": a["given"], "lang": "en"}
            paired.append(a)
    return paired


# A given name written as its initials: "M", "M.", "XM", "X.M.", "X-M", "X. M."
_INITIALS = re.compile(r"(?:[A-Z]\.?[\s-]?){1,3}")


def _initials_of(target: dict, a: dict) -> bool:
    """Whether ``a`` is the Chinese name ``target`` (李明, 李晓明) with its given name in initials,
    as English versions of Chinese papers and Web of Science write them (``Li, M``, ``Li, XM``):
    its family name the surname's pinyin, each initial the first letter of a syllable of the
    given name's, in order (``Li, X`` for 李晓明 too, a first initial alone)."""
    from .dedup import pinyin_key, simplified
    from .pinyin import compared_pinyin, compared_word, is_person

    given = (a.get("given") or "").strip()
    if not _INITIALS.fullmatch(given) or not a.get("family") or not is_person(simplified(target["literal"])):
        return False
    family, syllables_ = compared_pinyin(target["literal"])
    letters = re.findall("[A-Z]", given)
    return (compared_word(pinyin_key(a["family"])) == family and len(letters) <= len(syllables_)
            and all(s.startswith(c.lower()) for c, s in zip(letters, syllables_)))


def _spelt_in_wade_giles(zh: list[dict], a: dict) -> bool:
    """Whether ``a`` spells in Wade-Giles (a Taiwanese author's ``Chen, Chien-Kuo``) the name of
    an author of ``zh`` still without an ``alt`` (陳建國), whose ``alt`` it is then."""
    from .pinyin import compared_pinyin

    family, given = a["family"], a.get("given", "")
    for target in (t for t in zh if "alt" not in t):
        for latin in (f"{family}, {given}", f"{given}, {family}"):
            form = wade_giles_form(latin, *compared_pinyin(target["literal"]))
            if form:
                target["alt"] = form
                return True
    return False


def _add_authors(record: Record, names, role: str | None = None, written: list | None = None) -> str | None:
    """The names of an author field, each parsed; a newspaper byline's role words (记者,
    本报记者, 通讯员 …) are no names: each named person's role is kept in ``extra.author_roles``.
    ``role``: the one the field before left for the names after it; the one this one leaves.
    ``written``: where each author added goes, with its name as written."""
    cjk = "ja" if _record_language(record) == "ja" else "zh"   # a Japanese record's names are Japanese
    names, roles, role = byline_roles(list(names), role)
    if roles:
        record.extra.setdefault("author_roles", {}).update(roles)
    for name in names:
        bare = name.strip().strip("{} ")   # "{[Anonymous]}": BibTeX's braces
        if _ET_AL.fullmatch(bare):
            record.extra["authors_truncated"] = True
        elif _NO_AUTHOR.fullmatch(bare):
            record.extra["anonymous"] = True   # anonymous by the source's word, not a gap
        else:
            record.authors.append(parse_name(name, cjk))
            if written is not None:
                written.append((record.authors[-1], name.strip()))
    return role


def _order_pinyin_names(record: Record, written: list[tuple[dict, str]]) -> None:
    """Chinese names in pinyin written without a comma, family name first or given name first
    as :func:`family_first` reads them in this record (a Chinese database's page, VIP's "Li Wei；
    Zhang Min", writes the family name first; an English record's "Chenyu Chu" last): parsed as a
    Western name, "Li Wei" was Wei's."""
    chinese = record.source.format == "scraped-page" or _record_language(record) == "zh"
    kept = [(a, name) for a, name in written if any(a is b for b in record.authors)]
    for (author, name), first in zip(kept, family_first([name for _, name in kept], chinese)):
        words = name.split()
        if first and author == {"family": words[1], "given": words[0], "lang": "en"}:
            author["family"], author["given"] = words


def _kept_whole(name: str) -> str:
    """A name ending in a comma and holding no other (RIS and EndNote's ``Ben Walton,``,
    ``World Health Organization,``) is one name, kept whole: ``{Ben Walton}``.  PubMed's
    ``Gattineni J,`` is a family name and initials, and stays as it is."""
    if name.endswith(",") and "," not in name[:-1] and not abbreviated(name[:-1].strip()):
        return "{" + name[:-1].strip() + "}"
    return name


def _person_text(text) -> str:
    """An editor or translator as ``extra`` keeps it: a whole name braced (``{Ben Walton}``),
    a Chinese name as it is (BibTeX's ``{张三}``: one name anyway)."""
    text = _kept_whole(str(text).strip())
    return text[1:-1] if text.startswith("{") and is_cjk_name(text[1:-1]) else text


def place_authors(record: Record) -> Record:
    # whose affiliations are whose, as MEDLINE's AD lines, WoS's C1 and Crossref say
    owned = {" ".join(str(o.get("author", "")).split()): o.get("affiliations") or []
             for o in record.extra.get("author_affiliations") or [] if isinstance(o, dict)}
    given = False  # some author was given their own: the others have none the reader knows of
    byline = None  # a byline's role word, for the names after it (RIS: "AU  - 记者", "AU  - 张三")
    as_written: list[tuple[dict, str]] = []  # each author with its name as written
    for written, _line in record.raw.pop("authors", []):
        text = repair(record, "authors", written, SHORT_REPAIRS)
        before = len(record.authors)
        byline = _add_authors(record, split_author_list(text), byline, as_written)
        given |= _give_own_affiliation(record, owned.get(" ".join(written.split())), before)
    for written, _line in record.raw.pop("author", []):
        text = _kept_whole(repair(record, "authors", written, SHORT_REPAIRS).strip().strip(";；"))
        if text.endswith(","):  # "Risitano, AM,", "Gattineni J,"
            text = text.rstrip(", ")
        if text:  # a braced name is one name, kept whole (an organisation)
            before = len(record.authors)
            byline = _add_authors(record, [text] if text.startswith("{") else split_author_field(text), byline, as_written)
            given |= _give_own_affiliation(record, owned.get(" ".join(written.split())), before)
    if byline and byline not in record.extra.get("author_roles", {}).values():
        # a role word no name follows is the author: 本报评论员, an editorial's (as GB/T 7714 cites it)
        record.authors.append(parse_name(byline))
    for role in ("editor", "translator"):  # kept as text in extra, a whole name braced the same way
        if role in record.raw:
            record.raw[role] = [(_person_text(text), line) for text, line in record.raw[role]]
    _pair_romanised(record)
    _pair_translated(record)
    _order_pinyin_names(record, as_written)
    affiliations = [repair(record, "affiliation", t, SHORT_REPAIRS).rstrip(";；,， ")   # "清华大学计算机系;"
                    for t, _ in record.raw.pop("affiliation", [])]
    affiliations = [a for a in affiliations if a]
    if affiliations:
        record.extra["affiliations"] = affiliations
        if len(affiliations) == 1 and not given:  # (MEDLINE's one AD after the first author is hers)
            for author in record.authors:
                author.setdefault("affiliation", affiliations[0])
    return record


def _give_own_affiliation(record: Record, own: list[str] | None, before: int) -> bool:
    """The author just read (one, after the ``before`` there were) given the affiliations a
    reader says are theirs: several as one text, each without the full stop MEDLINE's AD
    lines end with.  True when given."""
    if own and len(record.authors) == before + 1:
        record.authors[-1]["affiliation"] = own[0] if len(own) == 1 else "; ".join(a.rstrip(". ") for a in own)
        return True
    return False


def place_funding(record: Record) -> Record:
    # a funder's awards (None for an entry with no number) and the entries of each number, kept
    # as entries are added, dropped and renamed (_join_names): looked up in the whole list for
    # each entry, a statement of 500 grants of one funder had taken seconds
    awards: dict[str, Counter] = defaultdict(Counter)
    numbered: dict[str, list[dict]] = defaultdict(list)
    for e in record.funding:
        awards[e["funder"]][e["award"]] += 1
        if e["award"] is not None:
            numbered[e["award"]].append(e)
    unfunded = []  # the statements saying there was none ("No funding was received."): no funder
    for text, _line in record.raw.pop("funding", []):
        text = repair(record, "funding", text, SHORT_REPAIRS)
        if no_funding(text):
            unfunded.append(text)
            continue
        for entry in parse_funding(statement_body(text)):
            same = awards[entry["funder"]]
            # one entry per (funder, award); a funder named without a number where another
            # statement gives its number (the 基金 line and the English abstract's "Supported
            # by …") is that entry
            if entry["award"] in same or entry["award"] is None and same:
                continue
            twin = next((e for e in numbered.get(entry["award"], ()) if _same_grant(e, entry)), None)
            if twin is not None:
                awards[twin["funder"]] -= Counter({twin["award"]: 1})
                _join_names(twin, entry)
                awards[twin["funder"]][twin["award"]] += 1
                continue
            if None in same:
                record.funding[:] = [e for e in record.funding if e["funder"] != entry["funder"] or e["award"] is not None]
                del same[None]
            record.funding.append(entry)
            same[entry["award"]] += 1
            if entry["award"] is not None:
                numbered[entry["award"]].append(entry)
    if unfunded and not record.funding:  # the source's word that there was none, not a gap
        record.extra["no_funding"] = unfunded[0]
    return record


def _same_grant(a: dict, b: dict) -> bool:
    """Whether two entries are one grant written in two languages (a page's 基金项目 and its
    Foundation item: "教育部人文社会科学研究青年基金项目(19YJC880001)", "Youth Foundation of …
    (19YJC880001)"): the same number, one funder named in Chinese and the other not, and not
    two funders the funder table tells apart."""
    return (a["award"] is not None and a["award"] == b["award"]
            and bool(_CJK_TEXT.search(a["funder_original"])) != bool(_CJK_TEXT.search(b["funder_original"]))
            and not (a["funder_id"] and b["funder_id"] and a["funder_id"] != b["funder_id"]))


def _join_names(entry: dict, twin: dict) -> None:
    """One entry of a grant and its twin in the other language, both names kept as a known
    funder's are (国家自然科学基金 and National Natural Science Foundation of China): the
    funder the table's name or the one not in Chinese, the name as written the Chinese."""
    han, other = (entry, twin) if _CJK_TEXT.search(entry["funder_original"]) else (twin, entry)
    known = entry if entry["funder_id"] else twin if twin["funder_id"] else other
    entry.update(funder=known["funder"], funder_id=known["funder_id"], funder_original=han["funder_original"])


def place_details(record: Record) -> Record:
    """Journal, year, volume, issue, pages, DOI, ISSN, URL and the rest (kept in ``extra``)."""
    raw = record.raw
    for text, line in raw.pop("citation", []):
        text = repair(record, "citation", text, TITLE_REPAIRS)
        parts = parse_citation(text)
        if unread_citation(text, parts):  # a form not read ("刊名 2021 Mar 15"): kept as written
            record.extra.setdefault("citation", []).append(text.strip())
            record.issues.append(f"{f'line {line}: ' if line else ''}citation not read: kept in extra.citation")
        _set_details(record, parts)
    for text, _ in raw.pop("year_volume_issue", []):
        _set_details(record, parse_year_volume_issue(repair(record, "year", text, TITLE_REPAIRS)))
    for parts, _ in raw.pop("journal_line", []):
        _set_details(record, {k: v for k, v in parts.items() if v})
    for text, _ in raw.pop("journal", []):
        text = repair(record, "journal", text, TITLE_REPAIRS)
        name, cited = split_journal_citation(text)  # "中国医学影像技术, 2022, 38(5): 701-705"
        if cited:
            record.log("split_journal_citation", "journal", text, name)
            _set_details(record, cited)
            text = name
        journal, meeting = split_journal(text)
        record.log("split_journal", "journal", text, journal)   # logged when it changed the text
        for key, value in meeting.items():
            record.extra.setdefault(key, value)
        _set_details(record, {"journal": journal})
    # An abbreviated name is the journal where no full name in its script was given, else
    # kept beside it in extra.
    abbreviations = []
    for text, _ in raw.pop("journal_abbreviation", []):
        text = repair(record, "journal", text, TITLE_REPAIRS).strip()
        if text and _journal_lang(text, record) not in record.journal:
            _set_details(record, {"journal": text})
        elif text and text.rstrip(".") not in record.journal.values() and text not in abbreviations:
            abbreviations.append(text)
    if abbreviations:
        record.extra["journal_abbreviation"] = abbreviations
    out_of_range = []   # (written, line) of a year field whose four digits are no year read (1066, 0000, 9999)
    unread_years = []   # (written, line) of a year or date field with digits and no year in them ("2O21", "20")
    year_issues = []   # the issue a year writes after it ("2019(03)"): the record's if it has none of its own
    for key in ("year", "date"):
        for text, line in raw.pop(key, []):
            # a year typed in full-width digits (RIS "PY  - ２０２２", BibTeX "year = {２０２２}") is that year
            text = repair(record, key, str(text), (*VALUE_REPAIRS, "fold_fullwidth_alnum"))
            year = parse_year(text)
            _set_details(record, {"year": year})
            if key == "year" and (issue := issue_of_year(text)):
                year_issues.append(issue)
            written = str(text).strip()
            if written and written != str(year):  # "2019 Jan 15", "February 01": kept as written
                dates = record.extra.setdefault("date", [])
                if written not in dates:
                    dates.append(written)
            if year is None and re.search(r"(?<!\d)\d{4}(?!\d)", written):
                out_of_range.append((written, line))
            elif year is None and re.search(r"\d", written):
                unread_years.append((written, line))
    if record.year is None and out_of_range:  # no year at all, and nothing said why
        written, line = out_of_range[0]
        record.issues.append(f"{f'line {line}: ' if line else ''}year {written!r} out of range ({YEARS[0]}-{YEARS[1]}), "
                             "not read: kept in extra.date")
    elif record.year is None and unread_years:
        written, line = unread_years[0]
        record.issues.append(f"{f'line {line}: ' if line else ''}year {written!r} holds no year, not read: kept in extra.date")
    # a volume or an issue written with its year or the other ("期号：2021年第3期", "卷期：第40卷 第6期")
    for key in ("volume", "issue", "volume_issue"):
        for text, line in raw.pop(key, []):
            text = repair(record, key, str(text), VALUE_REPAIRS + ("fold_fullwidth_alnum",)).strip()
            parts = parse_volume_issue(text, bracketed=key == "volume_issue")
            if parts or key != "volume_issue":
                _set_details(record, parts or {key: text})
            elif text:  # a 卷期 value read in no form: kept as written
                record.extra.setdefault("volume_issue", []).append(text)
                record.issues.append(f"{f'line {line}: ' if line else ''}volume and issue not read: kept in extra.volume_issue")
    if year_issues:
        _set_details(record, {"issue": year_issues[0]})
    start_lines = [line for _, line in raw.get("start_page", [])]
    starts = [repair(record, "pages", str(t), VALUE_REPAIRS).strip() for t, _ in raw.pop("start_page", [])]
    ends = [repair(record, "pages", str(t), VALUE_REPAIRS).strip() for t, _ in raw.pop("end_page", [])]
    if starts and starts[0]:
        # one page given as both ends (RIS "SP  - E1", "EP  - E1") is that page
        end = f"-{ends[0]}" if ends and ends[0] and ends[0] != starts[0] else ""
        raw.setdefault("pages", []).append((starts[0] + end, start_lines[0]))
    # The contract has one DOI, ISSN and URL: the first; the others (print and electronic
    # ISSN, a publisher's and a repository's URL) are kept in extra, never dropped, and so
    # is a DOI field that holds no DOI.
    # Each ISSN of a field on its own; a book's ISBNs written as its ISSN are ISBNs; a field
    # with a number that is neither is kept apart, one with no number stays (RIS's placeholder
    # "SN  - ISSN", as Zotero reads it).
    issns, unread_issns = [], []
    for text, line in raw.pop("issn", []):
        text = repair(record, "issn", str(text), VALUE_REPAIRS)
        found, isbns = split_issn(text)
        if isbns:
            raw.setdefault("isbn", []).extend((isbn, line) for isbn in isbns)
        if found:
            issns += [(issn, line) for issn in found]
        elif not isbns and str(text).strip():
            (unread_issns if re.search(r"\d", str(text)) else issns).append((str(text).strip(), line))
    raw["issn"] = issns
    if unread_issns:
        record.extra["issn_unread"] = [t for t, _ in unread_issns]
    for key, norm in (("doi", normalise_doi), ("issn", str.strip), ("url", str.strip)):
        texts = [repair(record, key, str(t), VALUE_REPAIRS) for t, _ in raw.pop(key, [])]
        unread = [t.strip() for t in texts if t.strip() and not norm(t)]
        if unread:  # a DOI field holding no DOI ("N/A", a handle): kept as written
            record.extra[f"{key}_unread"] = unread
        values = [v for v in dict.fromkeys(norm(t) for t in texts) if v]
        first = getattr(record, key) or (values[0] if values else None)
        setattr(record, key, first)
        if any(v != first for v in values):
            record.extra[f"other_{key}s"] = [v for v in values if v != first]
    if not record.doi:   # a URL that is the DOI written as a link (Embase's http://dx.doi.org/10.…)
        record.doi = doi_of_links([record.url] + record.extra.get("other_urls", []))
        if record.doi and doi_of_link(record.url) == record.doi:   # (a reference printing the link need not
            record.extra["doi_from_link"] = True                     # print the DOI again; Embase's page is no such link)
    for text, line in raw.pop("pages", []):
        if not record.pages:
            record.pages = normalise_pages(repair(record, "pages", str(text), VALUE_REPAIRS + ("fold_fullwidth_alnum",)))
            backwards = re.fullmatch(r"(\d+)-(\d+)", record.pages or "")
            if backwards and int(backwards.group(2)) < int(backwards.group(1)):
                record.issues.append(f"{f'line {line}: ' if line else ''}pages {record.pages!r} end before they start, "
                                     "kept as written")
    codes = [c for text, _ in raw.pop("classification", []) for c in classification_codes(str(text))]
    if codes:  # 中图分类号 "R445;R734.2": a code each, whatever the reader
        record.extra["classification"] = list(dict.fromkeys(codes))
    for key in [k for k in raw if k not in ("primary_lang", "han_reading")]:
        record.extra[key] = [v for v, _ in raw.pop(key)]
    return record


def _journal_lang(journal: str, record: Record | None = None) -> str:
    # By script: a serial's name is too short for langdetect, which read "Acta obstetricia
    # et gynecologica Scandinavica" as Romanian and "Zhonghua fu chan ke za zhi" as Swahili
    # (and cost 30 ms a name).  Han follows a Japanese or Korean record; another script is
    # langdetect's ("Вопросы онкологии"); a Latin name is English unless langdetect reads it
    # as the language of the record's Latin title ("Revue des Maladies Respiratoires" in a
    # French record; a French paper in an English-named journal is common).
    scripts = script_counts(journal)
    if scripts["han"] or scripts["kana"] or scripts["hangul"]:
        lang = cjk_language(journal)
        return _record_cjk_language(record, lang) if record is not None else lang
    if not scripts["latin_words"]:
        lang = detect_language(journal)
        return lang if lang != "und" else "en"
    if record is None:
        return "en"
    # one Latin-script name a record: another (its abbreviation) joins the first's key
    given = [k for k in record.journal if _latin_journal(record.journal[k])]
    if given:
        return given[0]
    latin = [k for k in record.title if k not in ("en", "zh", "ja", "ko", "und")]
    if latin and langdetect_reads(journal, latin[0]):
        return latin[0]
    return "en"


def _latin_journal(journal: str) -> bool:
    scripts = script_counts(journal)
    return bool(scripts["latin_words"]) and not (scripts["han"] or scripts["kana"] or scripts["hangul"])


def _abbreviated_journal(journal: str) -> bool:
    """Whether a name ending in "." is abbreviated (ISO 4), its last period part of its last
    word: half or more of its other words end with one too.  Else the period ends a sentence
    ("Frontiers of Neurology and Neuroscience.") and goes.

    >>> _abbreviated_journal("J. Appl. Phys."), _abbreviated_journal("Ann. New York Acad. Sci.")
    (True, True)
    >>> _abbreviated_journal("J Appl Phys."), _abbreviated_journal("Rinsho byori. The Japanese journal of pathology.")
    (False, False)
    """
    words = journal.split()[:-1]
    return journal.endswith(".") and bool(words) and 2 * sum(w.endswith(".") for w in words) >= len(words)


def _set_details(record: Record, parts: dict) -> None:
    journal = parts.get("journal")
    if journal:
        journal = journal.strip()
        if not _abbreviated_journal(journal):
            journal = journal.rstrip(".")
        record.journal.setdefault(_journal_lang(journal, record), journal)
    year = parts.get("year")
    if year and record.year is None:
        record.year = int(year) if str(year).isdigit() else parse_year(str(year))
    if parts.get("volume") and record.volume is None:
        record.volume = normalise_volume(str(parts["volume"]))
    if parts.get("issue") and record.issue is None:
        record.issue = normalise_issue(str(parts["issue"]))
    if parts.get("pages") and record.pages is None:
        record.pages = normalise_pages(parts["pages"])


def _record_language(record: Record) -> str:
    """The language :func:`decide_language` gives the record, once its titles and abstracts
    are placed."""
    declared = _declared_language(record)
    if declared and (declared in record.title or declared in record.abstract):
        return declared
    return record.raw.get("primary_lang") or next(iter(record.abstract), None) or "und"


def decide_language(record: Record) -> Record:
    """The record's language: the one it declares when it holds a title or an abstract in it
    (PubMed's ``chi`` article: its title in English, "[…].", its VernacularTitle in Chinese;
    Scopus's English title with the original in brackets), else its first title's, else its
    abstract's, else 'und'."""
    record.language = _record_language(record)
    record.raw.pop("primary_lang", None)
    record.raw.pop("han_reading", None)
    if record.language in ("ja", "ko"):
        # names in kanji or hangul in a Japanese or Korean record are that language's, not
        # Chinese (a Chinese name is cited in pinyin; 加地範匡 is not Jiā Dì)
        for author in record.authors:
            if _CJK_NAME.search(author.get("literal") or author.get("family") or ""):
                author["lang"] = record.language
    elif record.language in _CYRILLIC_LANGUAGES:
        # a Ukrainian or Bulgarian record's names in Cyrillic are its language's, not Russian
        for author in record.authors:
            if author.get("lang") == "ru":
                author["lang"] = record.language
    return record


# Languages written in Cyrillic besides Russian, whose records' Cyrillic names are theirs.
_CYRILLIC_LANGUAGES = frozenset({"uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"})


_CJK_NAME = re.compile(f"[{HAN}{KANA}{HANGUL}]")


THESIS_HINT = ("大学", "學", "学院", "研究院", "研究所", "University", "Institute")
CONFERENCE_HINT = ("会议", "论文集", "论坛", "Proceedings", "Conference", "Symposium")


def guess_type(record: Record) -> Record:
    """CSL type from what the page shows (a journal that is a university: a thesis); a
    type the source stated (an export's type tag) is never second-guessed."""
    if record.type != "article-journal" or record.extra.get("source_type"):
        return record
    journals = " ".join(record.journal.values())
    if any(h in journals for h in CONFERENCE_HINT):
        record.type = "paper-conference"
    elif journals and any(journals.endswith(h) or journals.rstrip(".").endswith(h) for h in THESIS_HINT) \
            and not record.volume and not record.issue:
        record.type = "thesis"
    return record


def tidy_extra(record: Record) -> Record:
    """Control and invisible format characters out of every text ``extra`` keeps (a note,
    the database's name, a CSV column's value), as out of the fields: an export cut by a
    Ctrl-Z keeps ``CNKI\\x1a`` in its last line otherwise.  Each change logged under
    ``extra.<key>``."""
    def tidy(key: str, value):
        if isinstance(value, str):
            fixed = REPAIRS["drop_invisible_characters"](value)
            record.log("drop_invisible_characters", f"extra.{key}", value, fixed)
            return fixed
        if isinstance(value, list):
            return [tidy(key, v) for v in value]
        if isinstance(value, dict):
            return {k: tidy(key, v) for k, v in value.items()}
        return value

    for key, value in record.extra.items():
        record.extra[key] = tidy(key, value)
    return record


def flag_lost_characters(record: Record) -> Record:
    """An issue for each field that holds U+FFFD, a character whose bytes were lost before the
    text reached us (a file saved from mojibake: ``乳腺癌手�的比较``, an author ``瀛欑��`` the
    mojibake repair could not read back): kept as given, never guessed, but said.

    >>> from indexer.record import Source
    >>> rec = Record(Source(path="x.txt", format="ris", record=1))
    >>> rec.title, rec.authors = {"zh": "乳腺癌手\ufffd的比较"}, [{"literal": "钱红", "affiliation": "华西医\ufffd"}]
    >>> flag_lost_characters(rec).issues
    ["title.zh holds undecodable characters (U+FFFD: their bytes lost), kept as given: '乳腺癌手\ufffd的比较'", "authors[1].affiliation holds undecodable characters (U+FFFD: their bytes lost), kept as given: '华西医\ufffd'"]
    """
    def texts():
        for name in ("title", "abstract", "journal"):
            for lang, text in getattr(record, name).items():
                yield f"{name}.{lang}", text
        for i, author in enumerate(record.authors, 1):
            for key in ("literal", "family", "given", "affiliation"):
                if isinstance(author.get(key), str):
                    yield f"authors[{i}].{key}", author[key]
        for lang, words in record.keywords.items():
            yield from ((f"keywords.{lang}", w) for w in words)
        for name in ("volume", "issue", "pages"):
            yield name, getattr(record, name) or ""

    for where, text in texts():
        issue = (f"{where} holds undecodable characters (U+FFFD: their bytes lost), kept as given: "
                 f"{text[:60]!r}")
        if "\ufffd" not in text or issue in record.issues:
            continue
        if text.find("\ufffd") == len(text) - 1 and any(CUT_SHORT in i for i in record.issues):
            continue   # the last character of a file cut inside it: its record says so already
        record.issues.append(issue)
    return record


def default_steps() -> list[Step]:
    """The ordered clean steps."""
    return [place_titles, place_abstracts, place_sections, place_keywords, place_authors,
            place_funding, place_details, decide_language, guess_type, tidy_extra, flag_lost_characters]


def clean(record: Record, steps: list[Step] | None = None) -> Record:
    for step in steps or default_steps():
        record = step(record)
    return record
