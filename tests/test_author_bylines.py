"""A newspaper's byline (CNKI's 报纸 records): its role words (记者, 本报记者, 通讯员 …) are no
author's name, in every export that writes them: the person is the author, the role kept in
``extra.author_roles``."""
from __future__ import annotations

import pytest

from conftest import records_of

TITLE = "我国科研人员发现肺癌早筛新方法"
EXPORTS = {
    # CNKI's 自定义 / E-Study: one Author-作者 line, the role and the name set apart by a space
    "estudy.txt": ("SrcDatabase-来源库: 报纸\nTitle-题名: {t}\nAuthor-作者: 记者 张三;通讯员 李四;\n"
                   "Source-文献来源: 健康报\nYear-年: 2021\n", "记者", "通讯员"),
    # RIS: the role an AU line of its own
    "byline.ris": ("TY  - NEWS\nAU  - 记者\nAU  - 张三\nAU  - 通讯员\nAU  - 李四\nTI  - {t}\nT2  - 健康报\n"
                   "PY  - 2021\nER  - \n", "记者", "通讯员"),
    # GB/T 7714: a name of the list
    "gbt.txt": ("[1] 记者, 张三, 通讯员, 李四. {t}[N]. 健康报, 2021-03-15(004).\n", "记者", "通讯员"),
    # CNKI's EndNote: the role glued to the name in one %A
    "byline.enw": ("%0 Newspaper Article\n%A 本报记者 张三\n%A 通讯员李四\n%T {t}\n%J 健康报\n%D 2021\n\n",
                   "本报记者", "通讯员"),
}


@pytest.mark.parametrize("name", list(EXPORTS))
def test_a_byline_role_is_no_name(tmp_path, name):
    text, first, second = EXPORTS[name]
    path = tmp_path / name
    path.write_text(text.format(t=TITLE), encoding="utf-8")
    (record,) = records_of(path)
    assert [a.get("literal") for a in record["authors"]] == ["张三", "李四"]
    assert record["extra"]["author_roles"] == {"张三": first, "李四": second}


def test_names_that_begin_like_a_role_stay(tmp_path):
    path = tmp_path / "names.ris"
    path.write_text("TY  - JOUR\nAU  - 王建国\nAU  - 记者团\nTI  - 题名\nER  - \n", encoding="utf-8")
    (record,) = records_of(path)
    assert [a.get("literal") for a in record["authors"]] == ["王建国", "记者团"]
    assert "author_roles" not in record["extra"]


def test_a_role_no_name_follows_is_the_author(tmp_path):
    """本报评论员 over an editorial: the paper's commentator, its author (GB/T 7714 cites it so)."""
    path = tmp_path / "editorial.enw"
    path.write_text("%0 Newspaper Article\n%A 本报评论员\n%T 坚持在大局下行动\n%J 人民铁道\n%D 2019\n\n", encoding="utf-8")
    (record,) = records_of(path)
    assert record["authors"] == [{"literal": "本报评论员", "lang": "zh"}]


def test_an_organisation_named_with_a_role_word_stays_whole(tmp_path):
    """记者协会, 通讯员培训中心, 评论员工作室: an organisation, no role and a name (regression of
    a231e8d); nor does its first word become the next author's role."""
    path = tmp_path / "orgs.ris"
    path.write_text("TY  - NEWS\nAU  - 记者协会\nAU  - 记者之家编辑部\nAU  - 通讯员培训中心\nAU  - 评论员工作室\n"
                    "AU  - 王五\nTI  - 题名\nER  - \n", encoding="utf-8")
    (record,) = records_of(path)
    assert [a.get("literal") for a in record["authors"]] == ["记者协会", "记者之家编辑部", "通讯员培训中心",
                                                              "评论员工作室", "王五"]
    assert "author_roles" not in record["extra"]
