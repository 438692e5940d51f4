"""Places in an affiliation: whether an address ends where an affiliation does, at its country
or postcode ("…, Boston, MA 02114, USA.", "…, Beijing 100191"), so that the next line of a
tag holding several is another affiliation, not the rest of this one wrapped."""
from __future__ import annotations

import re

# Countries as affiliations write them: the UN's short names, and the forms in use (USA, UK,
# PR China, The Netherlands, England, 中国 …).
_NAMES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina|Botswana|Brazil|Brunei|Brunei Darussalam|Bulgaria|Burkina Faso|Burundi|
Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|
Comoros|Congo|Costa Rica|Cote d'Ivoire|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czech Republic|Czechia|
Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|
Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|
Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Korea|Kosovo|Kuwait|
Kyrgyzstan|Laos|Lao PDR|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|
Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|
Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Samoa|San Marino|Sao Tome and Principe|
Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|
Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|
Tajikistan|Tanzania|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|United States|
United States of America|USA|US|Uruguay|Uzbekistan|Vanuatu|Vatican City|Venezuela|Vietnam|Viet Nam|
Yemen|Zambia|Zimbabwe|Hong Kong|Macau|Macao|Puerto Rico|Greenland|England|Scotland|Wales|
Northern Ireland|中国|中华人民共和国|美国|英国|日本|韩国|德国|法国|加拿大|澳大利亚|新加坡
"""
COUNTRIES = frozenset(name.strip().lower() for name in _NAMES.replace("\n", "").split("|"))
# A postcode closing an address: "MA 02114", "California 94080", "100191", "K1A 0B1", "WC1E 6BT".
_POSTCODE = re.compile(r"(?<![\w-])(?:\d{4,6}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$")
# What may follow the country: a full stop, e-mail addresses ("USA. tgolde@ufl.edu").
_AFTER = re.compile(r"(?:[\s.;,]|\S+@\S+)*$")


def ends_an_address(text: str) -> bool:
    """Whether an affiliation's text ends as an address does, with its country or postcode
    (an e-mail address and a full stop may follow).

    >>> ends_an_address("Department of Radiology, Peking University Third Hospital, Beijing, China")
    True
    >>> ends_an_address("Massachusetts General Hospital, Boston, MA 02114, USA. smith@mgh.harvard.edu.")
    True
    >>> ends_an_address("Athena Neurosciences, Inc., South San Francisco, California 94080.")
    True
    >>> ends_an_address("Department of Orthopaedic Surgery, Massachusetts General Hospital, Harvard")
    False
    >>> ends_an_address("Department of Biochemistry, St. Mary's Hospital Medical School, London, U.K.")
    True
    """
    text = text[:_AFTER.search(text).start()]
    if _POSTCODE.search(text):
        return True
    last = re.split(r"[,，;；]", text)[-1].strip()
    words = last.replace(".", "").split()
    # the country's words at the end ("PR China", "Republic of Korea", "United States of America")
    return any(" ".join(words[-n:]).lower() in COUNTRIES for n in range(1, min(len(words), 4) + 1))


# The states of the US as an address writes them after its city ("New York, NY", "Bethesda,
# Maryland"), and the District of Columbia.
US_STATES = frozenset(name.lower() for name in """
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND
OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC Alabama Alaska Arizona Arkansas California Colorado
Connecticut Delaware Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()) | {
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "rhode island",
    "south carolina", "south dakota", "west virginia", "district of columbia"}
# China's provinces (and municipalities, autonomous regions, Hong Kong, Macao) as written in
# Chinese → English (fields.funders names their foundations by them).
PROVINCES: dict[str, str] = {
    "北京": "Beijing", "天津": "Tianjin", "上海": "Shanghai", "重庆": "Chongqing", "河北": "Hebei",
    "山西": "Shanxi", "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang", "江苏": "Jiangsu",
    "浙江": "Zhejiang", "安徽": "Anhui", "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong",
    "河南": "Henan", "湖北": "Hubei", "湖南": "Hunan", "广东": "Guangdong", "海南": "Hainan",
    "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan", "陕西": "Shaanxi", "甘肃": "Gansu",
    "青海": "Qinghai", "台湾": "Taiwan", "内蒙古": "Inner Mongolia", "广西": "Guangxi", "西藏": "Tibet",
    "宁夏": "Ningxia", "新疆": "Xinjiang", "香港": "Hong Kong", "澳门": "Macao",
}

_PROVINCE_NAMES = frozenset(name.lower() for name in PROVINCES.values())
# A company's legal form, written after its name and a comma or "and" ("Pfizer, Inc.", "Merck and
# Co.", "Bayer AG"): no place, nor a name of its own (fields.funding).
LEGAL_FORM = re.compile(r"(?:Inc|Co|Company|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|AG|GmbH|S\.?A|plc|PLC|B\.?V|K\.?K"
                        r"|N\.?V|S\.?p\.?A)\.?")


def is_place(text: str) -> bool:
    """Whether text is a place alone: a country, a US state or a Chinese province ("Germany",
    "NY", "Hubei", "Guangdong Province"; "Zhejiang Provinces" of "Guangdong and Zhejiang Provinces").

    >>> is_place("Germany"), is_place("P. R. China"), is_place("NY"), is_place("Hubei Province"), is_place("Leverkusen")
    (True, True, True, True, False)
    """
    name = _place_name(text)
    return name in COUNTRIES or name in US_STATES or re.sub(r" provinces?$", "", name) in _PROVINCE_NAMES


# A city: one to three capitalised words, none an organisation's ("Foundation", "Province" …).
_CITY = re.compile(r"(?-i:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")
_NOT_A_CITY = re.compile(r"\b(?:Foundation|Fund|Trust|Council|Institute|Institutes|Universit\w*|College|School|"
                         r"Hospital|Cent(?:er|re)|Department|Ministry|Agency|Program\w*|Province|Society|Association|"
                         r"Academy|Commission|Office|Inc|Ltd|Research|Science|Sciences|Health)\b")
_COMMA = re.compile(r"\s*,\s*")


def split_place(name: str) -> tuple[str, str]:
    """(the name, the place after it) of a name that ends where it is: a city and its state or
    country, or a state and its country (", New York, NY", ", Stockholm, Sweden", ", Bethesda,
    MD, USA"); a country alone is no place but the name's ("Ministry of Science and Technology,
    Taiwan" is not China's ministry).

    >>> split_place("Research to Prevent Blindness, New York, NY")
    ('Research to Prevent Blindness', 'New York, NY')
    >>> split_place("Cancer Research UK, London, U.K."), split_place("Ministry of Science and Technology, Taiwan")
    (('Cancer Research UK', 'London, U.K.'), ('Ministry of Science and Technology, Taiwan', ''))
    >>> split_place("Natural Science Foundation of Jiangsu Province, China"), split_place("Y Foundation, Z Trust, UK")
    (('Natural Science Foundation of Jiangsu Province, China', ''), ('Y Foundation, Z Trust, UK', ''))
    """
    commas = list(_COMMA.finditer(name))
    parts = [name[a:b] for a, b in zip([0] + [m.end() for m in commas], [m.start() for m in commas] + [len(name)])]
    n = len(parts)
    country = n > 1 and _place_name(parts[n - 1]) in COUNTRIES
    n -= country
    state = n > 1 and _place_name(parts[n - 1]) in US_STATES
    n -= state
    if n > 1 and _CITY.fullmatch(parts[n - 1]) and not _NOT_A_CITY.search(parts[n - 1]) and (country or state):
        n -= 1
    elif not (country and state):  # (a city, its state or country: two of them)
        return name, ""
    return name[:commas[n - 1].start()], name[commas[n - 1].end():]


def _place_name(part: str) -> str:
    """A country's or state's name as the tables hold it: "U.K." is "uk", "P. R. China" and
    "Republic of Korea" are "china" and "korea"."""
    return re.sub(r"^(?:the |(?:people'?s )?republic of |p ?r )", "", re.sub(r"\s+", " ", part.replace(".", "")).strip().lower())
