"""Known funders as data: canonical English name, Crossref Funder ID, and the ways records write them.

A record's funder text is matched against ``patterns`` (regular expressions, case-
insensitive, searched in the funder text as written); the first entry that matches
wins, so more specific entries come first.  Funder IDs are Crossref Funder Registry
DOIs; ``None`` where the registry id was not confirmed.  ``aliases`` are names a reader
types for a funder (its acronym, a short form) that records rarely write: ``funder:NSFC``
finds every record of the foundation by them (:func:`search_names`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..charsets import is_han
from .places import PROVINCES  # (where a provincial foundation is: its table's keys and names)


@dataclass(frozen=True)
class Funder:
    name: str
    funder_id: str | None
    patterns: tuple[str, ...]
    aliases: tuple[str, ...] = ()


# An acronym joined by a dash to a capitalised name is another's ("MRC-Holland", a company making
# MLPA kits; "JSPS-Tanaka Fund"), but not to the funder's own programme ("ERC-Starting Grant",
# "ERC-Advanced Grant", "JSPS-Postdoctoral Fellowship")
_NOT_ANOTHERS = (r"(?!-(?!(?:Starting|Advanced|Consolidator|Synergy|Proof|Postdoctoral|Research|Grants?|Fellows?"
                 r"|Fellowships?|Programmes?|Programs?|Funding|Funded)\b)[A-Z][a-z])")

FUNDERS: tuple[Funder, ...] = (
    Funder("National Natural Science Foundation of China", "10.13039/501100001809",
           (r"国家自然科学基金", r"國家自然科學基金", r"national natural science foundation of china",
            r"^(?:the )?natural science foundation of china$", r"^nsfc\b", r"\bnsfc\b", r"national nature science foundation of china",
            r"national natural science fund of china", r"nnsf of china", r"^nnsfc?\b",
            r"国家自然基金", r"(?:chinese|china) national natural science foundation",
            # short forms Chinese papers write: "National Natural Science Foundation (81702662)"
            r"^(?:the )?national natural science foundation$", r"^(?:the )?national science foundation of china$"),
           ("NSFC", "国家自然基金")),
    Funder("National Key Research and Development Program of China", "10.13039/501100012166",
           # "R&D", "R & D", "R and D"; "Research & Development"
           (r"国家重点研发计划", r"national key r\s*(?:&|and)\s*d (?:program|project|plan)",
            r"national key research (?:and|&) development (?:program|project|plan)"),
           ("National Key R&D Program of China",)),
    Funder("National Social Science Fund of China", "10.13039/501100012456",
           (r"国家社会科学基金", r"国家社科基金", r"national social science fund", r"national social science foundation"),
           ("国家社科基金",)),
    # (registry ids of the next three not confirmed)
    Funder("Strategic Priority Research Program of the Chinese Academy of Sciences", None,
           (r"中国科学院战略性先导科技专项", r"中科院战略性先导科技专项",
            r"strategic priority research program of (?:the )?chinese academy of sciences",
            r"chinese academy of sciences(?:'s)? strategic priority research program")),
    Funder("China Scholarship Council", None,
           (r"国家留学基金", r"china scholarship council")),
    Funder("Guangdong Basic and Applied Basic Research Foundation", None,
           (r"广东省基础与应用基础研究基金", r"guangdong basic and applied basic research foundation")),
    Funder("China Postdoctoral Science Foundation", "10.13039/501100002858",
           (r"中国博士后科学基金", r"china postdoctoral science foundation")),
    Funder("Fundamental Research Funds for the Central Universities", "10.13039/501100012226",
           (r"中央高校基本科研业务费", r"fundamental research funds? for (?:the )?central universities")),
    Funder("National Basic Research Program of China (973 Program)", None,
           (r"国家重点基础研究发展计划", r"973\s*计划", r"973 program", r"national basic research program of china")),
    Funder("National High-tech Research and Development Program of China (863 Program)", None,
           (r"国家高技术研究发展计划", r"863\s*计划", r"863 program", r"national high[- ]tech(?:nology)? r")),
    # (acronyms case-sensitive: "NIA", not "Nia Foundation"; nor a cell line's name, "NCI-H460")
    *(Funder(name, funder_id, (rf"(?-i:^(?=.*\bNIH\b).*\b{acronym}\b|^{acronym}\b)(?!-[A-Z]?\d)", re.escape(name.lower())),
             (acronym,))
      for acronym, name, funder_id in (
          # NIH institutes, as MEDLINE and PubMed write the agency ("NIMH NIH HHS") and by name (the
          # registry ids as funders' metadata in DataCite and Crossref records give them by name, or
          # as the institute's ROR record gives its FundRef id: NICHD, NEI, NIAAA, NIAMS, NIDCR,
          # NIDCD; NIEHS as a JATS funding group names it; None where none was found here)
          ("NCI", "National Cancer Institute", "10.13039/100000054"),
          ("NHLBI", "National Heart, Lung, and Blood Institute", "10.13039/100000050"),
          ("NIAID", "National Institute of Allergy and Infectious Diseases", "10.13039/100000060"),
          ("NIGMS", "National Institute of General Medical Sciences", "10.13039/100000057"),
          ("NINDS", "National Institute of Neurological Disorders and Stroke", "10.13039/100000065"),
          ("NIMH", "National Institute of Mental Health", "10.13039/100000025"),
          ("NIDDK", "National Institute of Diabetes and Digestive and Kidney Diseases", "10.13039/100000062"),
          ("NICHD", "Eunice Kennedy Shriver National Institute of Child Health and Human Development", "10.13039/100000071"),
          ("NIA", "National Institute on Aging", "10.13039/100000049"),
          ("NIEHS", "National Institute of Environmental Health Sciences", "10.13039/100000066"),
          ("NEI", "National Eye Institute", "10.13039/100000053"),
          ("NIDA", "National Institute on Drug Abuse", "10.13039/100000026"),
          ("NIAAA", "National Institute on Alcohol Abuse and Alcoholism", "10.13039/100000027"),
          ("NCATS", "National Center for Advancing Translational Sciences", "10.13039/100006108"),
          ("NHGRI", "National Human Genome Research Institute", "10.13039/100000051"),
          ("NIAMS", "National Institute of Arthritis and Musculoskeletal and Skin Diseases", "10.13039/100000069"),
          ("NIDCR", "National Institute of Dental and Craniofacial Research", "10.13039/100000072"),
          ("NINR", "National Institute of Nursing Research", None),
          ("NIDCD", "National Institute on Deafness and Other Communication Disorders", "10.13039/100000055"),
          ("NIBIB", "National Institute of Biomedical Imaging and Bioengineering", "10.13039/100000070"),
          ("NLM", "National Library of Medicine", None))),
    # Taiwan's ministry (2014-2022), by name (not China's ministry, also "MOST"), the council before
    # it (NSC, to 2014) and after it (NSTC, since 2022); a grant number of their shape names them
    # too ("MOST 108-2314-B-002-001", "NSC 99-2314-B-002-001", fields.funding.funding_entry)
    *(Funder(f"{name} (Taiwan)", None,
             (rf"{name.lower()},? \(?(?:of )?taiwan\)?", rf"{name.lower()},? r\.? ?o\.? ?c\b", rf"taiwan(?:'s)? {name.lower()}"))
      for name in ("Ministry of Science and Technology", "National Science Council", "National Science and Technology Council")),
    # the UK's NIHR, by its name since 2022 and before ("National Institute for Health Research"),
    # its programmes and centres too ("NIHR Biomedical Research Centre"); not the NIH (id: the
    # fundRef an ISRCTN trial record gives the institute by its name, as a paper's funding line does)
    Funder("National Institute for Health and Care Research", "10.13039/501100000272",
           (r"national institute for health (?:and care )?research", r"(?-i:\bNIHR\b)"),
           ("NIHR", "National Institute for Health Research")),
    # the EU's European Research Council and the UK's Medical Research Council, by name and by their
    # acronyms opening the name (the council's "ERC Starting Grant", "the MRC"; not an "ERC" or
    # "MRC" inside another's name, "NSF Engineering Research Center (ERC)"); not another country's
    # medical research council ("National Health and Medical Research Council", Australia's; "South
    # African Medical Research Council"; "… Council of Canada"); a glued "ERC-2017-STG 757588", the
    # call before the grant, is the ERC's too (ACRONYMS, below); an acronym joined by a dash to a
    # name is another's ("MRC-Holland", a company making MLPA kits)
    Funder("European Research Council", "10.13039/501100000781",
           (r"european research council", rf"(?-i:^(?:the\s+)?ERC\b{_NOT_ANOTHERS})"), ("ERC",)),
    Funder("Medical Research Council", "10.13039/501100000265",
           (r"^(?:the\s+)?(?:uk\s+|u\.k\.\s+|british\s+)?medical research council\b(?!\s+of\b)",
            rf"(?-i:^(?:the\s+)?(?:UK\s+)?MRC\b{_NOT_ANOTHERS})"), ("MRC",)),
    # Japan's JSPS, by name and acronym ("JSPS KAKENHI", its Grants-in-Aid for Scientific Research),
    # and by its programme's name alone ("KAKENHI Grant Number JP19K12345", as JSPS asks its grants
    # be written without its acronym too); not another's KAKENHI ("MEXT KAKENHI": the ministry's)
    Funder("Japan Society for the Promotion of Science", "10.13039/501100001691",
           (r"japan society for (?:the )?promotion of science", rf"(?-i:\bJSPS\b{_NOT_ANOTHERS})",
            r"(?-i:^(?:the\s+)?KAKENHI\b)"), ("JSPS",)),
    # Sweden's ALF, the agreement between the state and the regions on doctors' training and
    # clinical research (Avtal om Läkarutbildning och Forskning; its English name as Region Skåne
    # and Lund University give it): its funds by the acronym alone or with their word ("ALF grant",
    # "ALF-medel", "the ALF agreement"), not an acronym inside another's name ("American Liver
    # Foundation (ALF)"); id not confirmed in the sandbox's search index
    Funder("Medical Training and Research Agreement (ALF)", None,
           (r"(?-i:^ALF(?:[- ](?:medel|grants?|funds?|funding|agreement|project)s?)?$)", r"(?-i:\bALF[- ]agreement\b)",
            r"avtal(?:et)? om läkarutbildning och forskning", r"medical training and research agreement"),
           ("ALF", "ALF-medel")),
    # European research funders written with an acronym in their own language that is no initials of
    # their English name ("Austrian Science Fund (FWF)", "Czech Science Foundation (GAČR)"): an
    # acronym the table lists is the funder's own before its number ("FWF 31234": 31234), other
    # letters there its programme's code (the DFG's "GRK 2062", "SFB 1234"; fields.funding._coded_award).
    # (ids as the funders' metadata in DataCite records give them; None where not confirmed here)
    Funder("German Research Foundation", "10.13039/501100001659",
           (r"deutsche forschungsgemeinschaft", r"german research foundation", rf"(?-i:\bDFG\b{_NOT_ANOTHERS})"), ("DFG",)),
    Funder("Austrian Science Fund", "10.13039/501100002428",
           (r"austrian science fund", r"fonds zur förderung der wissenschaftlichen forschung", rf"(?-i:\bFWF\b{_NOT_ANOTHERS})"),
           ("FWF",)),
    Funder("Research Foundation Flanders", None,
           (r"research foundation[- ]+flanders", r"fonds wetenschappelijk onderzoek", rf"(?-i:\bFWO\b{_NOT_ANOTHERS})"),
           ("FWO",)),
    Funder("Czech Science Foundation", None,
           (r"czech science foundation", r"grantov[aá] agentura [čc]esk[eé] republiky", rf"(?-i:\bGA[ČC]R\b{_NOT_ANOTHERS})"),
           ("GACR", "GAČR")),
    # (NIH glued to the name Web of Science writes after it, "NIHUnited States …"; not the UK's
    # NIHR, above)
    Funder("National Institutes of Health", "10.13039/100000002",
           (r"national institutes of health", r"(?-i:\bNIH\b|^NIH(?=[A-Z][a-z]))"), ("NIH",)),
    # companies whose names hold "and" (or "&"): each is one funder of a list after a statement's
    # grants ("…, and by Procter and Gamble", "…, Merck Sharp and Dohme, and Pfizer"; a name
    # followed by another "and" is such a list, not the company); ids not confirmed here
    Funder("Merck Sharp & Dohme", None, (r"^(?:the )?merck,? sharp (?:&|and) dohme\b(?!.*\band\b)",)),
    Funder("Procter & Gamble", None, (r"^(?:the )?procter (?:&|and) gamble\b(?!.*\band\b)",)),
    Funder("Johnson & Johnson", None, (r"^johnson (?:&|and) johnson\b(?!.*\band\b)",)),
    Funder("Eli Lilly and Company", None, (r"^eli lilly (?:&|and) company\b(?!.*\band\b)",)),
    Funder("Merck & Co.", None, (r"^merck (?:&|and) co\b\.?(?!.*\band\b)",)),
    Funder("Smith & Nephew", None, (r"^smith (?:&|and) nephew\b(?!.*\band\b)",)),
    # (a foundation named by its founders, "…, and by Bill and Melinda Gates": one funder, not
    # "Bill" and "Melinda Gates"; not another "… Gates Trust")
    Funder("Bill and Melinda Gates Foundation", None,
           (r"^(?:the )?bill (?:&|and) melinda gates(?: foundation)?\b(?!\s+trust)(?!.*\band\b)",)),
)

# The acronyms known funders are searched by ("NSFC", "NIHR", "NCI"): one glued to a grant's
# number names its funder ("NIHR200123", the NIHR's own form; fields.funding._numbered_funder).
ACRONYMS: frozenset[str] = frozenset(a for f in FUNDERS for a in f.aliases if re.fullmatch(r"[A-Z]{2,6}", a))

# NIH's institutes and centres by the two letters for them in a grant's number ("R01 CA123456",
# "ZIA HL006123"); an intramural division's own letters (NCI's BC, CP) name none.
NIH_INSTITUTE_CODES: dict[str, str] = {
    "CA": "NCI", "HL": "NHLBI", "AI": "NIAID", "GM": "NIGMS", "NS": "NINDS", "MH": "NIMH", "DK": "NIDDK",
    "HD": "NICHD", "AG": "NIA", "ES": "NIEHS", "EY": "NEI", "DA": "NIDA", "AA": "NIAAA", "TR": "NCATS",
    "HG": "NHGRI", "AR": "NIAMS", "DE": "NIDCR", "NR": "NINR", "DC": "NIDCD", "EB": "NIBIB", "LM": "NLM"}

# Provincial natural science foundations: canonical name and confirmed Crossref ids.
PROVINCIAL_NSF: dict[str, tuple[str, str | None]] = {
    "Beijing": ("Beijing Natural Science Foundation", "10.13039/501100004826"),
    "Zhejiang": ("Natural Science Foundation of Zhejiang Province", "10.13039/501100004731"),
    "Jiangsu": ("Natural Science Foundation of Jiangsu Province", "10.13039/501100004608"),
    "Guangdong": ("Natural Science Foundation of Guangdong Province", "10.13039/501100003453"),
    "Hunan": ("Natural Science Foundation of Hunan Province", "10.13039/501100004735"),
    "Shandong": ("Natural Science Foundation of Shandong Province", "10.13039/501100007129"),
    # municipalities, autonomous regions and special administrative regions are no provinces
    # (their ids not confirmed)
    "Tianjin": ("Natural Science Foundation of Tianjin", None),
    "Shanghai": ("Natural Science Foundation of Shanghai", None),
    "Chongqing": ("Natural Science Foundation of Chongqing", None),
    "Inner Mongolia": ("Natural Science Foundation of Inner Mongolia", None),
    "Guangxi": ("Natural Science Foundation of Guangxi Zhuang Autonomous Region", None),
    "Tibet": ("Natural Science Foundation of Tibet Autonomous Region", None),
    "Ningxia": ("Natural Science Foundation of Ningxia Hui Autonomous Region", None),
    "Xinjiang": ("Natural Science Foundation of Xinjiang Uygur Autonomous Region", None),
    "Hong Kong": ("Natural Science Foundation of Hong Kong", None),
    "Macao": ("Natural Science Foundation of Macao", None),
}
# Municipalities: their foundations are written 北京市自然科学基金, not 省.
MUNICIPALITIES = frozenset({"Beijing", "Tianjin", "Shanghai", "Chongqing"})

_ZH_PROVINCIAL = re.compile(r"^(" + "|".join(sorted(PROVINCES, key=len, reverse=True))
                            + r")(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?自然科学基金")
_EN_PROVINCIAL = re.compile(
    r"(?:natural science foundation of (?P<a>[a-z ]+?)"
    r"(?: province| municipality| city|(?: uygur| uyghur| zhuang| hui)? autonomous region)?{china}$"
    r"|(?P<b>[a-z ]+?) (?:provincial |municipal )?natural science foundation{china}$)"
    # the country after the name: "of China", ", China" (WoS and CNKI English), ", P. R. China"
    .format(china=r"(?: of china|, (?:p\. ?r\. ?)?china)?"), re.IGNORECASE)
_EN_PROVINCE_NAMES = {v.lower(): v for v in PROVINCES.values()}


def _provincial(text: str) -> tuple[str, str | None] | None:
    m = _ZH_PROVINCIAL.match(text)
    province = PROVINCES[m.group(1)] if m else None
    if province is None:
        m = _EN_PROVINCIAL.search(text.strip())
        if m:
            province = _EN_PROVINCE_NAMES.get((m.group("a") or m.group("b") or "").strip().lower())
    if province is None:
        return None
    return _provincial_funder(province)


def _provincial_funder(province: str) -> tuple[str, str | None]:
    return PROVINCIAL_NSF.get(province, (f"Natural Science Foundation of {province} Province", None))


def _provincial_search_names():
    """(canonical name, Chinese name, aliases) of the foundations of provinces and municipalities.
    Autonomous regions and special administrative regions get none: records write them both
    long and short (广西壮族自治区自然科学基金, 广西自然科学基金), and a name searched finds only one."""
    for zh, province in PROVINCES.items():
        name = _provincial_funder(province)[0]
        if province in MUNICIPALITIES:
            yield name, f"{zh}市自然科学基金", ()
        elif name.endswith(" Province"):
            yield name, f"{zh}省自然科学基金", (f"{province} Provincial Natural Science Foundation",)


def chinese_name(name: str) -> str | None:
    """A known funder's Chinese name, by its canonical name (the first of its patterns written
    in Chinese characters alone; a provincial foundation's as 浙江省自然科学基金): a record
    written in English is found by it too.

    >>> chinese_name("National Natural Science Foundation of China"), chinese_name("Some Private Trust")
    ('国家自然科学基金', None)
    >>> chinese_name("Natural Science Foundation of Zhejiang Province"), chinese_name("Beijing Natural Science Foundation")
    ('浙江省自然科学基金', '北京市自然科学基金')
    """
    return _CHINESE_NAMES.get(name)


def search_names(name: str) -> tuple[str, ...]:
    """The names besides its own that a known funder is searched by (``funder:``), by its
    canonical name: its Chinese name and its aliases.

    >>> search_names("National Natural Science Foundation of China")
    ('国家自然科学基金', 'NSFC', '国家自然基金')
    >>> search_names("Natural Science Foundation of Jiangsu Province"), search_names("Some Private Trust")
    (('江苏省自然科学基金', 'Jiangsu Provincial Natural Science Foundation'), ())
    """
    return tuple(n for n in (chinese_name(name), *_ALIASES.get(name, ())) if n)


def part_of(name: str) -> tuple[str, ...]:
    """The names of the funder a known funder is part of, by its canonical name: a search for
    that funder finds it (``funder:"National Institutes of Health"`` the NCI's grants, which a
    grant's number names: "NIH grant P30 CA016672" is the NCI's).

    >>> part_of("National Cancer Institute"), part_of("National Institutes of Health")
    (('National Institutes of Health', 'NIH'), ())
    """
    return _WITHIN.get(name, ())


_CHINESE_NAMES = {f.name: name for f in FUNDERS
                  if (name := next((p for p in f.patterns if p and all(map(is_han, p))), None))}
_CHINESE_NAMES.update((name, zh) for name, zh, _ in _provincial_search_names())
_ALIASES = {f.name: f.aliases for f in FUNDERS if f.aliases}
# The funder a known funder is part of, by its names (:func:`part_of`).
_WITHIN = {f.name: ("National Institutes of Health", "NIH") for f in FUNDERS
           if set(f.aliases) & set(NIH_INSTITUTE_CODES.values())}
_ALIASES.update((name, aliases) for name, _, aliases in _provincial_search_names() if aliases)


def is_known_funder(text: str) -> bool:
    """Whether text names a funder of our table (with or without an id; one written as we
    name it too, which normalise_funder gives back unchanged as it does an unknown one).

    >>> is_known_funder("Merck & Co."), is_known_funder("NSFC"), is_known_funder("Some Private Trust")
    (True, True, False)
    """
    return any(re.search(p, text, re.IGNORECASE) for funder in FUNDERS for p in funder.patterns) or bool(
        _provincial(text))


def normalise_funder(text: str) -> tuple[str, str | None]:
    """Return (canonical name, Crossref funder id) for funder text; unknown funders are kept as written.

    >>> normalise_funder("国家自然科学基金资助项目")
    ('National Natural Science Foundation of China', '10.13039/501100001809')
    >>> normalise_funder("浙江省自然科学基金")
    ('Natural Science Foundation of Zhejiang Province', '10.13039/501100004731')
    >>> normalise_funder("Natural Science Foundation of Jiangsu Province, China")
    ('Natural Science Foundation of Jiangsu Province', '10.13039/501100004608')
    >>> normalise_funder("National Key R and D Program of China")
    ('National Key Research and Development Program of China', '10.13039/501100012166')
    >>> normalise_funder("重庆市自然科学基金")
    ('Natural Science Foundation of Chongqing', None)
    >>> normalise_funder("新疆维吾尔自治区自然科学基金")
    ('Natural Science Foundation of Xinjiang Uygur Autonomous Region', None)
    >>> normalise_funder("Some Private Trust")
    ('Some Private Trust', None)
    >>> normalise_funder("NIHR")[0], normalise_funder("NIH/NHLBI")[0]
    ('National Institute for Health and Care Research', 'National Heart, Lung, and Blood Institute')
    """
    for funder in FUNDERS:
        if any(re.search(p, text, re.IGNORECASE) for p in funder.patterns):
            return funder.name, funder.funder_id
    prov = _provincial(text)
    if prov:
        return prov
    return text, None
