"""A PubMed abstract page copied with select all (Ctrl+A): the site's header (the .gov banner,
account menu, search bar, display options) comes before the citation line and its footer after
the page's lists.  Such a copy reads as the same record as the page's body alone."""
from __future__ import annotations

import json

import pytest

from indexer.readers import REGISTRY
from indexer.readers.base import sniff_reader

from test_reader_pubmed_page import REVIEW_PAGE, SPINE_PAGE, _clean

# What select all copies above the citation (Chrome, logged out)
HEADER = """\
Skip to main page content
An official website of the United States government
Here's how you know
The .gov means it’s official.
Federal government websites often end in .gov or .mil. Before sharing sensitive information, make sure \
you’re on a federal government site.

The site is secure.
The https:// ensures that you are connecting to the official website and that any information you \
provide is encrypted and transmitted securely.

Log in
Show account info
Close
Account
Logged in as:
username
Dashboard
Publications
Account settings
Log out
Access keys
NCBI Homepage
MyNCBI Homepage
Main Content
Main Navigation

Search:
Search
Advanced
Clipboard
User Guide
Save
Email
Send to
Display options
Display options
Format
Abstract
PubMed
PMID
"""

# ... and below the article: the sidebar's buttons, the page's lists, the site's footer
FOOTER = """\
Full text links
Wolters Kluwer
Cite
Share
Similar articles
Vertebroplasty for osteoporotic fractures: a meta-analysis.
Chen L, et al. Eur Spine J. 2019. PMID: 30123456
Cited by
References
Publication types
MeSH terms
Related information
LinkOut - more resources
Follow NCBI
Connect with NLM
National Library of Medicine
8600 Rockville Pike
Bethesda, MD 20894
Web Policies
FOIA
HHS Vulnerability Disclosure
Help
Accessibility
Careers
NLM
NIH
HHS
USA.gov
"""

# The Spine page's body up to its conflict statement: its lists are FOOTER's
SPINE_BODY = SPINE_PAGE[:SPINE_PAGE.index("Similar articles")]
# Firefox joins the header's short links into lines of their own; the source line on three lines
FIREFOX_HEADER = HEADER.replace("Access keys\nNCBI Homepage\nMyNCBI Homepage\nMain Content\nMain Navigation\n",
                                "Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation\n") \
                       .replace("Advanced\nClipboard\n", "Advanced Clipboard\n") \
                       .replace("Save\nEmail\nSend to\n", "Save Email Send to\n")


def _fields(rec: dict) -> dict:
    """A cleaned record but for where it was read from: its id (from its file) and its file and line."""
    fields = {k: v for k, v in rec.items() if k != "id"}
    fields["source"] = {k: v for k, v in rec["source"].items() if k not in ("path", "line")}
    return fields


def test_a_page_copied_with_its_chrome_is_the_same_record(tmp_path):
    [bare] = _clean(tmp_path, SPINE_PAGE, "bare.txt")
    [copied] = _clean(tmp_path, HEADER + SPINE_BODY + FOOTER, "copied.txt")
    assert copied["source"]["format"] == "pubmed-page"
    assert copied["source"]["source_id"] == "33587412"
    assert _fields(copied) == _fields(bare)
    text = json.dumps(copied, ensure_ascii=False)
    assert "Rockville" not in text and "official website" not in text and "Wolters Kluwer\"" not in text


def test_a_review_copied_with_its_chrome_keeps_its_type_and_grants(tmp_path):
    # the type above a source line a copy put on three lines
    review = REVIEW_PAGE.replace("Front Oncol. 2022 Feb 3;12:801234. doi: 10.3389/fonc.2022.801234. eCollection 2022.\n"
                                 "Review\n", "Review\nFront Oncol\n. 2022 Feb 3;12:801234.\n"
                                 "doi: 10.3389/fonc.2022.801234. eCollection 2022.\n")
    [bare] = _clean(tmp_path, review, "bare.txt")
    [copied] = _clean(tmp_path, FIREFOX_HEADER + review + FOOTER[FOOTER.index("Follow NCBI"):], "copied.txt")
    assert copied["source"]["format"] == "pubmed-page"
    assert copied["extra"]["source_type"] == "Review"
    assert _fields(copied) == _fields(bare)


def test_pages_copied_one_after_another_each_with_chrome(tmp_path):
    records = _clean(tmp_path, HEADER + SPINE_BODY + FOOTER + HEADER + REVIEW_PAGE + FOOTER[FOOTER.index("Follow"):])
    bare = _clean(tmp_path, SPINE_PAGE + "\n" + REVIEW_PAGE, "bare.txt")
    assert [r["source"]["source_id"] for r in records] == ["33587412", "35187123"]
    assert [_fields(r) for r in records] == [_fields(r) for r in bare]
    # the second page opens at its own header, not at its source line
    second = records[1]["source"]["line"]
    assert second == (HEADER + SPINE_BODY + FOOTER).count("\n") + 1


def test_page_with_chrome_is_told_from_its_head():
    assert sniff_reader(HEADER + SPINE_BODY + FOOTER, "page.txt").name == "pubmed-page"
    assert REGISTRY["pubmed-page"].sniff(FIREFOX_HEADER + "Review\n" + SPINE_PAGE) == 1.0


@pytest.mark.parametrize("head", [
    # generic words alone above a source line: no PubMed header
    "Abstract\nSearch\n" + SPINE_PAGE,
    # the header, then text that is no PubMed chrome before the source line
    HEADER + "My notes on kyphoplasty\n" + SPINE_PAGE,
    # the header above a citation with no PMID line
    HEADER + SPINE_PAGE[:SPINE_PAGE.index("PMID")],
    # a name after "Logged in as:" is one word; a sentence is no account name
    HEADER.replace("username", "see the paper below for details") + SPINE_PAGE,
])
def test_other_text_with_chrome_is_not_a_page(head):
    assert REGISTRY["pubmed-page"].sniff(head) == 0.0


# The header's logo's text, and the sidebar's full text links above the citation (a narrow window
# lays it out there): a publisher's link between the heading and the heading again
LOGO_AND_LINKS_HEADER = HEADER.replace("Log in\n", "NIH NLM Logo\nLog in\n") + \
    "Full text links\nElsevier Science\nFull text links\n"


def test_a_page_with_the_logo_and_full_text_links_above_its_citation_is_a_page(tmp_path):
    [bare] = _clean(tmp_path, SPINE_PAGE, "bare.txt")
    [copied] = _clean(tmp_path, LOGO_AND_LINKS_HEADER + SPINE_BODY + FOOTER, "copied.txt")
    assert copied["source"]["format"] == "pubmed-page"
    assert _fields(copied) == _fields(bare)
    records = _clean(tmp_path, (LOGO_AND_LINKS_HEADER + SPINE_BODY + FOOTER) * 2, "twice.txt")
    assert [r["source"]["source_id"] for r in records] == ["33587412", "33587412"]


def test_the_affiliations_heading_again_under_expand_is_no_affiliation(tmp_path):
    page = SPINE_PAGE.replace("Affiliations\n", "Affiliations\nExpand\nAffiliations\n")
    [bare] = _clean(tmp_path, SPINE_PAGE, "bare.txt")
    [rec] = _clean(tmp_path, page)
    assert "Affiliations" not in rec["extra"]["affiliations"]
    assert _fields(rec) == _fields(bare)
