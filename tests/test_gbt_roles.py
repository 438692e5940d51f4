"""Contributors' roles in GB/T 7714 reference lists, as a Chinese humanities list writes them:
the 等 that cuts off a list of translators or editors (``于晓, 陈维纲, 等译``), the role words
after a name before the title (``司马迁撰``, ``(南朝宋)裴骃集解``), and the contributors after
the title (``王星贤, 点校.``, ``黎靖德, 编.``), read, kept and exported."""
from __future__ import annotations

import json

from conftest import records_of, rendered

MORE = """[1][德]马克斯·韦伯.新教伦理与资本主义精神[M].于晓,陈维纲,等译.北京:生活·读书·新知三联书店,1987.
[2]李华, 等主编.中国通史[M].北京:中华书局,2000.
"""


def _records(tmp_path, text: str) -> list[dict]:
    path = tmp_path / "refs.txt"
    path.write_text(text, encoding="utf-8")
    return records_of(path)


def test_a_cut_off_list_of_translators_or_editors_names_no_one_et_al(tmp_path):
    translated, edited = _records(tmp_path, MORE)
    assert translated["extra"]["translator"] == ["于晓", "陈维纲", "et al."]   # as an author list keeps it
    assert edited["extra"]["editor"] == ["李华", "et al."]
    ris = rendered([translated, edited], "ris")
    assert "A4  - 于晓\nA4  - 陈维纲\n" in ris and "A2  - 李华\n" in ris
    assert "A4  - 等" not in ris and "et al" not in ris
    endnote = rendered([edited], "endnote")
    assert "%E 李华\n" in endnote and "et al" not in endnote
    for fmt in ("bibtex", "biblatex"):   # BibTeX's own word for more names
        bib = rendered([translated, edited], fmt)
        assert "translator = {{于晓} and {陈维纲} and others}" in bib
        assert "editor = {{李华} and others}" in bib
    csl = json.loads(rendered([translated, edited], "csl-json"))
    assert csl[0]["translator"] == [{"literal": "于晓"}, {"literal": "陈维纲"}]
    assert csl[1]["editor"] == [{"literal": "李华"}]
    assert "Li H, et al., editors." in rendered([edited], "vancouver")
    assert "于晓, 陈维纲, 等, 译." in rendered([translated], "gbt7714")


AUTHORS = """[1](汉)司马迁撰,(南朝宋)裴骃集解.史记[M].北京:中华书局,1959.
[2]许厚泽, 赵其国, 编著.地球科学[M].北京:科学出版社,2000.
[3]张注.题名[J].刊名,2001,3(2):1-5.
"""


def test_an_author_s_role_word_is_no_part_of_the_name_and_is_written_back(tmp_path):
    shiji, edited, zhang = _records(tmp_path, AUTHORS)
    assert [a["literal"] for a in shiji["authors"]] == ["司马迁", "裴骃"]
    assert shiji["extra"]["author_roles"] == {"司马迁": "撰", "裴骃": "集解"}
    assert shiji["extra"]["author_nationality"] == {"司马迁": "汉", "裴骃": "南朝宋"}
    assert edited["extra"]["author_roles"] == {"许厚泽": "编著", "赵其国": "编著"}
    assert [a["literal"] for a in zhang["authors"]] == ["张注"]   # a name of two characters
    gbt = rendered([shiji, edited, zhang], "gbt7714")
    assert "（汉）司马迁撰, （南朝宋）裴骃集解. 史记[M]." in gbt
    assert "许厚泽, 赵其国, 编著. 地球科学[M]." in gbt and "张注. 题名[J]." in gbt
    assert [a["literal"] for a in json.loads(rendered([shiji], "csl-json"))[0]["author"]] == ["司马迁", "裴骃"]


AFTER_TITLE = """[1](宋)朱熹.朱子语类[M].王星贤,点校.北京:中华书局,1986.
[2](宋)黎靖德,编.朱子语类[M].王星贤,点校.北京:中华书局,1986.
[3](宋)朱熹.朱子语类[M].黎靖德,编.王星贤,点校.北京:中华书局,1986.
[4](汉)司马迁.史记[M].(南朝宋)裴骃,集解.北京:中华书局,1959.
"""


def test_contributors_after_the_title_are_kept_and_written_back(tmp_path):
    records = _records(tmp_path, AFTER_TITLE)
    one, two, three, four = records
    assert [a["literal"] for a in one["authors"]] == ["朱熹"]
    assert (one["extra"]["editor"], one["extra"]["editor_roles"]) == (["王星贤"], {"王星贤": "点校"})
    # the book by its compiler, whose word is kept as an author's
    assert [a["literal"] for a in two["authors"]] == ["黎靖德"] and two["extra"]["author_roles"] == {"黎靖德": "编"}
    assert three["extra"]["editor_roles"] == {"黎靖德": "编", "王星贤": "点校"}
    assert [a["literal"] for a in four["authors"]] == ["司马迁", "裴骃"]
    assert four["extra"]["author_roles"] == {"裴骃": "集解"}
    assert four["extra"]["author_nationality"] == {"司马迁": "汉", "裴骃": "南朝宋"}
    gbt = rendered(records, "gbt7714").splitlines()
    assert gbt[0] == "[1] （宋）朱熹. 朱子语类[M]. 王星贤, 点校. 北京: 中华书局, 1986."
    assert gbt[1] == "[2] （宋）黎靖德, 编. 朱子语类[M]. 王星贤, 点校. 北京: 中华书局, 1986."
    assert gbt[2] == "[3] （宋）朱熹. 朱子语类[M]. 黎靖德, 编. 王星贤, 点校. 北京: 中华书局, 1986."
    assert gbt[3] == "[4] （汉）司马迁, （南朝宋）裴骃集解. 史记[M]. 北京: 中华书局, 1959."
    back = tmp_path / "back"
    back.mkdir()
    assert [r["extra"].get("editor_roles") for r in _records(back, "\n".join(gbt) + "\n")] == \
        [r["extra"].get("editor_roles") for r in records]   # read back as written


GLUED = """[1] 王立注, 李华. 现代汉语语法研究[M]. 北京: 商务印书馆, 2010.
[2] 张国辑, 李明. 中国近代史研究[J]. 历史研究, 2019(3): 1-10.
[3] (汉)郑玄注. 礼记正义[M]. 北京: 北京大学出版社, 1999.
[4] (清)王念孙辑. 广雅疏证[M]. 南京: 江苏古籍出版社, 1984.
"""


def test_a_modern_name_ending_in_zhu_or_ji_is_whole_and_a_dynasty_marked_ones_word_is_its_role(tmp_path):
    # 注 and 辑 glued to any name of two characters were split off it: 王立注 became 王立 (注)
    modern, article, annotated, compiled = _records(tmp_path, GLUED)
    assert [a["literal"] for a in modern["authors"]] == ["王立注", "李华"]
    assert [a["literal"] for a in article["authors"]] == ["张国辑", "李明"]
    assert "author_roles" not in modern["extra"] and "author_roles" not in article["extra"]
    assert [a["literal"] for a in annotated["authors"]] == ["郑玄"]
    assert annotated["extra"]["author_roles"] == {"郑玄": "注"}
    assert compiled["extra"]["author_roles"] == {"王念孙": "辑"}
