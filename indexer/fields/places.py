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
