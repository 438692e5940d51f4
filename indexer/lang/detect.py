"""Language of a text field: by script first, langdetect (seeded) only where script cannot tell.

langdetect is slow (5-10 ms a call) and wrong on short Chinese text (it answers ``ko``),
so Han text is decided by script alone: Han without kana/hangul is Chinese, with a kana
letter Japanese, with a hangul syllable Korean.  Latin text full of English function words
is English without asking langdetect either.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..charsets import CYRILLIC, GREEK
from ..repair.constants import HAN, HANGUL, KANA

_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_POSSESSIVE = re.compile(r"[A-Za-z]['’]s\b")
_NON_ENGLISH_LETTER = re.compile("[\u00c0-\u024f]")
# Frequent English function words: enough of them settles a Latin text as English.
ENGLISH_WORDS = frozenset("""
a an and are as at be by for from has have in into is it its of on or that the their this to was were
which with we our not between after during among these than was were been using based study effect effects
""".split())
# ... but these are words of other languages too ("in" German, Italian, Dutch; "a" Italian,
# French; "was" German; "is", "we" Dutch): in a text with a function word English lacks,
# and no English-only one, they count for nothing ("Die Alterung der Gesellschaft und der Generationenkonflikt in
# Europa" is not English; "LARYNGEAL ADENOCARCINOMA IN A DOG" is).
AMBIGUOUS_WORDS = frozenset("a an as at be in is it on or to was we not effect".split())
# Function words of German, French, Italian, Spanish, Portuguese, Dutch and the Nordic
# languages that English titles do not write ("de novo", "van der Waals", "von Willebrand",
# "El Niño", "en bloc", "per cent" are why de, van, der, von, el, en, per are not here).
FOREIGN_WORDS = frozenset("""
und für mit zur zum dem bei über auf nach durch eine einer einem eines les du pour dans sur avec aux une
il gli dei delle della del nel nella degli los las para por una sobre het een voor met bij naar tussen
og och på för ett från em uma dos com
""".split())
# A kana letter or a hangul syllable marks Japanese or Korean: Chinese text writes neither
# (none of the corpora's Chinese fields holds one).  Not ・ or ー, which Chinese borrows.
_KANA_LETTER = re.compile("[\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff]")
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")
# A Chinese gloss in brackets after an English term: "Acupuncture (针刺) for chronic low back pain".
_HAN_GLOSS = re.compile(f"[(（][{HAN}]+[)）]")
# Chinese function characters: Chinese text among English terms has them ("基于YOLOv5的…",
# "IL-6在…中的作用"); a Chinese term quoted in English ("Effects of 黄芪 on immunity") has none.
_CHINESE_FUNCTION = re.compile("[的在与和及对于为是了之其从]")
_HAN_WORD = re.compile(f"[{HAN}]{{5}}")   # Han longer than a term
# Function words of the Latin-script languages a record may declare, none of them an English
# word ("die", "in", "an", "for" are left out): a title with one is in the declared language.
DECLARED_WORDS = {
    "de": frozenset("der das und für mit von zur zum des dem den im ein eine einer eines bei über auf nach "
                    "zwischen durch vom".split()),
    "fr": frozenset("le la les des du et pour dans sur une avec par aux au entre chez".split()),
    "it": frozenset("il lo la gli le dei delle della del di per nel nella con una degli tra".split()),
    "es": frozenset("el la los las del y en con para por una entre sobre".split()),
    "pt": frozenset("os da das dos em com para por uma entre sobre na".split()),
    "nl": frozenset("de het een van en voor met bij naar op tussen".split()),
    "is": frozenset("og í á um að við með frá fyrir sem".split()),
    "sv": frozenset("och för med av om en ett vid till från".split()),
    "no": frozenset("og på med av om ved til fra".split()),
    "da": frozenset("og på med af om ved til fra".split()),
}
# How records declare them: ISO 639-1 and -2 codes, English and native names.
DECLARED_NAMES = {
    "de": ("de", "ger", "deu", "german", "deutsch"), "fr": ("fr", "fre", "fra", "french", "français"),
    "it": ("it", "ita", "italian", "italiano"), "es": ("es", "spa", "spanish", "español"),
    "pt": ("pt", "por", "portuguese", "português"), "nl": ("nl", "dut", "nld", "dutch", "nederlands"),
    "is": ("is", "ice", "isl", "icelandic", "íslenska"), "sv": ("sv", "swe", "swedish", "svenska"),
    "no": ("no", "nb", "nn", "nor", "nob", "nno", "norwegian", "norsk", "bokmål", "nynorsk"),
    "da": ("da", "dan", "danish", "dansk"),
    "ru": ("ru", "rus", "russian", "русский"), "uk": ("uk", "ukr", "ukrainian", "українська"),
    "el": ("el", "gre", "ell", "greek", "ελληνικά"),
    "ja": ("ja", "jpn", "japanese", "日本語"), "ko": ("ko", "kor", "korean", "한국어"),
    "zh": ("zh", "chi", "zho", "chinese", "中文"),
}
# Languages langdetect takes one for the other, written much alike: of a record declaring
# Norwegian, a title langdetect is sure is Danish ("Usynlige byer", da 0.99999) is Norwegian.
CONFUSED = {"no": "da", "da": "no"}
# What a record declares that names no one language (EndNote's "Flerspråklig" before the
# languages it holds, ISO 639-2's "mul"): passed over for the languages declared after it.
MULTILINGUAL = frozenset({"mul", "multilingual", "multiple languages", "flerspråklig", "flerspråkleg",
                          "mehrsprachig", "multilingue", "plurilingue", "多语种"})
# The script of a declared language that is not written in Latin letters: the declaration names
# the language of a text mostly in it (Russian or Ukrainian, which langdetect may confuse).
_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_GREEK = re.compile(f"[{GREEK}]")
DECLARED_SCRIPTS = {"ru": _CYRILLIC, "uk": _CYRILLIC, "el": _GREEK}
# Letters beyond a-z each declared Latin-script language writes: a short title with one of them
# and no letter its language lacks ("Cáncer de pulmón") is in the declared language.
DECLARED_LETTERS = {
    "de": "äöüß", "fr": "àâæçéèêëîïôœùûüÿ", "it": "àèéìíîòóùú", "es": "áéíñóúü", "pt": "áâãàçéêíóôõú",
    "nl": "áàéèëïóöü", "is": "áæðéíóöúýþ", "sv": "åäöé", "no": "åæøéèóòâô", "da": "åæøé",
}


def script_counts(text: str) -> dict[str, int]:
    return {"han": len(_HAN.findall(text)), "kana": len(_KANA.findall(text)),
            "hangul": len(_HANGUL.findall(text)), "latin_words": len(_LATIN_WORD.findall(text))}


def detect_language(text: str, declared: str | None = None) -> str:
    """ISO 639-1 code of a text: 'zh', 'ja', 'ko', 'en', another code from langdetect, or 'und'.

    ``declared``, the record's declared language (see :func:`declared_language`), decides
    among Latin-script languages (see :func:`_latin_language`), names Han alone Japanese or
    Korean, and Cyrillic or Greek text its language; never against the script.

    >>> detect_language("移动实时嵌套事务的并发控制")
    'zh'
    >>> detect_language("基于 WGCNA 算法的基因共表达网络构建理论及其 R 软件实现")
    'zh'
    >>> detect_language("Al2O3-MgO-Cr2O3浇注料"), detect_language("Use of 中药 in hospitals in the UK and Europe")
    ('zh', 'en')
    >>> detect_language("胃癌手術後の QOL"), detect_language("韓國語 교육의 現況")
    ('ja', 'ko')
    >>> detect_language("Effects of 黄芪 on immunity")
    'en'
    >>> detect_language("Acupuncture (针刺) for chronic low back pain")
    'en'
    >>> detect_language("Eigentumsverfassung und Finanzkrise", declared="de")
    'de'
    >>> detect_language("高齢者医療制度改革研究", declared="ja"), detect_language("高齢者医療制度改革研究")
    ('ja', 'zh')
    >>> detect_language("肺癌的诊断与治疗进展", declared="ja")
    'zh'
    >>> detect_language("Влияние пандемии COVID-19 на экономику России")
    'ru'
    >>> detect_language("Effects of Romantic Involvement on Adolescents")
    'en'
    >>> detect_language("2021, 42(4)")
    'und'
    """
    if not text:
        return "und"
    c = script_counts(text)
    if c["han"] and c["latin_words"]:
        unglossed = _HAN_GLOSS.sub(" ", text)
        if unglossed != text and _LATIN_WORD.search(unglossed):
            return detect_language(unglossed, declared)
        if _english_with_chinese_term(text, c):
            return _latin_language(text, declared)
    kana = len(_KANA_LETTER.findall(text))   # not ・ or ー ("约翰・冯・诺依曼传" is Chinese)
    if kana >= 2 and kana * 4 >= c["han"] * 1:
        return "ja"
    if c["hangul"] >= 2 and c["hangul"] >= c["han"]:
        return "ko"
    # Han among Latin formulae and acronyms ("Al2O3-MgO-Cr2O3浇注料", "固体13C、29Si CP/MAS NMR")
    # is Chinese; a Chinese term quoted in a long English text (3 Latin words a Han) is not.
    cjk = c["han"] + c["kana"] + c["hangul"]
    if cjk and (cjk >= c["latin_words"] or (cjk >= 2 and cjk * 3 >= c["latin_words"])):
        lang = cjk_language(text)
        # Han alone is Chinese by script, but kanji or hanja in a record declaring Japanese or
        # Korean (高齢者医療制度改革研究, 韓國敎育史硏究); not simplified Chinese (肺癌的诊断)
        return declared if lang == "zh" and declared in ("ja", "ko") and not simplified_chinese(text) else lang
    # Cyrillic or Greek with a Latin acronym or two ("Влияние пандемии COVID-19 на экономику России")
    if c["latin_words"] == 0 or _mostly_other_letters(text):
        return _other_script(text, declared)
    return _latin_language(text, declared)


def kana_share(text: str) -> float:
    """The share of kana letters among a text's Han and kana letters (0 without either).

    >>> kana_share("本稿では、高齢者医療制度の改革について検討する。") > 0.3, kana_share("列夫・托尔斯泰")
    (True, 0.0)
    """
    kana, han = len(_KANA_LETTER.findall(text)), len(_HAN.findall(text))
    return kana / (kana + han) if kana else 0.0


def cjk_language(text: str) -> str:
    """Text in Han (or kana, hangul): Japanese for a kana letter, Korean for a hangul
    syllable (whichever there are more of), else Chinese.

    >>> cjk_language("肺癌の診断"), cjk_language("朝鮮時代 書院의 敎育")
    ('ja', 'ko')
    >>> cjk_language("列夫・托尔斯泰")   # the katakana middle dot Chinese borrows
    'zh'
    """
    kana, hangul = len(_KANA_LETTER.findall(text)), len(_HANGUL_SYLLABLE.findall(text))
    if kana or hangul:
        return "ja" if kana >= hangul else "ko"
    return "zh"


@lru_cache(maxsize=1)
def _simplified_only() -> frozenset[str]:
    """The characters of simplified Chinese that Japanese and Korean do not write: OpenCC's
    simplified forms outside Shift-JIS's and EUC-KR's character sets (诊, 疗, 进, 华; not 医, 国,
    会, 机, which Japanese writes too)."""
    from ..charsets import simplified_table

    def encodes(char: str, codec: str) -> bool:
        try:
            char.encode(codec)
        except UnicodeEncodeError:
            return False
        return True

    table = simplified_table()
    traditional = {chr(code) for code in table}
    return frozenset(char for char in set(table.values()) - traditional
                     if not encodes(char, "cp932") and not encodes(char, "euc_kr"))


def simplified_chinese(text: str) -> bool:
    """Whether Han text is written in simplified Chinese, which a declared Japanese or Korean
    does not make Japanese or Korean: it has a character of simplified Chinese alone.

    >>> simplified_chinese("肺癌的诊断与治疗进展"), simplified_chinese("高齢者医療制度改革研究"), simplified_chinese("韓國敎育史硏究")
    (True, False, False)
    """
    simplified = _simplified_only()
    return any(char in simplified for char in text)


def _english_with_chinese_term(text: str, counts: dict[str, int]) -> bool:
    """English quoting a Chinese term: an English function word, no Chinese one, Han words
    of four characters at most ("中华肿瘤杂志 Chinese Journal of Oncology" is a Chinese title
    with its translation) and no more Han than Latin words.

    >>> _english_with_chinese_term("The 中医 approach to pain", script_counts("The 中医 approach to pain"))
    True
    >>> t = "基于CNN、LSTM和Transformer的NLP模型"
    >>> _english_with_chinese_term(t, script_counts(t))
    False
    """
    if _CHINESE_FUNCTION.search(text) or _HAN_WORD.search(text) or counts["han"] > counts["latin_words"]:
        return False
    # not "a", which a Chinese text writes as a letter (A型, 维生素a)
    return any(w.lower() in ENGLISH_WORDS and w.lower() != "a" for w in _LATIN_WORD.findall(text))


_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")   # Vietnamese: Latin Extended Additional


def _mostly_other_letters(text: str) -> bool:
    """Whether a text has more letters of another script than Latin ones (Cyrillic or Greek with
    a Latin acronym: its Latin words are too few to say anything).

    >>> _mostly_other_letters("Диагностика рака легкого с помощью КТ и PET"), _mostly_other_letters("Aβ1-42 in plasma")
    (True, False)
    """
    letters = _LETTER.findall(text)
    latin = len(_LATIN_LETTER.findall(text))
    cjk = len(_HAN.findall(text)) + len(_KANA.findall(text)) + len(_HANGUL.findall(text))
    return len(letters) - latin - cjk > latin


def _other_script(text: str, declared: str | None = None) -> str:
    """Text in another script (Cyrillic, Greek, Arabic, Thai …): the declared language when
    the text is mostly in its script, else langdetect's answer; 'und' for text without
    letters or that langdetect cannot read.

    >>> _other_script("Платформенная занятость: масштабы и признаки неустойчивости"), _other_script("2021, 42(4)")
    ('ru', 'und')
    >>> _other_script("Зайнятість і мотивація", "uk"), _other_script("Зайнятість і мотивація", "el")
    ('uk', 'uk')
    """
    letters = _LETTER.findall(text)
    script = DECLARED_SCRIPTS.get(declared)
    if script and len(script.findall(text)) * 2 > len(letters):
        return declared
    if len(letters) < 4:
        return "und"
    code, probability = _langdetect(text[:1000])
    return code if probability >= 0.5 else "und"


def _latin_language(text: str, declared: str | None = None) -> str:
    """English, unless langdetect is sure of another language, or the text has function
    words of the record's declared language and no English-only one.

    >>> _latin_language("Exploring small data's tactical consequences")     # langdetect: ca 1.0
    'en'
    >>> _latin_language("Renal tumour imaging: potential clinical uses")    # it 0.86
    'en'
    >>> _latin_language("Rischio cardiovascolare nei pazienti diabetici")
    'it'
    >>> _latin_language("Die Alterung der Gesellschaft und der Generationenkonflikt in Europa")
    'de'
    >>> _latin_language("ERUCISM IN A COCKER-SPANIEL", "de"), _latin_language("Do castrated Dogs die earlier?", "de")
    ('en', 'en')
    >>> _latin_language("Cáncer de pulmón"), _latin_language("Évaluation de la qualité"), _latin_language("Sjögren syndrome")
    ('es', 'fr', 'en')
    """
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    # a possessive 's ("data's", "Alzheimer's") counts as an English function word, and so
    # does "&" among letters English has ("diagnostic tests, advantages, & limitations")
    english_only = sum(w in ENGLISH_WORDS and w not in AMBIGUOUS_WORDS for w in words)
    english_only += len(_POSSESSIVE.findall(text))
    if not _NON_ENGLISH_LETTER.search(text):
        english_only += text.count(" & ")
    # Web of Science declares German for a title it gives in English: the declaration
    # counts only for a text with that language's own function words.
    if not english_only and DECLARED_WORDS.get(declared, frozenset()) & set(words):
        return declared
    function = english_only
    if english_only or not FOREIGN_WORDS.intersection(words):
        function += sum(w in AMBIGUOUS_WORDS for w in words)
    if function >= 1 and function * 12 >= len(words):
        return "en"
    if len(words) < 5:
        # names, acronyms, keywords: too short to tell; English is the best guess (langdetect errs
        # on short English titles), unless the record declares a language the text is written in,
        # or the text writes letters English lacks in words that are no names (_foreign_letters)
        if _written_in(text, declared):
            return declared
        if not _foreign_letters(text):
            return "en"
        code, probability = _langdetect(text[:1000])
        letters = set(_NON_ENGLISH_LETTER.findall(text.lower()))
        return code if code not in ("en", "und") and letters <= set(DECLARED_LETTERS.get(code, letters)) else "en"
    code, probability = _langdetect(text[:1000])
    # On short English titles without function words langdetect wavers between Latin-script
    # languages (it 0.57 / en 0.43 for "HPV DNA testing: Potential clinical applications");
    # text in another language is nearly always answered with certainty, or has letters
    # English lacks (Búsáhaldabyltingin).
    if code != "en" and probability < 0.9 and not _NON_ENGLISH_LETTER.search(text):
        return "en"
    return declared if declared and code == CONFUSED.get(declared) else code


def _foreign_letters(text: str) -> bool:
    """Whether a short Latin-script text writes letters English lacks in two words at least, one
    of them in lower case: a text in another language ("Cáncer de pulmón", "Évaluation de la
    qualité"), not an English one naming a person or a place ("Sjögren syndrome", "Crohn's
    disease in Zürich", "Gómez-Pérez method").

    >>> _foreign_letters("Avaliação da função renal"), _foreign_letters("Straßenverkehrsunfälle bei älteren Fußgängern")
    (True, True)
    >>> _foreign_letters("Sjögren syndrome"), _foreign_letters("Gómez-Pérez method"), _foreign_letters("naïve T cells")
    (False, False, False)
    """
    marked = [w for w in _LATIN_WORD.findall(text) if _NON_ENGLISH_LETTER.search(w)]
    return len(marked) >= 2 and any(w[0].islower() for w in marked)


def _written_in(text: str, declared: str | None) -> bool:
    """Whether a short Latin-script text is written in the declared language: its letters
    English lacks are that language's ("Cáncer de pulmón" Spanish, not German), or, with
    none, langdetect is sure of it ("Lungenkrebs"; not "Cavalier King Charles Spaniel", which
    Web of Science declares Dutch).  Such letters in one capitalised word among others may be
    a name's only: Scopus declares the paper's language beside the English title it gives
    ("Guillain-Barré syndrome" LA Spanish, "Müller glia regeneration" LA German), so they are
    taken in two words at least, or in a word in lower case, or in the text's only word.

    >>> _written_in("Cáncer de pulmón", "es"), _written_in("Cáncer de pulmón", "de"), _written_in("Lungenkrebs", "de")
    (True, False, True)
    >>> _written_in("Cavalier King Charles Spaniel", "nl"), _written_in("Lungenkrebs", None)
    (False, False)
    >>> _written_in("Guillain-Barré syndrome", "es"), _written_in("Müller glia regeneration", "de")
    (False, False)
    >>> _written_in("Cancer gástrico", "es"), _written_in("Cáncer", "es")
    (True, True)
    >>> _written_in("Usynlige byer", "no"), _written_in("Usynlige byer", "sv")
    (True, False)
    """
    letters = DECLARED_LETTERS.get(declared)
    if letters is None:
        return False
    foreign = set(_NON_ENGLISH_LETTER.findall(text.lower()))
    if foreign:
        words = _LATIN_WORD.findall(text)
        marked = [w for w in words if _NON_ENGLISH_LETTER.search(w)]
        return foreign <= set(letters) and (len(marked) >= 2 or len(words) == 1 or any(w.islower() for w in marked))
    code, probability = _langdetect(text[:1000])
    return code in (declared, CONFUSED.get(declared)) and probability >= 0.9


def declared_language(values) -> str | None:
    """The language a record declares (``extra.language``) as an ISO 639-1 code: a
    Latin-script language, Russian, Ukrainian, Greek, Chinese, Japanese or Korean; None when
    it declares none of :data:`DECLARED_NAMES`, or several.  After a value saying "multilingual" the languages follow, the main one first
    (a library catalogue's ``%G Flerspråklig``, ``%G Norsk (Bokmål)``, ``%G Dansk``).

    >>> declared_language(["ger"]), declared_language(["Deutsch"]), declared_language(["isl"])
    ('de', 'de', 'is')
    >>> declared_language(["jpn"]), declared_language(["Russian"]), declared_language(["gre"])
    ('ja', 'ru', 'el')
    >>> declared_language(["Flerspråklig, Norsk (Bokmål), Italiensk, Dansk"]), declared_language(["chi"])
    (None, 'zh')
    >>> declared_language(["Flerspråklig", "Norsk (Bokmål)", "Italiensk", "Dansk"]), declared_language(["Norsk", "Dansk"])
    ('no', None)
    """
    named = [v for v in values if str(v).strip().lower() not in MULTILINGUAL]
    if len(named) < len(values):   # "multilingual", then the languages: the first is the main one
        named = named[:1]
    found = {code for value in named for code, names in DECLARED_NAMES.items()
             if _language_name(value) in names}
    return found.pop() if len(found) == 1 and len(named) == 1 else None


def _language_name(value) -> str:
    """A declared language as :data:`DECLARED_NAMES` lists it: lower case, without a region
    (``en-US``) or a written form in brackets (``Norsk (Bokmål)``).

    >>> _language_name("Norsk (Bokmål)"), _language_name("en-US"), _language_name(" ger ")
    ('norsk', 'en', 'ger')
    """
    return re.sub(r"\s*\(.*\)\s*$", "", str(value).strip().lower()).split("-")[0]


def langdetect_reads(text: str, lang: str) -> bool:
    """Whether langdetect's most probable language of a text is ``lang`` (a short name's
    language is checked so, never taken from langdetect alone).

    >>> langdetect_reads("Revue des Maladies Respiratoires", "fr"), langdetect_reads("Lung Cancer", "fr")
    (True, False)
    """
    return _langdetect(text[:1000])[0] == lang


def foreign_language(text: str) -> str | None:
    """The language of a Latin-script text of five words or more and no English-only function
    word when langdetect is all but sure it is not English: a title in brackets after its
    English translation, "Arbeiten in der Crowd: Perspektiven der Theorie …", whose "in"s
    :func:`detect_language` counts as English's; None otherwise.

    >>> foreign_language("Arbeiten in der Crowd: Perspektiven der Theorie relationaler Ungleichheiten")
    'de'
    >>> foreign_language("Screening in a pediatric population"), foreign_language("J. Strategic Inf. Syst. 12")
    (None, None)
    """
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if len(words) < 5 or _POSSESSIVE.search(text) or any(w in ENGLISH_WORDS and w not in AMBIGUOUS_WORDS
                                                         for w in words):
        return None
    code, probability = _langdetect(text[:1000])
    return code if code not in ("en", "und") and probability >= 0.99 else None


def load_langdetect() -> None:
    """Load langdetect's language profiles (a second) unless loaded.  langdetect loads them
    on its first call, behind a bare ``except:`` that makes a Ctrl-C meanwhile its own error:
    :func:`_langdetect` answered 'und' for it, and langdetect kept the profiles it had read so
    far, so the run went on and took English for Polish.  Here an interrupted or failed load
    leaves no profiles (the next call loads them all) and the interrupt is raised as one.  An
    ingest loads them before its cleaning processes start, which then share them."""
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    if detector_factory._factory is not None:
        return
    try:
        detector_factory.init_factory()
    except BaseException as e:
        detector_factory._factory = None   # half-loaded: the next call starts again
        if isinstance(e, LangDetectException) and isinstance(e.__context__, KeyboardInterrupt):
            raise e.__context__ from None
        raise


@lru_cache(maxsize=4096)
def _langdetect(text: str) -> tuple[str, float]:
    """langdetect's most probable language and its probability (seeded: same text, same answer)."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    load_langdetect()   # not in the try below: an interrupted load is no text langdetect cannot read
    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    return ("zh" if best.lang.startswith("zh") else best.lang), best.prob


def is_cjk_name(text: str) -> bool:
    return bool(_HAN.search(text))
