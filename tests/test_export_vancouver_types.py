"""The Vancouver (NLM, Citing Medicine) form of each kind of item that is not a journal article:
conference papers (ch. 3), reports (ch. 6), newspaper articles (ch. 7), standards, preprints and
datasets, each written as a small CSL-JSON or RIS file and exported through the CLI as a user
would.  Before these, each went through the journal branch and lost its meeting, number,
publisher, server or URL."""
from __future__ import annotations

import json

from conftest import run_cli


def _vancouver(tmp_path, name: str, content) -> list[str]:
    """The lines ``export -f vancouver`` writes for the items of ``content`` (CSL-JSON items
    as a list, or a file's text), without their numbers."""
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    result = run_cli("export", "-f", "vancouver", "--from", str(path))
    assert result.returncode == 0, result.stderr
    return [line.split(". ", 1)[1] for line in result.stdout.splitlines()]


def test_a_conference_paper_names_its_meeting_date_and_place(tmp_path):
    # In: Editors. Proceedings; Date; Place. Place: Publisher; Year. p. Pages -- the meeting's
    # name after the proceedings' when the title does not hold it; a place that Zotero's CSL
    # writes as both event and publisher place is the publisher's only
    assert _vancouver(tmp_path, "conference.json", [
        {"id": "c", "type": "paper-conference", "language": "en", "title": "Application of improved SOM neural network",
         "event-title": "2022 6th Asian Conference on Artificial Intelligence Technology (ACAIT)",
         "event-place": "Changzhou, China", "page": "1-5", "issued": {"date-parts": [[2022, 12]]},
         "author": [{"family": "Wang", "given": "Shanshan"}]},
        {"id": "r", "type": "paper-conference", "title": "Cannabinoids and pain",
         "container-title": "Proceedings of the 10th World Congress on Pain", "event-title": "10th World Congress on Pain",
         "event-date": {"date-parts": [[2002, 8, 17]]}, "event-place": "San Diego, CA", "publisher": "IASP Press",
         "publisher-place": "Seattle", "page": "437-468", "issued": {"date-parts": [[2003]]},
         "author": [{"family": "Rice", "given": "Andrew S."}],
         "editor": [{"family": "Dostrovsky", "given": "Jonathan O."}, {"family": "Carr", "given": "Daniel B."}]},
        {"id": "g", "type": "paper-conference", "title": "Germ cells", "container-title": "Germ cell tumours V",
         "event-title": "5th Germ Cell Tumour Conference", "event-place": "Leeds, UK", "publisher": "Springer",
         "publisher-place": "New York", "issued": {"date-parts": [[2002]]},
         "author": [{"family": "Harnden", "given": "Patricia"}]},
        {"id": "z", "type": "paper-conference", "title": "One place", "container-title": "Proceedings of Things",
         "event-place": "Berlin", "publisher": "Springer", "publisher-place": "Berlin", "page": "1-5",
         "issued": {"date-parts": [[2002]]}, "author": [{"family": "Abe", "given": "Anna"}]}]) == [
        "Wang S. Application of improved SOM neural network. In: 2022 6th Asian Conference on Artificial "
        "Intelligence Technology (ACAIT); 2022; Changzhou, China. p. 1-5.",
        "Rice AS. Cannabinoids and pain. In: Dostrovsky JO, Carr DB, editors. Proceedings of the 10th World Congress "
        "on Pain; 2002 Aug 17; San Diego, CA. Seattle: IASP Press; 2003. p. 437-68.",
        "Harnden P. Germ cells. In: Germ cell tumours V. 5th Germ Cell Tumour Conference; 2002; Leeds, UK. "
        "New York: Springer; 2002.",
        "Abe A. One place. In: Proceedings of Things. Berlin: Springer; 2002. p. 1-5."]


def test_a_newspaper_article_has_its_full_date_and_section(tmp_path):
    # Washington Post. 2002 Aug 12;Sect. A:2. -- a page A02 is section A, page 2; CNKI's 004 is
    # page 4; a Chinese paper keeps its name and its language after
    assert _vancouver(tmp_path, "news.json", [
        {"id": "n", "type": "article-newspaper", "language": "en", "title": "Medical improvements lower homicide rate",
         "container-title": "Washington Post", "page": "A2", "issued": {"date-parts": [[2002, 8, 12]]},
         "author": [{"family": "Tynan", "given": "Trudy"}]},
        {"id": "z", "type": "article-newspaper", "language": "zh-CN", "title": "坚持在大局下行动",
         "container-title": "人民铁道", "page": "004", "issued": {"date-parts": [[2019, 1, 9]]},
         "author": [{"literal": "丁文详"}]}]) == [
        "Tynan T. Medical improvements lower homicide rate. Washington Post. 2002 Aug 12;Sect. A:2.",
        "Ding W. 坚持在大局下行动. 人民铁道. 2019 Jan 9:4. Chinese."]


def test_a_preprint_names_its_server_url_and_the_date_it_was_read(tmp_path):
    assert _vancouver(tmp_path, "preprint.json", [
        {"id": "p", "type": "article", "language": "en", "title": "A prospective randomized trial",
         "publisher": "bioRxiv", "URL": "https://doi.org/10.1101/029983", "issued": {"date-parts": [[2015, 10, 22]]},
         "accessed": {"date-parts": [[2020, 1, 1]]}, "author": [{"family": "Bloss", "given": "Cinnamon S."}]}]) == [
        "Bloss CS. A prospective randomized trial. bioRxiv [Preprint]. 2015 Oct 22 [cited 2020 Jan 1]. "
        "Available from: https://doi.org/10.1101/029983"]


def test_a_report_ends_with_its_number_and_a_standard_has_it_after_its_title(tmp_path):
    # Citing Medicine ch. 6: ... Place: Publisher; Year. Report No.: X. (no [report] designator);
    # a standard cited as a report with its number after the title
    assert _vancouver(tmp_path, "numbered.json", [
        {"id": "r", "type": "report", "language": "en", "title": "World health statistics 2023",
         "number": "WHO/HIS/2023.1", "publisher": "World Health Organization", "publisher-place": "Geneva",
         "issued": {"date-parts": [[2023]]}, "author": [{"literal": "World Health Organization"}]},
        {"id": "s", "type": "standard", "language": "en", "title": "Audit data collection", "number": "ISO 21378:2019",
         "publisher": "ISO", "publisher-place": "Geneva", "issued": {"date-parts": [[2019]]},
         "author": [{"literal": "ISO"}]}]) == [
        "World Health Organization. World health statistics 2023. Geneva: World Health Organization; 2023. "
        "Report No.: WHO/HIS/2023.1.",
        "ISO. Audit data collection. ISO 21378:2019. Geneva: ISO; 2019."]


def test_a_report_from_ris_keeps_its_number(tmp_path):
    assert _vancouver(tmp_path, "report.ris",
                      "TY  - RPRT\nAU  - Calkin, David E.\nTI  - A comparative risk assessment framework\n"
                      "PB  - Rocky Mountain Research Station\nCY  - Fort Collins\nPY  - 2011\nVL  - RMRS-GTR-262\n"
                      "SP  - 8\nEP  - 9\nER  - \n") == [
        "Calkin DE. A comparative risk assessment framework. Fort Collins: Rocky Mountain Research Station; 2011. "
        "p. 8-9. Report No.: RMRS-GTR-262."]


def test_a_dataset_online_has_its_repository_and_url(tmp_path):
    assert _vancouver(tmp_path, "dataset.json", [
        {"id": "d", "type": "dataset", "language": "en", "title": "Sleep of infants", "publisher": "Zenodo",
         "URL": "https://zenodo.org/records/1", "issued": {"date-parts": [[2021]]},
         "accessed": {"date-parts": [[2024, 11, 25]]}, "author": [{"family": "Abe", "given": "Anna"}]},
        {"id": "e", "type": "dataset", "language": "en", "title": "Offline data", "publisher": "Example Archive",
         "publisher-place": "Boston", "issued": {"date-parts": [[2020]]}, "author": [{"family": "Bo", "given": "Ann"}]}]) == [
        "Abe A. Sleep of infants [Internet]. Zenodo; 2021 [cited 2024 Nov 25]. Available from: https://zenodo.org/records/1",
        "Bo A. Offline data. Boston: Example Archive; 2020."]


def test_discontinuous_pages_as_cnki_writes_them_are_listed_with_commas(tmp_path):
    assert _vancouver(tmp_path, "pages.json", [
        {"id": "j", "type": "article-journal", "language": "en", "title": "MicroRNA in breast cancer",
         "container-title": "Journal of Mudanjiang Medical University", "volume": "42", "issue": "1",
         "page": "175-177+183", "issued": {"date-parts": [[2021]]}, "author": [{"family": "Yin", "given": "Guo"}]}]) == [
        "Yin G. MicroRNA in breast cancer. Journal of Mudanjiang Medical University. 2021;42(1):175-7, 183."]


def test_a_pubmed_record_of_a_chinese_paper_names_its_language(tmp_path):
    # NLM brackets the English title of a paper in another language and names the language
    # after the pages; a MEDLINE record's declared language (LA chi) had been left out
    path = tmp_path / "zh.nbib"
    path.write_text("PMID- 35000002\nTI  - [Effect of IL-6 on in vitro growth of CD4(+) cells].\nAU  - Wang J\n"
                    "LA  - chi\nJT  - Zhonghua yi xue za zhi\nTA  - Zhonghua Yi Xue Za Zhi\nDP  - 2021\nVI  - 101\n"
                    "IP  - 12\nPG  - 850-854\n\nPMID- 35000003\nTI  - [Effect of IL-6].\nAU  - Li K\nLA  - eng\n"
                    "LA  - chi\nTA  - Zhonghua Yi Xue Za Zhi\nDP  - 2021\n", encoding="utf-8")
    result = run_cli("export", "-f", "vancouver", "--from", str(path))
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.endswith("Zhonghua Yi Xue Za Zhi. 2021;101(12):850-4. Chinese. PMID: 35000002.")
    assert "Chinese" not in second   # two languages declared: none named
