"""What a librarian does with the clusters of :mod:`indexer.dedup`: review, apply, undo.

* **Groups**: in a cluster that needs review, the records joined by certain links are a
  group (``groups``, each a certain cluster of its own): two copies of one paper stay one
  work whatever a review link to another paper says.  The reviewer's question is whether
  the groups (and records alone) are one work.
* **Decisions** (``dedup --review``) are stored beside the index in
  ``dedup_decisions.json`` and applied on every later run: ``merge`` links the records of
  a cluster for good; ``distinct`` ("not duplicates") is never overruled by the algorithm,
  and parts the groups of a cluster, not the records of one group.
* **Apply** (``dedup --apply``) shows the master of each certain cluster and group in
  search and export, completed from the other records (a field, or a language of a
  per-language field, the master lacks is taken from the most complete record that has
  it; its keywords are joined by those of the copies, each database's terms; an author's
  given name written as initials only, by the one a copy writes out (:func:`_fuller_given_names`);
  an author list cut off, by the longer list of a copy that starts with the same names;
  a year the other records disagree with, by the year most of them give;
  ``merged.provenance`` says which record each filled field came from; a copy's journal
  that is the master's abbreviated, as a PubMed page names it, is no other language of it), and
  hides the other records.  With ``--all``, clusters that need review are merged whole: the
  Chinese and English versions of one paper become one record with both languages, each
  author with their name in the other language as ``alt`` (:func:`other_forms`).
  Nothing is deleted: the store keeps every record as ingested, and ``dedup --undo``
  restores the store and the index to what they were before.
* **Counts** are PRISMA's: records identified, duplicates removed (by ``apply``: the certain
  ones, not those waiting for review, counted apart), records remaining.

The master is the record :func:`indexer.dedup.completeness` rates highest (most non-empty
fields, languages counted; ties: the first by file and position).
"""
from __future__ import annotations

import copy
import csv
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .charsets import is_han
from .dedup import (_pinyin_names, latin_letters, completeness, find_clusters, follow_decisions, group_links, notice_of,
                    same_record, simplified, stored_fingerprint, title_key)
from .dedup_rules import copy_of, folded_words, is_bracketed
from .fields.authors import whole_name
from .pinyin import is_pinyin_surname, syllables, two_syllables, u_for_v
from .record import publication_types
from .store import APPLY_PENDING, Store

DECISIONS_NAME = "dedup_decisions.json"
DECISIONS = ("merge", "distinct")

_SCALARS = ("type", "year", "volume", "issue", "pages", "doi", "issn", "url")
_BY_LANG = ("title", "abstract", "journal", "keywords", "sections")
# The facts of a work a reader keeps under ``extra`` that a master lacking them takes from a copy
# (:func:`_fill_extra`), each group whole from one copy: a book's edition, series and ISBN, the
# number of a report, standard or patent (where readers keep it), a patent's assignee, an article's
# number, a thesis's degree, a paper's conference; its people, each list whole (never two copies'
# translators mixed), a translator's role (译, 编译) with them.
_EXTRA_FACTS = (("edition",), ("series",), ("isbn",), ("number", "standard_number", "patent_number"), ("assignee",),
                ("article_number",), ("degree",), ("conference",), ("conference_location",), ("conference_date",),
                ("event",), ("translator", "translator_role"), ("editor",), ("reviewer",), ("supervisors",),
                ("translated_author",))


# -- decisions ---------------------------------------------------------------------------

def decisions_path(index_dir: str | Path) -> Path:
    return Path(index_dir) / DECISIONS_NAME


def _read(index_dir: str | Path) -> dict:
    path = decisions_path(index_dir)
    if not path.exists():
        return {"decisions": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for d in data["decisions"]:
            if d["decision"] not in DECISIONS or not isinstance(d["ids"], list):
                raise ValueError(f"unknown decision {d!r}")
    except (ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{path}: not a decisions file ({e})") from None
    return data


def _write(index_dir: str | Path, data: dict) -> None:
    path = decisions_path(index_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({**data, "version": 1}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def load_decisions(index_dir: str | Path) -> list[dict]:
    return _read(index_dir)["decisions"]


def merges_all(index_dir: str | Path) -> bool:
    """Whether the last ``dedup --apply`` was ``--apply --all`` (an ingest merging again
    merges as it did)."""
    return bool(_read(index_dir).get("apply_all"))


def record_decision(index_dir: str | Path, decision: str, ids: list[str],
                    records: dict[str, dict] | None = None) -> None:
    """Store a decision on a set of records (replacing an earlier one on the same set);
    written at once, so quitting a review keeps what was decided."""
    record_decisions(index_dir, decision, [ids], records)


def record_decisions(index_dir: str | Path, decision: str, id_sets: list[list[str]],
                     records: dict[str, dict] | None = None) -> None:
    """Store one decision on each set of records, in one write (see :func:`record_decision`);
    with ``records`` (by id), each record's title fingerprint too: a record's id is its place
    in its file, and the decision must not pass to another record that comes to sit there."""
    record_entries(index_dir, [(decision, ids) for ids in id_sets], records)


def record_entries(index_dir: str | Path, entries: list[tuple[str, list[str]]],
                   records: dict[str, dict] | None = None) -> None:
    """Store each (decision, ids) in one write (see :func:`record_decisions`): a reviewer's
    split of a cluster is "merge" within each part and "distinct" between them, kept whole
    or not at all."""
    if any(decision not in DECISIONS for decision, _ in entries):
        raise ValueError(entries)
    data = _read(index_dir)
    for decision, ids in entries:
        ids = sorted(set(ids))
        entry = {"decision": decision, "ids": ids}
        if records:
            entry["titles"] = {rid: stored_fingerprint(records[rid]) for rid in ids if rid in records}
        data["decisions"] = [d for d in data["decisions"] if sorted(d["ids"]) != ids] + [entry]
    _write(index_dir, data)


def _followed_now(index_dir: str | Path, data: dict, records: Iterable[dict] | None = None) -> bool:
    """``data``'s decisions naming their records by their ids now (:func:`follow_decisions`: a
    record its file gained above moved them); whether any moved."""
    if not data["decisions"]:
        return False
    if records is None:
        with Store(index_dir, create=False) as store:
            records = list(store.all_records())
    now = follow_decisions({r["id"]: r for r in records}, data["decisions"])
    data["decisions"] = [d for d, _ in now]
    return any(moved for _, moved in now)


def current_decisions(index_dir: str | Path) -> list[dict]:
    """The stored decisions, each naming its records by their ids now: a decision follows its
    records when their file gains or loses records above them (found by their titles), and
    ``--decisions`` lists, and ``--forget`` takes, the ids the records have now, not the ids
    of the papers now at their old places."""
    data = _read(index_dir)
    _followed_now(index_dir, data)
    return data["decisions"]


def store_followed(index_dir: str | Path, records: Iterable[dict]) -> None:
    """Write the decisions whose records moved with the ids they have now (``--apply``, which
    writes the index, keeps them so)."""
    data = _read(index_dir)
    if _followed_now(index_dir, data, records):
        _write(index_dir, data)


def forget(index_dir: str | Path, ids: Iterable[str]) -> list[dict]:
    """Remove the stored decisions that name any of ``ids`` by the records' ids now (a reviewer
    taking an answer back: the records' clusters are judged by their links again, and
    ``--review`` asks again); returns those removed (the others are written with their records'
    ids now).  ``--undo`` keeps decisions, so this is the only way back."""
    ids = set(ids)
    data = _read(index_dir)
    moved = _followed_now(index_dir, data)
    gone = [d for d in data["decisions"] if ids & set(d["ids"])]
    if gone or moved:
        data["decisions"] = [d for d in data["decisions"] if not ids & set(d["ids"])]
        _write(index_dir, data)
    return gone


def distinct_sets(cluster: dict) -> list[list[str]]:
    """The sets a "not duplicates" answer on a cluster stores: each record is distinct from
    the records of the other groups, never from those of its own (two copies of a paper stay
    one work when a third paper carries their DOI by mistake); one set of every record when
    each stands alone; none when one group holds them all (such a cluster is certain, and
    is not put up for review).

    >>> cluster = {"records": [{"id": i} for i in "abc"], "groups": [{"records": [{"id": "a"}, {"id": "b"}]}]}
    >>> distinct_sets(cluster), distinct_sets({**cluster, "groups": []})
    ([['a', 'c'], ['b', 'c']], [['a', 'b', 'c']])
    >>> distinct_sets({**cluster, "groups": [{"records": cluster["records"]}]})
    []
    """
    parts = [[m["id"] for m in g["records"]] for g in cluster.get("groups") or []]
    grouped = {rid for part in parts for rid in part}
    parts += [[m["id"]] for m in cluster["records"] if m["id"] not in grouped]
    if all(len(part) == 1 for part in parts):
        return [[rid for part in parts for rid in part]]
    return [[x, y] for i, part in enumerate(parts) for other in parts[i + 1:] for x in part for y in other]


def clusters_for(index_dir: str | Path, stats: dict | None = None) -> tuple[list[dict], list[dict]]:
    """(every record as ingested, the clusters with the stored decisions applied); a
    cluster that needs review has its ``groups``.  A cluster keeps the master the last
    ``--apply`` showed while that record is in it (:data:`SHOWN_MASTERS`).  ``stats``: see
    :func:`find_clusters`."""
    with Store(index_dir, create=False) as store:
        records = list(store.all_records())
        shown = shown_masters(store, records)
    clusters = find_clusters(records, load_decisions(index_dir), stats, shown)
    by_id = {r["id"]: r for r in records}
    for c in to_review(clusters):
        c["groups"] = certain_groups(c, by_id, shown)
    return records, clusters


# The masters the last ``dedup --apply`` showed (a JSON object in the store's meta: each id and
# its record's title fingerprint, as a decision stores it), kept through an undo and an ingest
# that merges again: an update bringing a fuller copy of a paper merged before leaves the paper's
# id, and so its citation key and screening id, as they were.
SHOWN_MASTERS = "dedup_masters"


def shown_masters(store: Store, records: Iterable[dict]) -> set[str]:
    """The masters the last ``--apply`` showed that are still the papers shown: an id is a place
    in a file, and the record a file gained above moves a master down, out of its id; the paper
    now there is not that master.  A list of ids alone (stored before fingerprints) is kept as it is."""
    value = json.loads(store.get_meta(SHOWN_MASTERS) or "[]")
    if isinstance(value, list):
        return set(value)
    return {r["id"] for r in records if same_record(r, value.get(r["id"]))}


def to_review(clusters: list[dict]) -> list[dict]:
    """The clusters that need review (a reviewer's "merge" is certain)."""
    return [c for c in clusters if c["confidence"] != "certain"]


def certain_groups(cluster: dict, by_id: dict[str, dict], shown: Iterable[str] = ()) -> list[dict]:
    """The records of a cluster joined by its certain links, as certain clusters of two or
    more records (the master chosen as for any cluster).  A link that needs review between
    two groups is the reviewer's question; it does not hold back the certain merges: the two
    exports of one paper stay one work when a review link joins them to another paper."""
    certain = {tuple(link["pair"]): (link["reasons"], link["confidence"])
               for link in cluster["links"] if link["confidence"] == "certain"}
    return group_links({m["id"]: by_id[m["id"]] for m in cluster["records"]}, certain, shown=shown)


# -- apply / undo ------------------------------------------------------------------------

def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _cut_off(short: str, full: str) -> bool:
    """``short`` is ``full`` cut off: its text, dots aside, starts the longer ``full`` (a
    database's preview, "…在电力大数...", or an abstract missing its last sentences; both are
    the start of the whole one)."""
    head = " ".join(short.split()).rstrip(".…．。 ")
    return len(full) > len(short) and len(head) >= 20 and " ".join(full.split()).startswith(head)


def _authors_lang(rec: dict) -> str | None:
    """The one language a record's authors are written in, ``zh`` or ``en``; None when mixed
    or not told (an English record of CNKI's lists its authors in Chinese)."""
    langs = {a.get("lang") for a in rec.get("authors") or []}
    return langs.pop() if len(langs) == 1 and langs <= {"zh", "en"} else None


def _pinyin(author: dict) -> str:
    """One author's name in pinyin letters, as dedup meets Chinese and English authors
    (张可佳 and ``Zhang, Kejia``: zhangkejia); "" when none."""
    return next(_pinyin_names({"authors": [author]}), "")


def _pairs(authors: list[dict], others: list[dict]) -> dict[int, int]:
    """Which of ``others`` (one work's authors in the other language) each of ``authors``
    is, by place: the one of the same name in pinyin (张可佳, ``Zhang, Kejia``), the rest by
    position when both lists are as long (organisations, names written otherwise:
    ``Zhang K``); else the rest unpaired.

    >>> zh = [{"literal": "张可佳"}, {"literal": "李明华"}, {"literal": "王建国"}]
    >>> _pairs(zh, [{"family": "Wang", "given": "Jianguo"}, {"family": "Zhang", "given": "Kejia"}])
    {0: 1, 2: 0}
    >>> _pairs(zh[:2], [{"family": "Li", "given": "Minghua"}, {"family": "Zhang", "given": "K"}])
    {1: 0, 0: 1}
    """
    keys = [_pinyin(o) for o in others]
    pairs: dict[int, int] = {}
    for i, a in enumerate(authors):
        key = _pinyin(a)
        j = next((j for j, k in enumerate(keys) if key and k == key and j not in pairs.values()), None)
        if j is not None:
            pairs[i] = j
    if len(authors) == len(others):
        rest = iter(j for j in range(len(others)) if j not in pairs.values())
        pairs.update({i: next(rest) for i in range(len(authors)) if i not in pairs})
    return pairs


def other_forms(authors: list[dict], donor: dict) -> bool:
    """Give each of ``authors`` (the master's, written in Chinese or English) their name in
    the other language as ``alt`` (``{"family", "given", "lang"}`` or ``{"literal", "lang"}``)
    from ``donor``'s authors, the same work's in that language (:func:`_pairs`); whether any
    was given.  The Chinese and English versions of a paper name their authors (and
    organisations: 中华医学会皮肤性病学分会儿童学组, ``Group on Children, Chinese Society of
    Dermatology``) each in their own language: an export in the other language writes them
    from ``alt`` (:func:`indexer.export.common.name_in`), and ``author:`` finds either.  An
    ``alt`` the master has (Wanfang's ``WANG Jianguo``) is kept unless the donor's is fuller:
    PubMed's ``Wang, J G`` is the same name cut to initials.

    >>> master = [{"literal": "王建国", "lang": "zh", "alt": {"family": "WANG", "given": "Jianguo", "lang": "en"}},
    ...           {"literal": "张可佳", "lang": "zh", "alt": {"family": "Zhang", "given": "K", "lang": "en"}}]
    >>> other_forms(master, {"authors": [{"family": "Wang", "given": "J G", "lang": "en"},
    ...                                  {"family": "Zhang", "given": "Kejia", "lang": "en"}]})
    True
    >>> [a["alt"]["given"] for a in master]
    ['Jianguo', 'Kejia']
    """
    others = donor.get("authors") or []
    given = False
    for i, j in _pairs(authors, others).items():
        form = {k: others[j][k] for k in ("family", "given", "literal") if others[j].get(k)}
        if authors[i].get("alt") and _letters(authors[i]["alt"]) >= _letters(form):
            continue
        authors[i]["alt"] = {**form, "lang": others[j]["lang"]}
        given = True
    return given


def _letters(form: dict) -> int:
    """How many letters a name's form spells out (``Jianguo`` more than ``J G``)."""
    return sum(len(re.sub(r"[\W_]", "", str(form.get(k) or ""))) for k in ("family", "given", "literal"))


def _plain_words(text: str) -> list[str]:
    """The words of ``text`` folded, accents dropped (obstetrícia: obstetricia)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return folded_words("".join(c for c in decomposed if not unicodedata.combining(c)))


def _abbreviates(abbreviation: str, name: str) -> bool:
    """``abbreviation`` is ``name`` abbreviated word by word, as NLM and ISO do: two words or
    more, each the start of a word of the name with the rest of its letters in order (Natl:
    national), in order; every word of the name (before its subtitle, outside parentheses)
    longer than three letters has its word, at least one is cut short.

    >>> _abbreviates("Rev Bras Ginecol Obstet", "Revista brasileira de ginecologia e obstetricia : revista da …")
    True
    >>> _abbreviates("Proc. Natl. Acad. Sci. U.S.A.", "Proceedings of the National Academy of Sciences of the United States of America")
    True
    >>> _abbreviates("Brazilian Journal of Gynecology and Obstetrics", "Revista brasileira de ginecologia e obstetricia")
    False
    >>> _abbreviates("Acta Paediatr", "Acta paediatrica (Oslo, Norway : 1992)"), _abbreviates("Cell Rep", "Cell reports")
    (True, True)
    >>> _abbreviates("Rev Bras", "Revista brasileira de ginecologia e obstetricia"), _abbreviates("Cell Reports", "Cell reports")
    (False, False)
    """
    from .export.common import _without_subtitles

    short = _plain_words(abbreviation)
    words = iter(_plain_words(re.sub(r"\([^()]*\)", " ", _without_subtitles(name))))
    cut = False
    for a in short:
        w = next(words, "")
        while w and len(w) <= 3 and not _shortened(a, w):  # of, the, de, e: words NLM leaves out
            w = next(words, "")
        if not _shortened(a, w):
            return False
        cut = cut or len(a) < len(w)
    return len(short) >= 2 and cut and all(len(w) <= 3 for w in words)


def _shortened(a: str, word: str) -> bool:
    """``a`` is ``word`` cut short: its first letter, then its other letters in order."""
    rest = iter(word[1:])
    return bool(a and word) and a[0] == word[0] and all(c in rest for c in a[1:])


def _journal_abbreviation(text: str, master: dict) -> bool:
    """``text`` (a copy's journal) is the master's journal abbreviated, not its name in another
    language: the abbreviation the master records (``extra.journal_abbreviation``; punctuation,
    case and width folded), or, with none recorded, its journal abbreviated (:func:`_abbreviates`).
    A PubMed page names its journal only so (``Rev Bras Ginecol Obstet``)."""
    recorded = (master.get("extra") or {}).get("journal_abbreviation")
    if recorded:
        recorded = recorded if isinstance(recorded, list) else [recorded]
        return title_key(text) in {title_key(str(a)) for a in recorded}
    return any(_abbreviates(text, name) for name in (master.get("journal") or {}).values() if name)


def merged_record(master: dict, others: list[dict]) -> dict:
    """The master completed from ``others`` (most complete first), with provenance; an
    abstract of the master cut off is replaced by a copy's whole one, a title MEDLINE
    translated, in square brackets, by a copy's own title in that language, and a copy's PubMed
    id is kept (as ``extra.pmid``); the master's authors get their names in the other
    language from a copy in it (:func:`other_forms`); ``merged.sources`` names every
    record's file, place and own id in its source."""
    from .fields.identifiers import pmid

    out = copy.deepcopy(master)
    provenance: dict[str, str] = {}
    copied = _copied(master, others)   # what a librarian emptied in a copy stays empty
    donors = sorted((r for r in others if r["id"] not in copied), key=lambda r: -completeness(r))
    notes: list[str] = []
    dated = _most_given_year(out, donors, provenance, notes)
    for field in _SCALARS + ("authors",):
        if _empty(out.get(field)):
            # the volume and pages from the copy whose year was taken, if it has them
            first = [dated] if dated is not None and field in ("volume", "issue", "pages") else []
            donor = next((r for r in first + donors if not _empty(r.get(field))), None)
            if donor is not None:
                out[field] = copy.deepcopy(donor[field])
                provenance[field] = donor["id"]
    _fill_extra(out, donors, provenance)
    _article_url(out, donors, provenance, notes)
    _all_publication_types(out, donors, provenance)
    _complete_authors(out, donors, provenance)
    _fuller_given_names(out["authors"] if not _empty(out.get("authors")) else [], donors, provenance)
    # a Chinese master's authors in English from an English copy, or the other way round
    own = _authors_lang(master)
    donor = next((d for d in donors if own and _authors_lang(d) not in (None, own)), None)
    if donor is not None and other_forms(out["authors"], donor):
        provenance["authors.alt"] = donor["id"]
    _fill_journal(out, master, donors, provenance)
    for field in _BY_LANG:
        have = out.setdefault(field, {})
        for donor in donors if field != "journal" else ():
            for lang, value in sorted((donor.get(field) or {}).items()):
                if field == "keywords" and lang in have:
                    if _add_keywords(have[lang], value):
                        provenance.setdefault(f"{field}.{lang}", donor["id"])
                elif lang not in have and not _empty(value):
                    have[lang] = copy.deepcopy(value)
                    provenance[f"{field}.{lang}"] = donor["id"]
    for lang, text in sorted(out["title"].items()):
        # MEDLINE's translation of a title, in square brackets ("[Surgical treatment strategy
        # for spinal metastases]."): a copy's own title in that language reads as the paper's
        plain = next((d for d in donors if (d.get("title") or {}).get(lang) and not is_bracketed(d["title"][lang])),
                     None) if is_bracketed(text) else None
        if plain is not None:
            out["title"][lang] = plain["title"][lang]
            provenance[f"title.{lang}"] = plain["id"]
    for lang, text in sorted(out["abstract"].items()):
        whole = max((d for d in donors if _cut_off(text, (d.get("abstract") or {}).get(lang) or "")),
                    key=lambda d: len(d["abstract"][lang]), default=None)
        if whole is not None:
            out["abstract"][lang] = whole["abstract"][lang]
            provenance[f"abstract.{lang}"] = whole["id"]
    if not pmid(out):
        donor = next((d for d in donors if pmid(d)), None)
        if donor is not None:
            out.setdefault("extra", {})["pmid"] = [pmid(donor)]
            provenance["pmid"] = donor["id"]
    seen = {(f.get("funder"), f.get("award")) for f in out.get("funding") or []}
    for donor in donors:
        for f in donor.get("funding") or []:
            if (f.get("funder"), f.get("award")) not in seen:
                seen.add((f.get("funder"), f.get("award")))
                out.setdefault("funding", []).append(copy.deepcopy(f))
                provenance.setdefault("funding", donor["id"])
    sources = sorted([master] + others, key=lambda r: r["id"])
    out["merged"] = {"records": [r["id"] for r in sources], "provenance": provenance, **({"notes": notes} if notes else {}),
                     "sources": [{"id": r["id"], **{k: r["source"].get(k) for k in ("path", "record", "format", "source_id")}}
                                 for r in sources]}
    return out


def _fill_extra(out: dict, donors: list[dict], provenance: dict) -> None:
    """The facts of the work under ``extra`` the master lacks, from its copies, most complete
    first, as its other fields: a GB/T 7714 list's ``于晓,陈维纲,译. 2版. 北京: 生活·读书·新知三联书店``
    completes CNKI's record of the book, which names none of them.  The master's own values
    stay; each group of :data:`_EXTRA_FACTS` is one copy's whole, never two copies' mixed, and
    so is the imprint (:func:`_imprint_donor`); a date (``issued``, ``date``, ``month``) only
    from a copy of the master's year.  Not filled, as each copy's own and no fact of the work:
    the file's columns, tags and labels, ids in a database (``source_id``, accession numbers,
    ``database_provider``), notes, times cited, the copy's encoding, reference text and source
    type, a CSL item's own keys, the day a page was read (``accessed``), affiliations and
    nationality marks (which go with a copy's author list); a journal's abbreviation, ISSNs and
    publication types are merged apart.

    >>> out = {"id": "m", "year": 1987, "extra": {"publisher": ["三联书店"]}}
    >>> book = {"id": "b", "year": 1987, "extra": {"translator": ["于晓", "陈维纲"], "translator_role": ["译"],
    ...         "edition": "2版", "place": ["北京"], "publisher": ["生活·读书·新知三联书店"], "date": ["1986"]}}
    >>> _fill_extra(out, [{"id": "c", "extra": {"translator": ["于晓"]}}, book], {}); out["extra"]
    {'publisher': ['三联书店'], 'edition': '2版', 'translator': ['于晓']}
    >>> out = {"id": "m", "year": 1986}
    >>> _fill_extra(out, [book], {}); sorted(out["extra"]), out["extra"]["translator"]
    (['date', 'edition', 'place', 'publisher', 'translator', 'translator_role'], ['于晓', '陈维纲'])
    """
    from .fields.biblio import parse_year

    extra = out["extra"] if isinstance(out.get("extra"), dict) else {}
    csl = extra.get("csl") or {}

    def lacks(key: str) -> bool:   # (export reads a key in ``extra.csl`` too)
        return _empty(extra.get(key)) and _empty(csl.get(key))

    def theirs(donor: dict, key: str):
        return (donor.get("extra") or {}).get(key)

    def fill(key: str, donor: dict) -> None:
        out["extra"] = extra   # (the same dict: what is filled is no longer lacked)
        extra[key] = copy.deepcopy(theirs(donor, key))
        provenance[key] = donor["id"]

    for keys in _EXTRA_FACTS:
        given = [d for d in donors if any(not _empty(theirs(d, key)) for key in keys)] if all(map(lacks, keys)) else []
        for key in keys if given else ():
            if not _empty(theirs(given[0], key)):
                fill(key, given[0])
    donor = _imprint_donor(extra, donors, [key for key in ("place", "publisher") if lacks(key)],
                           conference=out.get("type") == "paper-conference")
    for key in ("place", "publisher"):
        if donor is not None and lacks(key) and not _empty(theirs(donor, key)):
            fill(key, donor)

    def year_of(value) -> int | None:
        if isinstance(value, dict):   # a CSL date
            parts = (value.get("date-parts") or [[]])[0]
            value = parts[0] if parts else value.get("raw") or value.get("literal")
        return parse_year(str(value or ""))

    year = str(out.get("year") or "")
    for key in ("issued", "date", "month"):
        for donor in donors if lacks(key) else []:
            value = theirs(donor, key)
            dated = [str(donor.get("year") or "")] if key == "month" else \
                [str(year_of(v) or "") for v in (value if isinstance(value, list) else [value])]
            if not _empty(value) and (not year or set(dated) == {year}):
                fill(key, donor)
                break


def _imprint_donor(extra: dict, donors: list[dict], need: list[str], conference: bool = False) -> dict | None:
    """The copy a master lacking its place or publisher (``need``) takes them from: one that has
    either, when it lacks both (both then from it: ``北京: 生活·读书·新知三联书店``); else one
    that has the one it lacks and gives the other as the master does, or not at all (CNKI's
    thesis of 南京大学 takes the place 南京 of a list's ``南京: 南京大学``; never another
    publisher's place).  A value under ``extra.csl`` counts as under ``extra``, as the export
    reads it.  A conference paper's place comes only with a publisher: a copy's place without
    one is where the meeting was held (CNKI's 会议地点), not a place of publication.

    >>> master = {"extra": {"publisher": ["IEEE"]}}
    >>> meeting = {"id": "c", "extra": {"place": ["中国上海"]}}
    >>> _imprint_donor(master["extra"], [meeting], ["place"]) is meeting
    True
    >>> _imprint_donor(master["extra"], [meeting], ["place"], conference=True) is None
    True
    >>> _imprint_donor({"csl": {"publisher": "IEEE"}}, [{"id": "d", "extra": {"place": ["New York"], "publisher": ["IEEE"]}}],
    ...                ["place"])["id"]
    'd'
    """
    def folded(value) -> set[str]:
        return {title_key(str(v)) for v in (value if isinstance(value, list) else [value]) if not _empty(v)}

    def given(theirs: dict, key: str):
        value = theirs.get(key)
        return value if not _empty(value) else (theirs.get("csl") or {}).get(key)

    def fits(theirs: dict) -> bool:
        if conference and "place" in need and _empty(given(theirs, "publisher")):
            return False   # (the meeting's place)
        if len(need) != 1:
            return any(not _empty(theirs.get(key)) for key in need)
        other = "publisher" if need == ["place"] else "place"
        return not _empty(theirs.get(need[0])) and (_empty(given(theirs, other))
                                                     or bool(folded(given(theirs, other)) & folded(given(extra, other))))
    return next((d for d in donors if fits(d.get("extra") or {})), None) if need else None


def _all_publication_types(out: dict, donors: list[dict], provenance: dict) -> None:
    """The master's publication types joined by its copies' (its own first, then each copy's
    it lacks, in any case): an Embase or Scopus master (``Article``) keeps PubMed's
    ``Randomized Controlled Trial``, which a screening filters on.  Not when a record of the
    cluster is a notice (an erratum, a retraction: never merged with its paper, and its type
    no paper's).

    >>> m = {"id": "m", "extra": {"publication_type": ["Article"]}}
    >>> pm = {"id": "p", "extra": {"publication_type": ["Journal Article", "Randomized Controlled Trial"]}}
    >>> _all_publication_types(m, [pm, {"id": "w", "extra": {"document_type": ["article"]}}], {}); m["extra"]
    {'publication_type': ['Article', 'Journal Article', 'Randomized Controlled Trial']}
    >>> m = {"id": "m", "extra": {"publication_type": ["Article"]}}
    >>> _all_publication_types(m, [{"id": "e", "extra": {"publication_type": ["Published Erratum"]}}], {}); m["extra"]
    {'publication_type': ['Article']}
    """
    if any(notice_of(r) for r in [out] + donors):
        return
    types = publication_types(out)
    seen = {t.casefold() for t in types}
    for donor in donors:
        for t in publication_types(donor):
            if t.casefold() not in seen:
                seen.add(t.casefold())
                types.append(t)
                provenance.setdefault("publication_type", donor["id"])
    if "publication_type" in provenance:
        out.setdefault("extra", {})["publication_type"] = types


# A journal's own page, not an article's: its site alone, or its page there (Elsevier's
# ``/locate/jcyt``, ``/journal/…``, ``journals.elsevier.com/cytotherapy``), as Embase gives a record's UR.
_HOMEPAGE = re.compile(r"https?://[^/?#\s]+/?(?:(?:locate|journals?|loi|toc)/[^/?#\s]+/?|[A-Za-z-]+/?)?", re.I)


def _article_url(out: dict, donors: list[dict], provenance: dict, notes: list[str]) -> None:
    """A master's URL that is its journal's home page (Embase's) by a copy's URL of the article
    (a DOI link, PubMed's page), the home page said in ``merged.notes``; a master's article URL stays.

    >>> out, notes = {"id": "m", "url": "http://www.elsevier.com/locate/jcyt"}, []
    >>> _article_url(out, [{"id": "p", "url": "https://doi.org/10.1016/j.jcyt.2020.01.002"}], {}, notes); out["url"]
    'https://doi.org/10.1016/j.jcyt.2020.01.002'
    >>> out = {"id": "m", "url": "https://doi.org/10.1016/j.jcyt.2020.01.002"}
    >>> _article_url(out, [{"id": "p", "url": "https://pubmed.ncbi.nlm.nih.gov/31234567/"}], {}, []); out["url"]
    'https://doi.org/10.1016/j.jcyt.2020.01.002'
    """
    own = (out.get("url") or "").strip()
    if not own or not _HOMEPAGE.fullmatch(own):
        return
    donor = next((d for d in donors if (d.get("url") or "").strip() and not _HOMEPAGE.fullmatch(d["url"].strip())), None)
    if donor is not None:
        out["url"] = donor["url"]
        provenance["url"] = donor["id"]
        notes.append(f"url of {donor['id']}, the article's, not the master's {own} (its journal's home page)")


def _most_given_year(out: dict, donors: list[dict], provenance: dict, notes: list[str]) -> dict | None:
    """The year most of a cluster's records give, when the master's is another (Embase's
    ``Y1  - 2020//``, the year online, against four copies' 2021, the issue's): taken from
    the most complete copy that gives it and names the issue's volume or pages (an online-first
    copy names neither: when no copy of that year does, the master's year stays), the master's
    own year kept in ``extra.other_years`` and its dates of that year left out; a tie keeps the
    master's.  Returns the copy taken from, or None.

    >>> m = {"id": "m", "year": 2020, "extra": {"date": ["2020//"]}}
    >>> ahead, printed = {"id": "a", "year": 2021}, {"id": "p", "year": 2021, "volume": "81", "extra": {"date": ["2021 Jan 16"]}}
    >>> _most_given_year(m, [ahead, printed], {}, [])["id"], m["year"], m["extra"]
    ('p', 2021, {'date': ['2021 Jan 16'], 'other_years': [2020]})
    >>> _most_given_year({"id": "m", "year": 2020}, [printed], {}, []) is None   # one against one
    True
    >>> _most_given_year({"id": "m", "year": 2021, "volume": "81"}, [{"id": "x", "year": 2020}] * 2, {}, []) is None
    True
    >>> _most_given_year({"id": "m", "year": 2019}, [printed, {**printed, "year": 2020}] * 2, {}, []) is None   # a tie
    True
    """
    from .fields.biblio import parse_year

    own = out.get("year")
    if not own:
        return None
    counts = Counter([own] + [d["year"] for d in donors if d.get("year")])
    (year, n), *rest = counts.most_common(2)
    if year == own or rest and rest[0][1] == n:
        return None   # the master's year given as often, or two others as often as each other
    # only from a copy that names the issue (an online-first copy's year is no issue's)
    donor = next((d for d in donors if d.get("year") == year and (d.get("volume") or d.get("pages"))), None)
    if donor is None:
        return None
    out["year"] = year
    extra = out.setdefault("extra", {})
    extra["other_years"] = [own] + [y for y in extra.get("other_years") or [] if y != own]
    dates = [t for t in extra.get("date") or [] if parse_year(str(t)) == year]
    dates += [t for t in (donor.get("extra") or {}).get("date") or [] if t not in dates]
    if dates:
        extra["date"] = dates
    else:
        extra.pop("date", None)
    provenance["year"] = donor["id"]
    notes.append(f"year {year} as {counts[year]} of {sum(counts.values())} records give it, not the master's {own} "
                 f"(kept in extra.other_years)")
    return donor


def _name_key(author: dict) -> str:
    """One author as author lists are matched: a name kept whole folded (Traditional as
    Simplified), else the family name and the given name's initial, accents and case aside
    (``Gandía, Almudena`` and ``Gandia, A.``: gandia:a); names in two scripts never meet."""
    def plain(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text or "")
        return title_key("".join(c for c in decomposed if not unicodedata.combining(c)))
    if whole_name(author):   # (山田 + 太郎 as 山田太郎)
        return plain(whole_name(author))
    return f"{plain(author.get('family', ''))}:{plain(author.get('given', ''))[:1]}"


def _longer_authors(authors: list[dict], donors: list[dict]) -> dict | None:
    """The donor whose author list goes on where ``authors`` stop: its first names are these
    (:func:`_name_key`) and it names more (``authors`` marked cut off, ``AU  - et al.``, or an
    export that keeps the first three, four or five); the longest such list,
    the most complete donor of equals.  A list in another script (an English version of a
    Chinese paper) is none: its names are the master's ``alt`` (:func:`other_forms`).

    >>> short = [{"family": "Lozares", "given": "S."}]
    >>> whole = {"authors": [{"family": "Lozares", "given": "Sergio"}, {"family": "Font", "given": "Jose A"}]}
    >>> _longer_authors(short, [whole]) is whole
    True
    >>> _longer_authors(short, [{"authors": [{"family": "Font", "given": "J."}] * 2}]) is None
    True
    """
    keys = [_name_key(a) for a in authors]
    if not keys or not all(keys):
        return None
    longer = [d for d in donors if len(d.get("authors") or []) > len(keys)
              and [_name_key(a) for a in d["authors"][:len(keys)]] == keys]
    return max(longer, key=lambda d: len(d["authors"]), default=None)   # (max: the first of equals)


def _complete_authors(out: dict, donors: list[dict], provenance: dict) -> None:
    """A master's author list cut off (``Lozares S, et al.`` from CENTRAL's ``AU  - et al.``,
    Embase's first four of fourteen) is replaced by a duplicate's longer list that starts with
    the same names (:func:`_longer_authors`); the master's names in the other language
    (``alt``) stay with their authors, and ``extra.authors_truncated`` goes with the list."""
    extra = out.get("extra") or {}
    donor = _longer_authors(out.get("authors") or [], donors)
    if donor is None:
        return
    authors = copy.deepcopy(donor["authors"])
    for mine, theirs in zip(out["authors"], authors):
        if mine.get("alt") and not theirs.get("alt"):
            theirs["alt"] = mine["alt"]
    out["authors"] = authors
    if (donor.get("extra") or {}).get("authors_truncated"):
        out.setdefault("extra", {})["authors_truncated"] = True
    else:
        extra.pop("authors_truncated", None)
    provenance["authors"] = donor["id"]


def _add_keywords(mine: list[str], theirs: list[str]) -> bool:
    """Add to ``mine`` (a master's keywords in one language) those of ``theirs`` it lacks,
    case, width, spacing and Traditional or Simplified characters aside (a CNKI copy's 問題 is
    the master's 问题), in their order after its own; whether any was added.  Each
    database indexes a paper with its own terms (Embase's ``colorectal neoplasm``, PubMed's
    ``colorectal cancer``): a master that kept only its own was no longer found by the
    copy's (``keyword:"colorectal cancer"``).

    >>> mine = ["metformin", "Colorectal neoplasm"]
    >>> _add_keywords(mine, ["Metformin", "colorectal  cancer", "colorectal neoplasm"]), mine
    (True, ['metformin', 'Colorectal neoplasm', 'colorectal  cancer'])
    >>> _add_keywords(mine, ["METFORMIN", "ｍｅｔｆｏｒｍｉｎ"])
    False
    >>> mine = ["现代园林景观设计", "问题"]
    >>> _add_keywords(mine, ["現代園林景觀設計", "問題", "對策"]), mine
    (True, ['现代园林景观设计', '问题', '對策'])
    """
    def folded(keyword) -> str:
        return " ".join(unicodedata.normalize("NFKC", simplified(str(keyword))).casefold().split())
    seen = {folded(k) for k in mine}
    added = False
    for k in theirs or []:
        key = folded(k)
        if key and key not in seen:
            seen.add(key)
            mine.append(copy.deepcopy(k))
            added = True
    return added


def _initials_of(family: str, given: str) -> str:
    """A given name's initials when it is written as initials only (``J.``, ``J. A.``,
    ``J-G``, PubMed's ``JA``), upper case; "" for a name written out (``John``, ``Li``,
    ``ZHANG YU``'s ``YU``).

    >>> [_initials_of("Smith", g) for g in ("J.", "J. A.", "JA", "J-G", "John", "John A.", "")]
    ['J', 'JA', 'JA', 'JG', '', '', '']
    """
    from .export.common import run_together_initials

    parts = [p for p in re.split(r"[\s.\-‐]+", given) if p]
    if parts and all(len(p) == 1 and p.isalpha() for p in parts):
        return "".join(parts).upper()
    if len(parts) == 1 and run_together_initials(family, parts[0]):
        return parts[0]
    return ""


# A given name's words: letters with an apostrophe or hyphen inside (O'Neil, Jean-Claude), or
# initials (A., J.-C.); no suffix (Jr, IV), which is no part of it.
_GIVEN_PART = r"(?:[^\W\d_]+(?:['’][^\W\d_]+)+|[^\W\d_]{2,}|[^\W\d_]\.?)"
_GIVEN_WORD = re.compile(rf"{_GIVEN_PART}(?:[-‐]{_GIVEN_PART})*")
_NAME_SUFFIX = re.compile(r"(?:jr|sr|ii|iii|iv)\.?", re.I)


def _name_words(given: str) -> bool:
    """``given`` reads as a given name: one to four name words (:data:`_GIVEN_WORD`), no suffix.
    A copy's author line broken apart (``AU  - Servais, A, Provot F, Rostaing L``, read as the
    given name ``A, Provot F, Ros``) or a suffix in the given name (``M T, IV``) is no name
    to take for the master's.

    >>> [_name_words(g) for g in ("Jean-Claude", "Mary O'Neil", "J.-C.", "Jianguo", "Amy B.")]
    [True, True, True, True, True]
    >>> [_name_words(g) for g in ("A, Provot F, Ros", "M T, IV", "John Jr", "J2", "Ana Maria Luisa Sofia Ines", "")]
    [False, False, False, False, False, False]
    """
    words = given.split()
    return (0 < len(words) <= 4 and all(_GIVEN_WORD.fullmatch(w) for w in words)
            and not any(_NAME_SUFFIX.fullmatch(w) for w in words))


def _written_out(family: str, given: str, initials: str) -> bool:
    """``given`` writes out a name whose initials are ``initials``: each word's first letter
    in order (``John Adam`` for ``J``, ``JA``; ``Jian-Guo`` for ``JG``), or, under a name that
    may be a Chinese surname, one word read as two pinyin syllables (``Wang, Jianguo`` for
    ``Wang JG``); not initials itself, nor a name of fewer initials (``John`` for ``JA``).

    >>> [_written_out("Smith", g, i) for g, i in [("John", "J"), ("John Adam", "JA"), ("John", "JA"), ("Jane", "A")]]
    [True, True, False, False]
    >>> _written_out("Wang", "Jianguo", "JG"), _written_out("Wang", "Jian-Guo", "JG"), _written_out("Wang", "J.", "J")
    (True, True, False)
    >>> _written_out("Servais", "A, Provot F, Ros", "A"), _written_out("Ruffin", "M T, IV", "MT")
    (False, False)
    """
    if not initials or _initials_of(family, given) or not _name_words(given):
        return False
    words = [w for w in re.split(r"[\s.\-‐]+", given) if w]
    if "".join(w[0] for w in words).upper().startswith(initials):
        return True
    plain = _plain_words(family)
    return (len(words) == 1 and len(plain) == 1 and is_pinyin_surname(plain[0])
            and any((a[0] + b[0]).upper() == initials for a, b in two_syllables(words[0].lower())))


def _fuller_given_names(authors: list[dict], donors: list[dict], provenance: dict) -> None:
    """A master's author whose given name is initials only (Embase's ``Chen L.``) takes the
    given name a duplicate writes out for that author (PubMed's ``Chen, Li``): the author of
    the same family name and first initial (:func:`_name_key`), one such in each list, whose
    given name's initials are the master's (:func:`_written_out`).  Of two copies writing it
    out, the longer is taken (a copy's ``Ni`` may be ``Nicole`` cut off, never the other way
    round).  The family name stays the master's; ``authors.given`` in the provenance names the
    first duplicate taken from."""
    keys = Counter(_name_key(a) for a in authors)
    for a in authors:
        initials = _initials_of(a.get("family") or "", a.get("given") or "")
        key = _name_key(a)
        if a.get("literal") or not initials or keys[key] > 1:
            continue
        found = []
        for donor in donors:
            theirs = [d for d in donor.get("authors") or [] if not d.get("literal") and _name_key(d) == key]
            if len(theirs) == 1 and _written_out(a.get("family") or "", theirs[0].get("given") or "", initials):
                found.append((theirs[0]["given"], donor["id"]))
        if found:
            a["given"], donor_id = max(found, key=lambda f: _letters({"given": f[0]}))   # (the first of equals)
            provenance.setdefault("authors.given", donor_id)


def _copied(master: dict, others: list[dict]) -> set[str]:
    """The ids of the records a master read back from this tool's JSON lines copies (the one
    it names, and the one that names, …): a librarian's corrected copy gives nothing back that
    they removed, so these give it nothing (other duplicates still complete it)."""
    by_id = {r["id"]: r for r in others}
    copied: set[str] = set()
    rid = copy_of(master)
    while rid in by_id and rid not in copied:
        copied.add(rid)
        rid = copy_of(by_id[rid])
    return copied


# A name's part in brackets (临床检验杂志(电子版): its edition), which a transliteration may leave out.
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def _romanisations(records: Iterable[dict]) -> set[str]:
    """The letters of the cluster's Chinese journal names in pinyin, with and without a part in
    brackets: 临床检验杂志(电子版) → linchuangjianyanzazhidianziban, linchuangjianyanzazhi."""
    keys = set()
    for name in {str((r.get("journal") or {}).get("zh") or "") for r in records} - {""}:
        for text in (name, _BRACKETED.sub("", name)):
            keys.add(u_for_v("".join(syllables("".join(filter(is_han, simplified(text)))))))
    return keys - {""}


def _fill_journal(out: dict, master: dict, donors: list[dict], provenance: dict) -> None:
    """The master's journal in the languages it lacks, from its copies (most complete first), but a
    real name before a Chinese name written in pinyin (MEDLINE's ``Lin chuang jian yan za zhi``,
    its transliteration of 临床检验杂志(电子版), beside Wanfang's ``Clinical Laboratory Journal
    (Electronic Edition)``), which also gives way in the master; the transliteration not shown is
    kept among the journal's abbreviations (as MEDLINE's TA writes it), which ``journal:`` finds.
    A copy's journal that is the master's abbreviated is kept so too (:func:`_keep_abbreviation`).

    >>> out = {"journal": {"zh": "临床检验杂志(电子版)"}}
    >>> pubmed = {"id": "p", "journal": {"en": "Lin chuang jian yan za zhi"}}
    >>> wanfang = {"id": "w", "journal": {"en": "Clinical Laboratory Journal (Electronic Edition)"}}
    >>> _fill_journal(out, dict(out), [pubmed, wanfang], {}); out["journal"]["en"], out["extra"]
    ('Clinical Laboratory Journal (Electronic Edition)', {'journal_abbreviation': ['Lin chuang jian yan za zhi']})
    """
    have = out.setdefault("journal", {})
    pinyin = _romanisations([master, *donors])

    def romanised(value) -> bool:
        return bool(pinyin) and latin_letters(str(value)) in pinyin

    transliterations = []
    for donor in sorted(donors, key=lambda d: any(map(romanised, (d.get("journal") or {}).values()))):
        for lang, value in sorted((donor.get("journal") or {}).items()):
            if lang not in have and _journal_abbreviation(str(value), master):
                _keep_abbreviation(out, value, donor["id"], provenance)
            elif _empty(value):
                continue
            elif lang not in have or romanised(have[lang]) and not romanised(value):
                if lang in have:
                    transliterations.append((have[lang], provenance.get(f"journal.{lang}", master["id"])))
                have[lang] = copy.deepcopy(value)
                provenance[f"journal.{lang}"] = donor["id"]
            elif romanised(value):
                transliterations.append((value, donor["id"]))
    for value, donor_id in transliterations:
        extra = out.setdefault("extra", {})
        listed = extra.get("journal_abbreviation")
        listed = listed if isinstance(listed, list) else [listed] if listed else []
        if str(value).casefold() not in {str(v).casefold() for v in [*listed, *have.values()]}:
            extra["journal_abbreviation"] = [*listed, value]
            provenance.setdefault("journal_abbreviation", donor_id)


def _keep_abbreviation(out: dict, abbreviation: str, donor_id: str, provenance: dict) -> None:
    """A copy's journal that is the master's abbreviated is no other language of it: kept as
    the master's ``extra.journal_abbreviation`` when the master records none."""
    extra = out.setdefault("extra", {})
    if not extra.get("journal_abbreviation"):
        extra["journal_abbreviation"] = [abbreviation]
        provenance["journal_abbreviation"] = donor_id


def prisma(records: list[dict], clusters: list[dict], everything: bool = False) -> dict:
    """PRISMA's counts: the duplicates ``apply`` removes (the certain ones, or with
    ``everything`` all; the same whether it has run yet or not), apart from those in clusters
    that wait for review, which a count of duplicates removed must not hold; ``remaining``
    is what is left once they are removed."""
    found = sum(len(c["records"]) - 1 for c in clusters)
    removed = sum(len(c["records"]) - 1 for c in applied(clusters, everything))
    return {"identified": len(records), "duplicates_found": found, "duplicates_removed": removed,
            "duplicates_to_review": found - removed, "remaining": len(records) - removed}


def prisma_by_file(records: list[dict], clusters: list[dict], everything: bool = False,
                   removed: Iterable[str] | None = None, files: dict[str, str] | None = None) -> list[dict]:
    """PRISMA's records identified per source (``identified from PubMed n=…``), by file, and
    how many of each remain once the duplicates :func:`prisma` counts removed are (a master
    remains, with its file's count); by path, and by ``member`` inside an archive (a zip of
    each database's export is as many sources); ``removed``: the duplicates hidden now instead
    (an --apply's, decisions taken since).  ``files`` (by id): the absolute file the
    store read a record from, its path here: a file ingested again by another spelling of its
    path (relative, then absolute) keeps the records unchanged under the first, the changed
    ones under the second, and was two sources.

    >>> recs = [{"id": i, "source": {"path": p}} for i, p in [("a", "pubmed.txt"), ("b", "embase.ris"), ("c", "embase.ris")]]
    >>> prisma_by_file(recs, [{"records": [{"id": "a"}, {"id": "b"}], "master": "b", "confidence": "certain"}])
    [{'path': 'embase.ris', 'identified': 2, 'remaining': 2}, {'path': 'pubmed.txt', 'identified': 1, 'remaining': 0}]
    >>> prisma_by_file([{"id": "z", "source": {"path": "refs.zip", "member": "cnki.ris"}}], [])
    [{'path': 'refs.zip', 'member': 'cnki.ris', 'identified': 1, 'remaining': 1}]
    >>> prisma_by_file([{"id": "a", "source": {"path": "r/a.ris"}}, {"id": "b", "source": {"path": "/d/r/a.ris"}}], [],
    ...                files={"a": "/d/r/a.ris", "b": "/d/r/a.ris"})
    [{'path': '/d/r/a.ris', 'identified': 2, 'remaining': 2}]
    """
    removed = set(removed) if removed is not None else {
        m["id"] for c in applied(clusters, everything) for m in c["records"] if m["id"] != c["master"]}

    def file(r: dict) -> tuple[str, str]:
        return str((files or {}).get(r["id"], r["source"]["path"])), r["source"].get("member") or ""

    identified = Counter(file(r) for r in records)
    remaining = Counter(file(r) for r in records if r["id"] not in removed)
    return [{"path": path, **({"member": member} if member else {}), "identified": n,
             "remaining": remaining[path, member]} for (path, member), n in sorted(identified.items())]


def _index_writer(index_dir, quiet: bool = True):
    """whoosh's writer of the index in ``index_dir``, which is there: one deleted meanwhile
    is not made again (the store's FileNotFoundError, which the caller says). One an older
    version wrote is rebuilt from the store first, which takes minutes in a large index: said
    on stderr unless ``quiet``."""
    from .index.ingest import index_writer, open_or_create

    return index_writer(open_or_create(index_dir, quiet=quiet, create=False), index_dir)


def undo(index_dir: str | Path, then_apply: bool = False, quiet: bool = True) -> dict:
    """Restore every applied merge: masters as ingested, duplicates shown again; ``then_apply``
    when :func:`apply` makes them again next (kept in the store until it has).  A disk that fills
    up is said in a line, nothing undone, the files begun removed (see :func:`apply`)."""
    from .index.ingest import _RefusedWrite, _cancel, commit, index_record, remove_orphans

    with _RefusedWrite(index_dir, left="nothing was undone, the index is as it was before: make space and run "
                                       "dedup --undo again"):
        writer = _index_writer(index_dir, quiet)
        try:
            with Store(index_dir, create=False) as store:
                masters, shown = store.undo_merges()
                store.set_meta(APPLY_PENDING, 1 if then_apply else None)
                for rec in masters:
                    index_record(writer, store, rec, update=True)
                for rec in store.get_many(shown).values():
                    index_record(writer, store, rec)
                commit(writer, store)  # the index first, then the store
        except BaseException:
            _cancel(writer)   # (not a writer its commit closed: the error to tell is the store's)
            raise
    remove_orphans(index_dir)
    return {"masters_restored": len(masters), "records_shown": len(shown)}


def applied(clusters: list[dict], everything: bool = False) -> list[dict]:
    """The clusters ``apply`` merges: the certain ones (a reviewer's "merge" is certain)
    and the certain groups of those that need review, or ``everything``.  What needs review
    waits for ``dedup --review``: a pediatric and an adult trial of one drug, alike but for
    one word, are two papers."""
    if everything:
        return list(clusters)
    return [g for c in clusters for g in ([c] if c["confidence"] == "certain" else c.get("groups") or [])]


def apply(index_dir: str | Path, everything: bool | None = None,
          quiet: bool = True) -> tuple[list[dict], list[dict]]:
    """Merge the certain clusters and groups as they are now, or with ``everything`` the
    clusters that need review too (None: as the last apply did; the choice is kept beside
    the decisions).  An earlier apply is undone first, so clusters found since, and
    decisions taken since, are honoured.  Returns (records, clusters): all clusters, merged
    or not.  ``quiet=False``: a rebuild of an index an older version wrote is said on stderr.
    A disk that fills up is said in a line saying what was applied (nothing; the last apply's
    merges undone, when its undo was committed), and the files of the failed write are removed:
    a bare "No space left on device" had left them, and the next ingest failed on the same disk."""
    from .index.ingest import _RefusedWrite, _cancel, commit, index_record, remove_orphans

    refused = _RefusedWrite(index_dir, left="nothing was applied, the index is as it was before: make space and run "
                                            "dedup --apply again")
    with refused:
        if everything is None:
            everything = merges_all(index_dir)
        elif everything != merges_all(index_dir):
            _write(index_dir, {**_read(index_dir), "apply_all": everything})
        # committed, with the store saying the merges are to be made: the next ingest makes them too
        undone = undo(index_dir, then_apply=True, quiet=quiet)["masters_restored"]
        refused.left = ("nothing was applied" + (", and the merges the last dedup --apply made were undone first "
                                                 "(the duplicates they hid are shown)" if undone else "")
                        + ": make space and run dedup --apply again (or the next ingest makes the merges)")
        records, clusters = clusters_for(index_dir)
        store_followed(index_dir, records)
        by_id = {r["id"]: r for r in records}
        writer = _index_writer(index_dir)
        try:
            with Store(index_dir, create=False) as store:
                for c in applied(clusters, everything):
                    master = by_id[c["master"]]
                    dups = [m["id"] for m in c["records"] if m["id"] != c["master"]]
                    merged = merged_record(master, [by_id[d] for d in dups])
                    store.apply_merge(merged, dups)
                    for d in dups:
                        writer.delete_by_term("id", d)
                    index_record(writer, store, merged, update=True)
                store.set_meta(SHOWN_MASTERS, json.dumps({c["master"]: stored_fingerprint(by_id[c["master"]])
                                                          for c in applied(clusters, everything)}, sort_keys=True))
                store.set_meta(APPLY_PENDING, None)
                commit(writer, store)
        except BaseException:
            _cancel(writer)   # (not a writer its commit closed: the error to tell is the store's)
            raise
    remove_orphans(index_dir)
    return records, clusters


def write_map(path: str | Path, records: list[dict], clusters: list[dict]) -> int:
    """CSV of every record id and the id kept for it (its master, or itself)."""
    kept = {m["id"]: c["master"] for c in clusters for m in c["records"]}
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["old_id", "kept_id", "path", "record"])
        for r in records:
            w.writerow([r["id"], kept.get(r["id"], r["id"]), r["source"]["path"], r["source"]["record"]])
    return len(records)
