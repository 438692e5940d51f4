"""Article pages of sites the scraped-page reader does not read (IEEE Xplore, SpringerLink,
ScienceDirect, MDPI …), copied whole from a browser: each is a failure naming the site and
saying to export the record from it, not a record whose title is a button ("Skip to main
content") and whose authors are the site's menu.  The pages are written here in the layout
those sites show when their article page is selected whole and copied (shortened)."""
from __future__ import annotations

import pytest

from conftest import clean_items

_IEEE = """IEEE.org
IEEE Xplore
IEEE SA
IEEE Spectrum
More Sites
Cart
Create Account
Personal Sign In
Browse
My Settings
Help
Institutional Sign In
Journals & Magazines >IEEE Transactions on Geoscienc... >Volume: 59 Issue: 5
Deep Learning for Urban Heat Island Mapping From Multisource Remote Sensing Data
Publisher: IEEE
Cite This
PDF
Wei Zhang; Ming Li; Hua Wang
All Authors
1235
Full
Text Views
Abstract
Document Sections
I. Introduction
II. Methods
Authors
Figures
References
Keywords
Metrics
Abstract:
Urban heat islands affect the health of city dwellers. We propose a deep network that fuses thermal and optical images to map land surface temperature at fine resolution.
Published in: IEEE Transactions on Geoscience and Remote Sensing ( Volume: 59, Issue: 5, May 2021)
Page(s): 3950 - 3962
Date of Publication: 14 August 2020
DOI: 10.1109/TGRS.2020.3013555
Publisher: IEEE
"""

_SPRINGER = """Skip to main content
Advertisement
Springer Nature Link
Log in
Menu
Find a journal
Publish with us
Search
Cart
Home
Journal of Orthopaedic Science
Article
Clinical outcomes of total disc replacement for cervical spondylosis: a retrospective study
Original Article
Published: 12 March 2021
Volume 26, pages 512–516, (2021)
Cite this article
Download PDF
Wei Zhang, Ming Li & Hua Wang
1234 Accesses
Explore all metrics
Abstract
Background
Total disc replacement preserves motion of the cervical spine. This study reports its clinical outcomes.
This is a preview of subscription content, log in via an institution to check access.
Access this article
Log in via an institution
Buy article PDF USD 39.95
Authors and Affiliations
Department of Orthopaedics, Peking University Third Hospital, Beijing, China
Wei Zhang, Ming Li & Hua Wang
About this article
Cite this article
Zhang, W., Li, M. & Wang, H. Clinical outcomes of total disc replacement. J Orthop Sci 26, 512–516 (2021).
Download citation
DOI: https://doi.org/10.1007/s00776-020-00123-4
Keywords
Cervical spondylosis
Total disc replacement
"""

_SCIENCEDIRECT = """Skip to main content
Skip to article
ScienceDirect
Journals & Books
Search
Register
Sign in
View PDF
Download full issue
Search ScienceDirect
Outline
Highlights
Abstract
Keywords
References
Elsevier
Remote Sensing of Environment
Volume 252, January 2021, 112135
Mapping urban heat islands with deep learning and Landsat imagery
Author links open overlay panel
Wei Zhang a, Ming Li b, Hua Wang a
Show more
Add to Mendeley
Share
Cite
https://doi.org/10.1016/j.rse.2020.112135
Get rights and content
Abstract
Urban heat islands affect the health of city dwellers. We propose a deep network that fuses thermal and optical images to map land surface temperature at fine resolution.
Keywords
Urban heat island
Deep learning
Recommended articles
"""

_MDPI = """Next Article in Journal
Previous Article in Journal
Journals
Topics
Information
Author Services
About
Sign In / Sign Up
Submit
Remote Sensing
Volume 13
Issue 5
Submit to this Journal
Article Menu
Download PDF
settings
Order Article Reprints
Open Access Article
Mapping Urban Heat Islands with Deep Learning and Landsat Imagery
by
Wei Zhang
1,
Ming Li
2,* and
Hua Wang
1
School of Geography, Beijing Normal University, Beijing 100875, China
Remote Sens. 2021, 13(5), 912; https://doi.org/10.3390/rs13050912
Abstract
Urban heat islands affect the health of city dwellers. We propose a deep network that fuses thermal and optical images to map land surface temperature at fine resolution.
Keywords:
urban heat island; deep learning; Landsat
1. Introduction
"""

# A page of a site not named (a publisher's own platform), with the buttons such sites show.
_UNNAMED = """Skip to main content
Journal of Applied Ecology
Volume 58, Issue 5
Research Article
Free Access
Urban heat islands and the health of city dwellers
Wei Zhang, Ming Li, Hua Wang
Published: 12 March 2021
Cite this article
Download PDF
Share
Tools
Request permission
Export citation
Add to favorites
Track citation
Abstract
Urban heat islands affect the health of city dwellers. We propose a deep network that fuses thermal and optical images to map land surface temperature at fine resolution.
Citing Literature
Volume 58, Issue 5
"""


# ScienceDirect's page as a copy glues it: its skip links on one line, its authors' toggle to the names.
_SCIENCEDIRECT_GLUED = """Skip to main contentSkip to article
ScienceDirect
Journals & Books
Sign in
Purchase PDF
Article preview
Abstract
Introduction
References (32)
Journal of Clinical Neuroscience
Volume 98, April 2022, Pages 112-118
Clinical study
Surgical outcomes of spinal metastases from unknown primary tumors
Author links open overlay panelWei Zhang a, Na Li a, Jianguo Wang b
a Department of Orthopedics, Peking University First Hospital, Beijing, China
https://doi.org/10.1016/j.jocn.2022.01.020
Get rights and content
Abstract
Spinal metastases from unknown primary tumors are rare. We reviewed 86 patients.
Keywords
Spinal metastasis
"""

# Wiley's page copied without its header's name: its skip links tell it.
_WILEY = """Skip to Article Content
Skip to Article Information
Search within
Login / Register
Journal of Orthopaedic Research
Volume 40, Issue 3 p. 512-520
RESEARCH ARTICLE
Surgical outcomes of spinal metastases from unknown primary tumors
Wei Zhang, Na Li, Jianguo Wang
First published: 15 June 2021
https://doi.org/10.1002/jor.25123
Abstract
Spinal metastases from unknown primary tumors are rare. We reviewed 86 patients treated surgically.
Funding information
National Natural Science Foundation of China, Grant/Award Number: 81702662
"""


@pytest.mark.parametrize("page, site", [(_IEEE, "IEEE Xplore"), (_SPRINGER, "SpringerLink"),
                                        (_SCIENCEDIRECT, "ScienceDirect"), (_MDPI, "MDPI"),
                                        (_SCIENCEDIRECT_GLUED, "ScienceDirect"), (_WILEY, "Wiley Online Library")])
def test_a_page_of_a_site_not_read_is_a_failure_naming_the_site(tmp_path, page, site):
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode != 0 and not records
    assert len(failures) == 1
    failure = failures[0]
    assert f"a page copied from {site}, a site this reader does not read" in failure["reason"]
    assert "export the record from that site" in failure["reason"] and "RIS or BibTeX" in failure["reason"]
    assert failure["raw"].rstrip("\n") == page.rstrip("\n") and failure["format"] == "scraped-page"


def test_a_page_of_a_site_not_named_is_refused_by_its_buttons(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(_UNNAMED, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode != 0 and not records and len(failures) == 1
    assert failures[0]["reason"].startswith("a page copied from a site this reader does not read: export the record")


@pytest.mark.parametrize("page", [
    # CNKI's page with its buttons in English (a browser's translation) and its labels
    "首页 > 期刊 > 中国矫形外科杂志\n颈椎间盘置换术治疗脊髓型颈椎病的疗效\n王建国 李晓明\n"
    "Download PDF\nCite this article\n摘要：目的 探讨颈椎间盘置换术的疗效。\n关键词：颈椎病；椎间盘置换\n",
    # CNKI's English site: labels of its own, and a download button named as abroad
    "Clinical outcomes of total disc replacement for cervical spondylosis\nAuthor: WANG Jianguo; LI Xiaoming\n"
    "Institution: Peking University Third Hospital\nDownload PDF\nAbstract: Total disc replacement preserves "
    "motion of the cervical spine.\nKeywords: cervical spondylosis; arthroplasty\nYear: 2021 , Issue: 06 , Page: 512-516\n",
    # a bare page of a few lines in English, with a button named as abroad and the site of its source
    "Mapping urban heat islands with deep learning\nZHANG Wei; LI Ming\nView PDF\nScienceDirect\n"
    "Remote Sensing of Environment. 2021,252(1)\nAbstract: Urban heat islands affect the health of city dwellers.\n",
])
def test_pages_of_the_sites_read_stay_records(tmp_path, page):
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode == 0 and not failures and len(records) == 1, result.stderr


# Indexes and networks abroad, copied whole: their menus and prompts are no title nor authors.
_SEMANTIC_SCHOLAR = """Semantic Scholar
Search 224,539,815 papers from all fields of science
Sign In
Create Free Account
DOI:10.1016/j.ejca.2018.08.020
Corpus ID: 52923456
Clinical management of spinal metastases—The Dutch national guideline
L. Bollen, S. Dijkstra, R. Bartels, +5 authors C. Vleggeert-Lankamp
Published in European Journal of Cancer 1 November 2018
TLDR
Abstract
Spinal metastases are common in patients with cancer. A multidisciplinary working group developed a guideline.
Save to Library
Cite
"""

_RESEARCHGATE = """ResearchGate
Home
Questions
Article
Clinical management of spinal metastases—The Dutch national guideline
November 2018 European Journal of Cancer 104:81-90
DOI:10.1016/j.ejca.2018.08.020
Authors:
Linda Bollen
Leiden University Medical Center
Download full-text PDF
Read full-text
Abstract and figures
Spinal metastases are common in patients with cancer. A multidisciplinary working group developed a guideline.
Discover the world's research
Join for free
"""

_EUROPE_PMC = """Europe PMC
Search life-sciences literature (44,157,488 articles, preprints and more)
Advanced Search
Abstract
Free full text
Citations & impact
Clinical management of spinal metastases-The Dutch national guideline.
Bollen L 1 , Dijkstra SPD 2 , Bartels RHMA 3
Author information
1. Department of Orthopaedics, Leiden University Medical Center, Leiden, The Netherlands.
Eur J Cancer, 104:81-90, 10 Oct 2018
Cited by: 38 articles | PMID: 30336360
Abstract
Spinal metastases are common in patients with cancer. A multidisciplinary working group developed a guideline.
"""

_PMC = """Skip to main content
An official website of the United States government
PMC Search
Search PMC Full-Text Archive
World J Clin Cases. 2021 Feb 16;9(5):1140–1147. doi: 10.12998/wjcc.v9.i5.1140
Perioperative death after surgery for spinal sarcomatoid carcinoma of unknown origin: A case report
Hai-Bin Wang 1, Tao Zhang 2
Author information
PMCID: PMC7896636  PMID: 33644180
Abstract
BACKGROUND
Spinal metastases are common in patients with malignancies.
Keywords: Spinal metastasis, Sarcomatoid carcinoma, Case report
INTRODUCTION
Spinal metastasis is the most common spinal tumor.
"""


def _without_first_line(page: str) -> str:
    return page.split("\n", 1)[1]


@pytest.mark.parametrize("page, site", [(_SEMANTIC_SCHOLAR, "Semantic Scholar"), (_RESEARCHGATE, "ResearchGate"),
                                        (_EUROPE_PMC, "Europe PMC"), (_PMC, "PubMed Central (PMC)")])
@pytest.mark.parametrize("cut", [False, True], ids=["whole", "without-header"])
def test_a_page_of_an_index_abroad_is_a_failure_naming_it(tmp_path, page, site, cut):
    """Told by the lines only that site shows (its name, its search box's prompt, its own
    buttons), its header line copied or not."""
    path = tmp_path / "page.txt"
    path.write_text(_without_first_line(page) if cut else page, encoding="utf-8")
    result, records, failures = clean_items(path)
    assert result.returncode != 0 and not records and len(failures) == 1, result.stdout
    reason = failures[0]["reason"]
    assert f"a page copied from {site}, a site this reader does not read" in reason
    if "PMC" in site:   # its paper is on PubMed, whose page and MEDLINE export are read
        assert "PubMed page" in reason and "MEDLINE" in reason
    else:
        assert "RIS or BibTeX" in reason


@pytest.mark.parametrize("page", [_SPRINGER, _PMC])
def test_the_failure_names_the_sites_whose_pages_are_read(tmp_path, page):
    """As the README lists them: CNKI, VIP, Wanfang, Baidu Xueshu, and the Chinese sites in their layout."""
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    _, _, (failure,) = clean_items(path)
    for site in ("CNKI", "VIP", "Wanfang", "Baidu Xueshu", "中华医学期刊全文数据库", "SinoMed", "超星", "Airiti"):
        assert site in failure["reason"], site
