"""BibTeX citation keys that a LaTeX document's ``\\cite`` can rely on: the key a record came
with is kept, and a made key is settled over the whole index in the order records entered
it, so a subset, a query or a later ingest never renames one (common.citation_keys)."""
from __future__ import annotations

import re

from conftest import run_cli


def _ris(*papers: tuple[str, str]) -> str:
    """RIS records of 王建国, 2021, each (title, abstract)."""
    return "".join(f"TY  - JOUR\nTI  - {title}\nAU  - 王建国\nPY  - 2021\nJO  - 计算机学报\nAB  - {abstract}\nER  - \n\n"
                   for title, abstract in papers)


def keys_by_title(*args: str) -> dict[str, str]:
    result = run_cli("export", "-f", "bibtex", *args)
    assert result.returncode == 0, result.stderr
    entries = re.findall(r"^@\w+\{([^,]*),\n  title = \{([^}]*)\}", result.stdout, re.M)
    return {title: key for key, title in entries}


# Smith 2020's papers in Spine, one title each: their keys smith2020spinal, …b, …c in this order.
SPINAL = ("Spinal cord injury", "Spinal fusion outcomes", "Spinal anaesthesia")


def _write_smith_2020(ris, *titles: str) -> None:
    ris.write_text("".join(f"TY  - JOUR\nAU  - Smith, John\nTI  - {t}\nT2  - Spine\nPY  - 2020\nER  - \n\n"
                           for t in titles), encoding="utf-8")


def ingest(index, *paths) -> None:
    result = run_cli("ingest", "-q", "--index", str(index), *map(str, paths))
    assert result.returncode == 0, result.stderr


def test_keys_of_an_index_do_not_change_with_the_selection_or_later_ingests(tmp_path):
    index = tmp_path / "idx"
    first = tmp_path / "a.ris"
    papers = [("基于深度学习的图像识别研究", "一"), ("基于深度学习的图像分割研究", "二"), ("基于深度学习的中文分词方法研究", "三")]
    first.write_text(_ris(*papers), encoding="utf-8")
    ingest(index, first)
    whole = keys_by_title("--index", str(index))
    # one base key, wangjianguo2021jiyu: the first record in bare, the next b, c
    assert sorted(whole.values()) == ["wangjianguo2021jiyu", "wangjianguo2021jiyub", "wangjianguo2021jiyuc"]
    assert whole[papers[0][0]] == "wangjianguo2021jiyu"

    ids = tmp_path / "ids.txt"   # one record alone, by --ids and by --query: the key it has in the whole
    rid = run_cli("search", "--index", str(index), "--json", "中文分词").stdout
    ids.write_text(re.search(r'"id": "([0-9a-f]{16})"', rid).group(1) + "\n", encoding="utf-8")
    assert keys_by_title("--index", str(index), "--ids", str(ids)) == {papers[2][0]: whole[papers[2][0]]}
    assert keys_by_title("--index", str(index), "--query", "中文分词") == {papers[2][0]: whole[papers[2][0]]}

    later = tmp_path / "0.ris"   # another 王建国 2021 基于… paper, in a file read first by --from
    later.write_text(_ris(("基于深度学习的语音识别研究", "四")), encoding="utf-8")
    ingest(index, later)
    first.write_text(_ris(("基于深度学习的图像识别研究", "一，改"), *papers[1:]), encoding="utf-8")
    ingest(index, first)   # a record changed in its file is updated in place
    result = run_cli("ingest", "-q", "--rebuild", "--index", str(index))
    assert result.returncode == 0, result.stderr
    now = keys_by_title("--index", str(index))
    assert {t: now[t] for t in whole} == whole
    assert now["基于深度学习的语音识别研究"] == "wangjianguo2021jiyud"


def test_a_key_the_record_came_with_is_kept(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{Adams2001,\n  title = {The physical basis},\n  author = {Adams, John},\n  year = {2001}}\n\n"
                   "@article{adams2001,\n  title = {Another paper},\n  author = {Adams, Jane},\n  year = {2001}}\n",
                   encoding="utf-8")
    csl = tmp_path / "items.json"
    csl.write_text('[{"id": "smith2020", "type": "article-journal", "title": "Spinal cord", "author": '
                   '[{"family": "Smith", "given": "A"}], "issued": {"date-parts": [[2020]]}},'
                   ' {"id": "12", "type": "article-journal", "title": "Spinal surgery", "author": '
                   '[{"family": "Smith", "given": "A"}], "issued": {"date-parts": [[2020]]}}]', encoding="utf-8")
    result = run_cli("export", "-f", "bibtex", "--from", str(bib), str(csl), "--sort", "newest")
    keys = dict((t, k) for k, t in re.findall(r"^@\w+\{([^,]*),\n  title = \{([^}]*)\}", result.stdout, re.M))
    # the second adams2001 (BibTeX keys ignore case) gets a letter, and is said; a CSL item's number is no key
    assert keys == {"The physical basis": "Adams2001", "Another paper": "adams2001b",
                    "Spinal cord": "smith2020", "Spinal surgery": "smith2020spinal"}
    assert "came with the citation key Adams2001: " in result.stderr
    assert "refs.bib #1 keeps it" in result.stderr and "refs.bib #2 (adams2001) is written as adams2001b" in result.stderr


def test_three_records_with_one_key_are_said_once(tmp_path):
    bib = tmp_path / "k.bib"
    bib.write_text("".join(f"@article{{smith2020,\n  title = {{Sleep and {t}}},\n  author = {{Smith, John}},\n"
                           f"  year = {{2020}}}}\n\n" for t in ("health", "mood", "memory")), encoding="utf-8")
    result = run_cli("export", "-f", "bibtex", "--from", str(bib))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "citation key" in line]
    assert warnings == ["warning: three records came with the citation key smith2020: "
                        f"{bib} #1 keeps it, {bib} #2 (smith2020) is written as smith2020b, {bib} #3 (smith2020) as smith2020c"]


def _own_key_after_made_ones(tmp_path):
    """Two RIS records whose made key is smith2020deep, then a BibTeX entry that came with it."""
    ris = tmp_path / "a.ris"
    ris.write_text("".join(f"TY  - JOUR\nTI  - Deep learning for {t}\nAU  - Smith, John\nPY  - 2020\nER  - \n\n"
                           for t in ("images", "text")), encoding="utf-8")
    bib = tmp_path / "b.bib"
    bib.write_text("@article{smith2020deep,\n  title = {Already keyed},\n  author = {Smith, Jane},\n"
                   "  year = {2019}}\n", encoding="utf-8")
    return ris, bib


def test_a_key_the_user_chose_wins_over_made_keys_before_it(tmp_path):
    # (the made key of a record before it had taken smith2020deep, and the user's entry was renamed)
    ris, bib = _own_key_after_made_ones(tmp_path)
    want = {"Deep learning for images": "smith2020deepb", "Deep learning for text": "smith2020deepc",
            "Already keyed": "smith2020deep"}
    assert keys_by_title("--from", str(ris), str(bib)) == want
    index = tmp_path / "idx"   # so in an index, the entry of another year, ingested after
    ingest(index, ris)
    ingest(index, bib)
    assert keys_by_title("--index", str(index)) == want
    assert keys_by_title("--index", str(index), "--query", "images") == {"Deep learning for images": "smith2020deepb"}


def test_a_csl_items_citation_key_is_kept_from_the_index_as_from_its_file(tmp_path):
    # Zotero's CSL-JSON: the item's id a URL, its key in citation-key (kept in extra.csl)
    items = tmp_path / "zotero.json"
    items.write_text('[{"id": "http://zotero.org/users/1/items/ABCD1234", "citation-key": "SmithSpine20", '
                     '"type": "article-journal", "title": "Spinal cord injury", "author": [{"family": "Smith", '
                     '"given": "A"}], "issued": {"date-parts": [[2020]]}}]', encoding="utf-8")
    index = tmp_path / "idx"
    assert run_cli("ingest", str(items), "--index", str(index), "-q").returncode == 0
    assert keys_by_title("--from", str(items)) == keys_by_title("--index", str(index)) == \
        {"Spinal cord injury": "SmithSpine20"}


def test_csl_json_items_are_cited_by_the_keys_bibtex_gives(tmp_path):
    # pandoc cites a CSL item by its id, which had been the record's id (a hash): [@key] broke
    # when a document's bibliography changed from .bib to .json
    import json

    ris, bib = _own_key_after_made_ones(tmp_path)
    index = tmp_path / "idx"
    ingest(index, ris, bib)
    for where in (("--from", str(ris), str(bib)), ("--index", str(index)), ("--index", str(index), "-q", "text")):
        result = run_cli("export", "-f", "csl-json", *where)
        assert result.returncode == 0, result.stderr
        items = json.loads(result.stdout)
        assert {i["title"]: i["id"] for i in items} == keys_by_title(*where)
        assert all(i["citation-key"] == i["id"] for i in items)
    items = json.loads(run_cli("export", "-f", "csl-json", "--index", str(index)).stdout)
    again = tmp_path / "refs.json"   # read back, each item is a record of its own, with its key
    again.write_text(json.dumps(items), encoding="utf-8")
    assert keys_by_title("--from", str(again)) == {i["title"]: i["id"] for i in items}
    records = [json.loads(line) for line in run_cli("export", "-f", "jsonl", "--from", str(again)).stdout.splitlines()]
    assert len({r["id"] for r in records}) == len(items) == 3


def test_a_records_changed_year_moves_no_key_to_another(tmp_path):
    # Zhang 2020 "Study of graphene" and "Study of silicon": zhang2020study and …b.  The graphene
    # record's year corrected to 2021 and ingested again: a thesis's \cite{zhang2020study} had
    # cited silicon from then on, and zhang2020studyb was gone.  Each keeps the key it was given.
    index, ris = tmp_path / "idx", tmp_path / "a.ris"

    def write(graphene_year: int) -> None:
        ris.write_text(f"TY  - JOUR\nAU  - Zhang, San\nTI  - Study of graphene\nT2  - Nature\nPY  - {graphene_year}\nER  - \n\n"
                       "TY  - JOUR\nAU  - Zhang, San\nTI  - Study of silicon\nT2  - Science\nPY  - 2020\nER  - \n",
                       encoding="utf-8")

    write(2020)
    ingest(index, ris)
    given = {"Study of graphene": "zhang2020study", "Study of silicon": "zhang2020studyb"}
    assert keys_by_title("--index", str(index)) == given
    write(2021)
    ingest(index, ris)
    assert keys_by_title("--index", str(index)) == given
    assert keys_by_title("--index", str(index), "--query", "silicon") == {"Study of silicon": "zhang2020studyb"}
    later = tmp_path / "b.ris"   # a paper added later gets a key no record was given
    later.write_text("TY  - JOUR\nAU  - Zhang, San\nTI  - Study of copper\nPY  - 2020\nER  - \n", encoding="utf-8")
    ingest(index, later)
    assert keys_by_title("--index", str(index))["Study of copper"] == "zhang2020studyc"


def test_a_key_made_by_an_earlier_version_is_made_so_again(tmp_path):
    # An index an earlier version ingested has no keys kept: its first export makes them again,
    # so the rule must give the keys that version gave (398e2ef had made miR-503在… mir503, not zairu,
    # and ＣＴ引导下 ct, moving 30 of bilingual_dev's 1,200 keys a thesis cited).
    ris = tmp_path / "a.ris"
    ris.write_text("".join(f"TY  - JOUR\nAU  - 龙贤格\nTI  - {t}\nPY  - 2020\nER  - \n\n"
                           for t in ("miR-503在乳腺癌中的表达及意义", "基于CT影像的肺结节检测", "ＣＴ引导下穿刺活检")),
                   encoding="utf-8")
    keys = sorted(keys_by_title("--from", str(ris)).values())
    assert keys == ["longxiange2020jiyu", "longxiange2020yindao", "longxiange2020zairu"]


def test_a_key_stays_with_its_paper_when_the_records_of_its_file_move_up(tmp_path):
    # Smith 2020 "Spinal …" A, B, C: smith2020spinal, …b, …c.  A deleted from the file and the file
    # ingested again: B and C take the ids of A and B (a record's id is its file and position), and
    # the keys kept by id had gone with them: B was smith2020spinal, a \cite of A now cited B.
    index, ris = tmp_path / "idx", tmp_path / "a.ris"

    def write(*titles: str) -> None:
        _write_smith_2020(ris, *titles)

    titles = SPINAL
    write(*titles)
    ingest(index, ris)
    given = dict(zip(titles, ("smith2020spinal", "smith2020spinalb", "smith2020spinalc")))
    assert keys_by_title("--index", str(index)) == given
    write(*titles[1:])
    ingest(index, ris)
    assert keys_by_title("--index", str(index)) == {t: given[t] for t in titles[1:]}
    later = tmp_path / "b.ris"   # nor is a paper ingested later made the key of the one removed
    later.write_text("TY  - JOUR\nAU  - Smith, John\nTI  - Spinal stenosis\nPY  - 2020\nER  - \n", encoding="utf-8")
    ingest(index, later)
    assert keys_by_title("--index", str(index))["Spinal stenosis"] == "smith2020spinald"
    write(*titles)   # A back in its file: its key again
    ingest(index, ris)
    assert keys_by_title("--index", str(index)) == {**given, "Spinal stenosis": "smith2020spinald"}


def test_a_records_corrected_title_keeps_its_key(tmp_path):
    # Smith 2020 "Spinal cord injury" and "Spinal nerves", no DOI (as CNKI's records): smith2020spinal
    # and …b.  The first title corrected in place and ingested again: it was made smith2020spinalc
    # (its title no longer the one its key was made for), and a \cite{smith2020spinal} cited nothing.
    # No other paper's key was made for it, nor is its own found elsewhere: it keeps its key.
    index, ris = tmp_path / "idx", tmp_path / "a.ris"

    def write(first: str) -> None:
        ris.write_text("".join(f"TY  - JOUR\nAU  - Smith, John\nTI  - {t}\nPY  - 2020\nER  - \n\n"
                               for t in (first, "Spinal nerves")), encoding="utf-8")

    write("Spinal cord injury")
    ingest(index, ris)
    assert keys_by_title("--index", str(index)) == {"Spinal cord injury": "smith2020spinal", "Spinal nerves": "smith2020spinalb"}
    write("Spinal cord injuries")
    ingest(index, ris)
    want = {"Spinal cord injuries": "smith2020spinal", "Spinal nerves": "smith2020spinalb"}
    assert keys_by_title("--index", str(index)) == want
    write("Spinal cord injuries: a review")   # again, from the title kept with it last
    ingest(index, ris)
    assert keys_by_title("--index", str(index)) == {"Spinal cord injuries: a review": "smith2020spinal",
                                                   "Spinal nerves": "smith2020spinalb"}
    # but another paper written in its place is none of its corrections: a key of its own, and
    # smith2020spinal is no one's (it had been given the new paper: a \cite of the first cited it)
    write("Spinal fusion outcomes in elderly patients")
    ingest(index, ris)
    assert keys_by_title("--index", str(index)) == {"Spinal fusion outcomes in elderly patients": "smith2020spinalc",
                                                   "Spinal nerves": "smith2020spinalb"}


def test_the_keys_made_and_the_records_are_read_at_one_moment(tmp_path):
    # given_keys and first_entered had been two reads: an ingest committing between them gave
    # citation_keys records the keys kept had not seen (and keys of records it no longer had)
    from indexer.store import Store

    index, a, b = tmp_path / "idx", tmp_path / "a.ris", tmp_path / "b.ris"
    a.write_text("TY  - JOUR\nAU  - Zhang, San\nTI  - Study of graphene\nPY  - 2020\nER  - \n", encoding="utf-8")
    b.write_text("TY  - JOUR\nAU  - Zhang, San\nTI  - Study of silicon\nPY  - 2020\nER  - \n", encoding="utf-8")
    ingest(index, a)
    with Store(str(index), reading=True) as store, store.snapshot():
        store.given_keys()
        ingest(index, b)   # (committed meanwhile; the store's WAL lets it)
        assert [r["title"] for r in store.first_entered()] == [{"en": "Study of graphene"}]
    with Store(str(index), reading=True) as store:
        assert len(list(store.first_entered())) == 2



def _csv_keys(*args: str) -> list[tuple[str, str, str]]:
    """(id, title, key) of each row of a CSV export."""
    import csv
    import io

    result = run_cli("export", "-f", "csv", *args)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    return [(row["id"], row["title"], row["key"]) for row in rows]


def test_a_csv_row_has_the_key_bibtex_gives_its_record_which_follows_the_paper(tmp_path):
    # A reviewer screens a CSV export: its `id` is a record's place in its file, so a record added
    # on top and the export run again moved every id to another paper, and the sheet had no other
    # handle.  Its `key` is the citation key, the BibTeX export's, kept in the index with its paper.
    index, ris = tmp_path / "idx", tmp_path / "a.ris"

    def write(*titles: str) -> None:
        _write_smith_2020(ris, *titles)

    titles = SPINAL
    write(*titles)
    ingest(index, ris)
    before = _csv_keys("--index", str(index))   # the CSV export first: its keys are kept as BibTeX's are
    assert [(t, k) for _, t, k in before] == list(zip(titles, ("smith2020spinal", "smith2020spinalb",
                                                               "smith2020spinalc")))
    write("Spinal stenosis", *titles)   # a record on top: each paper's id moves, its key stays
    ingest(index, ris)
    after = _csv_keys("--index", str(index))
    assert {t: k for _, t, k in after} == {**{t: k for _, t, k in before}, "Spinal stenosis": "smith2020spinald"}
    assert {t: i for i, t, _ in after}[titles[0]] == before[1][0]   # (the id of the paper that was second)
    assert keys_by_title("--index", str(index)) == {t: k for _, t, k in after}
    sheet = tmp_path / "screened.csv"   # read back (--from, or ingested): each record keeps its key
    sheet.write_text(run_cli("export", "-f", "csv", "--index", str(index)).stdout, encoding="utf-8")
    assert keys_by_title("--from", str(sheet)) == {t: k for _, t, k in after}
    other = tmp_path / "other"
    ingest(other, sheet)
    assert keys_by_title("--index", str(other)) == {t: k for _, t, k in after}
    assert {t: k for _, t, k in _csv_keys("--from", str(sheet))} == {t: k for _, t, k in after}


def _key_column(index) -> dict[str, str]:
    """The CSV export's ``key`` column, by record id."""
    return {rid: key for rid, _, key in _csv_keys("--index", str(index))}


def test_show_and_export_ids_take_a_records_citation_key(tmp_path):
    import json

    index, ris, bib = tmp_path / "idx", tmp_path / "a.ris", tmp_path / "b.bib"
    _write_smith_2020(ris, *SPINAL)
    # a key the user chose that is also the start of another record's id (ids are hex)
    bib.write_text("@article{Adams2001,\n  title = {Gait after stroke},\n  author = {Adams, Jane},\n  year = {2001}\n}\n"
                   "@article{%s,\n  title = {Keyed like an id},\n  author = {Baker, Tom},\n  year = {2011}\n}\n",
                   encoding="utf-8")
    ingest(index, ris)
    keys = _key_column(index)
    by_key = {key: rid for rid, key in keys.items()}
    assert sorted(by_key) == ["smith2020spinal", "smith2020spinalb", "smith2020spinalc"]   # (by hand: SPINAL's order)
    prefix = sorted(keys)[0][:4]
    bib.write_text(bib.read_text(encoding="utf-8") % prefix, encoding="utf-8")
    ingest(index, bib)
    by_key = {key: rid for rid, key in _key_column(index).items()}

    shown = run_cli("show", "--json", "smith2020spinalb", "ADAMS2001", "--index", str(index))
    assert shown.returncode == 0, shown.stderr
    assert [json.loads(line)["id"] for line in shown.stdout.splitlines()] == [by_key["smith2020spinalb"],
                                                                               by_key["Adams2001"]]
    readable = run_cli("show", "smith2020spinalc", "--index", str(index)).stdout
    assert "title.en: Spinal anaesthesia" in readable

    unknown = run_cli("show", "smith2020spinald", "--index", str(index))
    assert unknown.returncode == 1 and "no record with id smith2020spinald" in unknown.stderr
    assert "citation key" in unknown.stderr
    # it names two records: neither is guessed (it had named the id's record, silently), both are said
    first = sorted(keys)[0]
    both = run_cli("show", "--json", prefix, "--index", str(index))
    assert both.returncode == 1 and both.stdout == ""
    assert f"{prefix} is the start of the record id {first} and the citation key of {by_key[prefix]}" in both.stderr
    whole = run_cli("show", "--json", first, by_key[prefix], "--index", str(index))   # a whole id is its record's
    assert whole.returncode == 0, whole.stderr
    assert [json.loads(line)["id"] for line in whole.stdout.splitlines()] == [first, by_key[prefix]]
    longer = json.loads(run_cli("show", "--json", first[:7], "--index", str(index)).stdout)   # no key: the id's start
    assert longer["id"] == first

    listed = tmp_path / "ids.txt"
    listed.write_text(f"smith2020spinalc\nadams2001\nsmith2020spinald\n{prefix}\n", encoding="utf-8")
    result = run_cli("export", "-f", "csv", "--ids", str(listed), "--index", str(index))
    assert result.returncode == 1 and "no record smith2020spinald" in result.stderr   # skipped, said
    assert f"warning: {prefix} is the start of the record id {first} and the citation key of" in result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == [by_key["smith2020spinalc"],
                                                                             by_key["Adams2001"]]


def _ids(index) -> list[str]:
    from indexer.store import Store

    with Store(str(index), reading=True) as store:
        return sorted(rec["id"] for rec in store)


def test_a_made_key_that_starts_another_records_id_names_neither(tmp_path):
    # keys are made of the surname, year and first title word: an undated record by one whose
    # surname is hex, with a title of stop words only, is made its surname as key; that surname
    # the start of another record's id, `show` took it for the id's start (nothing looked the key up)
    index, ris, other = tmp_path / "idx", tmp_path / "a.ris", tmp_path / "b.ris"
    _write_smith_2020(ris, *SPINAL)
    ingest(index, ris)
    ids = _ids(index)
    first = ids[0]
    prefix = next(first[:n] for n in range(6, 17) if not first[:n].isdigit())   # (a surname needs a letter)
    other.write_text(f"TY  - JOUR\nAU  - {prefix}, Jo\nTI  - The of\nT2  - Spine\nER  - \n\n", encoding="utf-8")
    ingest(index, other)
    (keyed,) = set(_ids(index)) - set(ids)
    both = run_cli("show", prefix, "--index", str(index))   # before any export: no key kept yet
    assert both.returncode == 1 and both.stdout == ""
    assert f"{prefix} is the start of the record id {first} and the citation key of {keyed}" in both.stderr
    assert _key_column(index)[keyed] == prefix   # (the key it is made, as export gives it)
    again = run_cli("show", prefix.upper(), "--index", str(index))   # and kept: any case
    assert again.returncode == 1 and f"citation key of {keyed}" in again.stderr


def test_a_key_that_starts_its_own_records_id_names_that_record(tmp_path):
    # an id is made of the file and the record's place in it: a key written in after is its own id's start
    import json

    index, bib = tmp_path / "idx", tmp_path / "a.bib"
    entry = "@article{%s,\n  title = {Gait after stroke},\n  author = {Adams, Jane},\n  year = {2001}\n}\n"
    bib.write_text(entry % "Adams2001", encoding="utf-8")
    ingest(index, bib)
    (rid,) = _ids(index)
    bib.write_text(entry % rid[:6], encoding="utf-8")
    ingest(index, bib)
    assert _ids(index) == [rid]
    shown = run_cli("show", "--json", rid[:6], "--index", str(index))
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == rid


def test_what_may_be_a_key_is_told_without_making_the_keys(tmp_path):
    # show looks keys up (a second and more on a large index) for an id's start only when it may
    # be a key: one a record came with, one kept, or one a record of a year written in it (or of
    # none) is made; a key it cannot be is told so, one it can never is
    from indexer.export.command import may_be_key
    from indexer.store import Store

    index, ris, bib, zh = tmp_path / "idx", tmp_path / "a.ris", tmp_path / "b.bib", tmp_path / "c.ris"
    _write_smith_2020(ris, *SPINAL)
    bib.write_text("@article{Adams2001,\n  title = {Gait after stroke},\n  author = {Adams, Jane}\n}\n", encoding="utf-8")
    zh.write_text("TY  - JOUR\nAU  - 龙贤格\nTI  - miR-503在乳腺癌中的作用\nPY  - 2019\nER  - \n", encoding="utf-8")
    ingest(index, ris, bib, zh)
    texts = ("smith2020spinal", "SMITH2020spinalc", "adams2001", "adams2001b", "adams2001gait", "longxiange2019zairu",
             "longxiange2019zairub", "smith2021spinal", "smith2020fusion", "adams", "0a2020", "beef", "0a2019", "long2019")
    with Store(str(index), reading=True) as store:
        assert [text for text in texts if may_be_key(store, text)] == [
            "smith2020spinal", "SMITH2020spinalc", "adams2001", "adams2001b", "adams2001gait", "longxiange2019zairu",
            "longxiange2019zairub", "long2019"]   # (a name in Chinese is some letters: pinyin is not read)
    assert {t: k for _, t, k in _csv_keys("--index", str(index))}["miR-503在乳腺癌中的作用"] == "longxiange2019zairu"
