"""Deduplication: clusters of records that are the same work, with the reasons.

Blocking (never all pairs): records meet only when they share a DOI, a folded title key
(any language: a Chinese record's translated English title meets the English record's
title), the first 20 characters of that key, the year and first author, the year,
volume and first page, or (Chinese against English) the year and first author in
pinyin; blocks met through anything but the DOI or the whole title also need similar
titles (one a prefix of the other, or 90% alike).  A pair that met is linked unless
evidence says otherwise:

* same DOI → linked, certain;
* same folded title (NFKC, case, width, punctuation and spaces ignored; Traditional read
  as Simplified) → linked when the years agree (one year apart only with the same volume
  or pages: online-first and print) and the types agree (a conference
  abstract is not the journal paper), and the authors overlap when both have authors
  (the same title by other authors is another work); certain when authors and year
  both agree, else needs review;
* an English title equal to the Chinese record's translated title → linked (the two
  language versions of one work), needs review;
* a Chinese and an English record of the same year whose authors are the same in pinyin
  (first author equal, two in common when both have two) and whose volume, issue and
  pages do not disagree → linked as the two language versions, needs review.

Titles too short or generic to identify a work ("Editorial", "前言", empty) never link
by title.  The master of a cluster is its most complete record (most non-empty
fields; ties: the first by file and position).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Iterable

GENERIC_TITLES = {"editorial", "introduction", "preface", "foreword", "abstracts", "index", "contents",
                  "letter to the editor", "erratum", "correction", "corrigendum", "前言", "序言", "目录", "卷首语",
                  "编者按", "征稿启事", "更正", "勘误", "reply", "response", "commentary", "book review", "news",
                  "editor's comments", "editors comments", "front matter", "back matter", "issue information",
                  "editorial board", "table of contents", "in this issue", "masthead", "cover", "announcements",
                  "author index", "subject index", "acknowledgements", "acknowledgment to reviewers", "errata",
                  "call for papers", "books received", "erratum", "obituary"}
MIN_TITLE_KEY = 8


_T2S = None
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def simplified(text: str) -> str:
    """Traditional characters to Simplified (OpenCC's t2s table)."""
    global _T2S
    if not _CJK.search(text):
        return text
    if _T2S is None:
        import opencc

        _T2S = opencc.OpenCC("t2s")
    return _T2S.convert(text)


def title_key(title: str | None) -> str:
    """Letters, digits and CJK characters of a folded title (Traditional read as
    Simplified; width, case, punctuation and spaces ignored): ``(自然科学版)`` =
    ``（自然科学版）``, 現代園林 = 现代园林."""
    if not title:
        return ""
    s = unicodedata.normalize("NFKC", simplified(title)).casefold()
    s = _ANNOTATION.sub("", s)
    for variant, common in _SPELLING:
        s = s.replace(variant, common)
    return re.sub(r"[\W_]+", "", s)


# British and American spellings meet (haemolytic = hemolytic, tumour = tumor).
_SPELLING = (("haem", "hem"), ("aemia", "emia"), ("paediatr", "pediatr"), ("oedem", "edem"),
             ("oesophag", "esophag"), ("oestr", "estr"), ("tumour", "tumor"), ("colour", "color"),
             ("behaviour", "behavior"), ("randomis", "randomiz"), ("organis", "organiz"),
             ("anaesth", "anesth"), ("leukaem", "leukem"), ("foetal", "fetal"), ("centre", "center"))


# Database annotations appended to titles (Ovid, CENTRAL, PubMed): "[Review] [21 refs]",
# "(Provisional abstract)", "[Article in German]".
_ANNOTATION = re.compile(r"\s*(?:\[(?:review|\d+ refs?|english abstract|article in [^\]]*|comment|"
                         r"see comments|letter|editorial|erratum[^\]]*)\]|\((?:provisional|structured) abstract\))",
                         re.I)
# A title ending in a citation, "(vol 360, pg 542, 2009)" (Web of Science) or "(Journal (2009)
# 360 (544-546))" (Embase), is a correction notice: kept, so it never meets its paper.


def pinyin_key(name: str) -> str:
    """A personal name as pinyin letters, the way English records write Chinese authors:
    张可佳 → zhangkejia; "Zhang, Kejia" → zhangkejia."""
    if _CJK.search(name):
        from pypinyin import lazy_pinyin

        return "".join(lazy_pinyin(simplified(name)))
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).casefold())


def _pinyin_authors(rec: dict) -> list[str]:
    out = []
    for a in rec.get("authors") or []:
        if a.get("literal"):
            out.append(pinyin_key(a["literal"]))
        else:
            out.append(pinyin_key(f"{a.get('family', '')}{a.get('given', '')}"))
    return [k for k in out if k]


def _usable(key: str) -> bool:
    return len(key) >= MIN_TITLE_KEY and key not in {title_key(g) for g in GENERIC_TITLES}


def _author_keys(rec: dict) -> set[str]:
    """Name words of the authors (Chinese names whole): "Goicoechea de Jorge, E." and
    "de Jorge, E. G." share "jorge"."""
    keys = set()
    for a in rec.get("authors") or []:
        if a.get("literal"):
            k = title_key(a["literal"])  # Traditional and Simplified names meet
            if k:
                keys.add(k)
            continue
        for word in re.split(r"[\s,.\-]+", f"{a.get('family', '')} {a.get('given', '')}"):
            k = title_key(word)
            if len(k) >= 3 and k not in ("van", "von", "der", "den", "del", "della"):
                keys.add(k)
    return keys


def _similar_titles(a: dict, b: dict) -> bool:
    """Titles that differ only by truncation or a few characters (same place in a journal)."""
    import difflib

    for ta in (a.get("title") or {}).values():
        for tb in (b.get("title") or {}).values():
            ka, kb = title_key(ta), title_key(tb)
            if not (_usable(ka) and _usable(kb)):
                continue
            short, long_ = sorted((ka, kb), key=len)
            if long_.startswith(short) and len(short) >= 0.6 * len(long_):
                return True
            if difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= 0.9:
                return True
    return False


def completeness(rec: dict) -> int:
    fields = ("title", "abstract", "authors", "keywords", "journal", "year", "volume", "issue", "pages",
              "doi", "issn", "funding", "sections")
    score = sum(1 for f in fields if rec.get(f))
    score += len(rec.get("title") or {}) + len(rec.get("abstract") or {})
    return score


_CORRECTION = re.compile(r"\(vol\.? ?\d+[^()]*\)\s*$|\([^()]*\(\d{4}\)[^()]*\)\s*$|^\s*(?:erratum|correction|"
                         r"corrigendum|retraction|notice of retraction)\b|^关于.*一文的(?:更正|勘误)|^(?:更正|勘误)", re.I)


def is_correction(rec: dict) -> bool:
    """A correction or erratum notice (its title cites the paper it corrects)."""
    return any(_CORRECTION.search(t) for t in (rec.get("title") or {}).values())


def _type_family(rec: dict) -> str:
    t = rec.get("type") or ""
    return "conference" if t == "paper-conference" else "other"


def compare(a: dict, b: dict, via: str) -> tuple[bool, list[str], str]:
    """Whether two records that met in a block are the same work: (linked, reasons, tier)."""
    if a.get("doi") and b.get("doi"):
        if a["doi"].lower() == b["doi"].lower():
            return True, ["same DOI"], "certain"
        return False, ["different DOIs"], ""
    ya, yb = a.get("year"), b.get("year")
    if ya is not None and yb is not None and ya != yb:
        # One year apart is online-first vs print only when the issue details agree; a
        # yearly "Introduction to the minitrack" is another work each year.
        same_place = any(a.get(f) and a.get(f) == b.get(f) for f in ("volume", "pages"))
        if abs(ya - yb) > 1 or not same_place:
            return False, [f"years differ ({ya} vs {yb})"], ""
    if _type_family(a) != _type_family(b):
        return False, ["a conference paper and another type"], ""
    if is_correction(a) != is_correction(b):
        return False, ["an erratum or correction and its paper"], ""
    short = min((len(title_key(t)) for r in (a, b) for t in (r.get("title") or {}).values()), default=0) < 40
    if via != "translated" and short:
        # A short title recurs (columns, "Editor's Comments"): another issue is another work.
        for f in ("volume", "issue"):
            va, vb = str(a.get(f) or "").lstrip("0"), str(b.get(f) or "").lstrip("0")
            if va and vb and va != vb:
                return False, [f"{f} differs ({a.get(f)} vs {b.get(f)})"], ""
        pa, pb = (re.split(r"[-–~, ]", str(r.get("pages") or ""))[0].lstrip("0") for r in (a, b))
        if pa and pb and pa != pb:
            return False, [f"pages differ ({a.get('pages')} vs {b.get('pages')})"], ""
    reasons = []
    if via == "pinyin":
        pa, pb = _pinyin_authors(a), _pinyin_authors(b)
        common = set(pa) & set(pb)
        if not pa or not pb or pa[0] != pb[0] or len(common) < min(2, len(pa), len(pb)):
            return False, ["authors' pinyin differs"], ""
        if ya is None or ya != yb:
            return False, ["years differ"], ""
        for f in ("volume", "issue", "pages"):
            if a.get(f) and b.get(f) and str(a[f]).lstrip("0") != str(b[f]).lstrip("0"):
                return False, [f"{f} differs"], ""
        return True, ["Chinese and English versions: pinyin of the authors matches", "same year"], "needs review"
    if via == "translated":
        reasons.append("English title equals the translated title of the Chinese record")
    else:
        reasons.append("titles equal after folding width, case and punctuation")
    aa, ab = _author_keys(a), _author_keys(b)
    same_lang = (a.get("language") == b.get("language"))
    if aa and ab and same_lang:
        if not aa & ab:
            return False, ["same title by other authors"], ""
        reasons.append("authors overlap")
    if ya is not None and ya == yb:
        reasons.append("same year")
    certain = via != "translated" and "authors overlap" in reasons and "same year" in reasons
    return True, reasons, "certain" if certain else "needs review"


class _Union:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_clusters(records: Iterable[dict], decisions: Iterable[dict] | None = None) -> list[dict]:
    """Clusters (two or more records) of the same work, each with master, tier and reasons;
    ``decisions`` are a reviewer's (see :func:`group_links`)."""
    recs = {r["id"]: r for r in records}
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rid, r in recs.items():
        if r.get("doi"):
            blocks[("doi", r["doi"].lower())].append(rid)
        for lang, t in (r.get("title") or {}).items():
            k = title_key(t)
            if _usable(k):
                blocks[("title", k)].append(rid)
    # The same place in the same journal: year, volume and first page (titles then compared).
    for rid, r in recs.items():
        first_page = re.split(r"[-–~, ]", str(r.get("pages") or ""))[0].lstrip("0")
        if r.get("year") and r.get("volume") and first_page:
            blocks[("place", f"{r['year']}:{str(r['volume']).lstrip('0')}:{first_page}")].append(rid)
    # Near-equal titles (typos, a subtitle cut off): the same title start, or the same
    # first author and year; titles are then compared for similarity.
    for rid, r in recs.items():
        for t in (r.get("title") or {}).values():
            k = title_key(t)
            if _usable(k) and len(k) >= 20:
                blocks[("prefix", k[:20])].append(rid)
        first = (r.get("authors") or [{}])[0]
        fam = title_key(first.get("family") or first.get("literal") or "")
        if fam and r.get("year"):
            blocks[("author", f"{r['year']}:{fam}")].append(rid)
    # Chinese and English versions without a translated title: year and first author in pinyin.
    for rid, r in recs.items():
        authors = _pinyin_authors(r)
        if authors and r.get("year") and r.get("language") in ("zh", "en"):
            blocks[("pinyin", f"{r['year']}:{authors[0]}")].append(rid)
    links: dict[tuple[str, str], tuple[list[str], str]] = {}
    for (kind, _key), ids in blocks.items():
        if len(ids) < 2 or len(ids) > 50:  # a block this big is a generic title, not one work
            continue
        ids = sorted(set(ids))
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                if (x, y) in links:
                    continue
                a, b = recs[x], recs[y]
                if kind in ("place", "prefix", "author"):
                    if not _similar_titles(a, b):
                        continue
                    via = "title"
                elif kind == "pinyin":
                    if a.get("language") == b.get("language"):
                        continue  # same-language copies meet by title, not by author
                    via = "pinyin"
                else:
                    via = "doi" if kind == "doi" else (
                        "translated" if a.get("language") != b.get("language") else "title")
                ok, reasons, tier = compare(a, b, via)
                if ok:
                    links[(x, y)] = (reasons, tier)
    return group_links(recs, links, decisions)


def group_links(recs: dict[str, dict], links: dict[tuple[str, str], tuple[list[str], str]],
                decisions: Iterable[dict] | None = None) -> list[dict]:
    """Clusters from the linked pairs, with a reviewer's decisions applied first.

    A "merge" decision links its records (certain); a "distinct" decision is never
    overruled: links are taken in order (reviewer's, certain, needs review) and one that
    would put two records of a distinct decision into one cluster is dropped.
    """
    links = dict(links)
    forbidden: dict[str, set[str]] = defaultdict(set)
    reviewed: list[set[str]] = []
    for d in decisions or ():
        ids = sorted(set(d["ids"]) & recs.keys())
        if d["decision"] == "distinct":
            for x in ids:
                forbidden[x].update(i for i in ids if i != x)
        elif d["decision"] == "merge" and len(ids) > 1:
            reviewed.append(set(ids))
            for x, y in zip(ids, ids[1:]):
                links[(x, y)] = (["merged by a reviewer"], "certain")
    order = sorted(links, key=lambda p: (links[p][0] != ["merged by a reviewer"], links[p][1] != "certain", p))
    union = _Union()
    members_of: dict[str, set[str]] = {}
    kept: dict[tuple[str, str], tuple[list[str], str]] = {}
    for x, y in order:
        rx, ry = union.find(x), union.find(y)
        if rx != ry:
            mx, my = members_of.pop(rx, {x}), members_of.pop(ry, {y})
            if any(forbidden[m] & my for m in mx):
                members_of[rx], members_of[ry] = mx, my
                continue
            union.union(x, y)
            members_of[union.find(x)] = mx | my
        kept[(x, y)] = links[(x, y)]
    groups: dict[str, list[str]] = defaultdict(list)
    for x, y in sorted(kept):
        root = union.find(x)
        for rid in (x, y):
            if rid not in groups[root]:
                groups[root].append(rid)
    clusters = []
    for members in groups.values():
        members.sort(key=lambda rid: (recs[rid]["source"]["path"], recs[rid]["source"]["record"]))
        master = max(members, key=lambda rid: (completeness(recs[rid]), -members.index(rid)))
        pair_links = [{"pair": [x, y], "reasons": r, "confidence": t} for (x, y), (r, t) in sorted(kept.items())
                      if x in members]
        confirmed = any(set(members) <= s for s in reviewed)
        tier = "certain" if confirmed or all(p["confidence"] == "certain" for p in pair_links) else "needs review"
        clusters.append({
            "records": [{"id": rid, "source": {"path": recs[rid]["source"]["path"],
                                               "record": recs[rid]["source"]["record"]}} for rid in members],
            "master": master, "confidence": tier,
            "reasons": sorted({reason for p in pair_links for reason in p["reasons"]}),
            "links": pair_links,
        })
    clusters.sort(key=lambda c: (c["records"][0]["source"]["path"], c["records"][0]["source"]["record"]))
    return clusters
