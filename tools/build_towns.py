"""Build ``src/marsad/lexicon/data/towns.tsv``: the cities and towns of the Arab world and
its neighbours, compiled from open factual sources (issue #23).

    python tools/build_towns.py [--shared ../shared] [--out src/marsad/lexicon/data/towns.tsv]

Sources (read in place from ``../shared/data``, never copied whole):

- ``world_cities_ar`` (jamsshhayd/world-cities-translations, from Wikidata; CC BY 4.0):
  Arabic and English city names, country, population;
- ``countries_mledoze`` (mledoze/countries; ODbL): English country name -> ISO alpha-3.

The Wikidata labels are noisy (Aden is labelled «فيروسات غدانية», Buraydah «ضليع رشيد»,
Al Hazm «نادي الحزم»), so a row is kept only when its Arabic name passes :func:`plausible`:
at most three words, no word of an institution, and a first consonant that matches the
English name's. Administrative prefixes («محافظة القطيف») come off, the full form stays as a
variant. Names the shipped lexicons already know (places.tsv, countries, people,
organisations) are left to them. Every row is flagged ``weak``: a compiled name is a place
only where the NER tags a place too (docs/lexicons.md), never a country mark on its own.
The source has no coordinates: lat/lon stay empty (places.tsv, curated, has them).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

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
""".split())
# First Arabic consonant -> the Latin letters an English transliteration may begin with.
FIRST = {"ا": "aeiou", "أ": "aeiou", "إ": "aeiou", "آ": "a", "ع": "aeiou`'", "ب": "b", "ت": "t",
         "ث": "t", "ج": "jgdy", "ح": "h", "خ": "kh", "د": "d", "ذ": "dz", "ر": "r", "ز": "z",
         "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "dz", "غ": "g", "ف": "f", "ق": "qgk",
         "ك": "kc", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "wvou", "ي": "yie", "ى": "a"}
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
    """Rows (names, name_en, country, population) in source order, one per Arabic name."""
    by_country = codes(shared)
    known = known_names()
    from marsad.lexicon.matcher import name_key
    seen: dict[str, int] = {}
    rows: list[tuple] = []
    with open(shared / "data/world_cities_ar/world-cities.csv", encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            code = by_country.get(r["CountryNameEn"])
            full, en = r["CityNameAr"].strip(), r["CityNameEn"].strip()
            name = core(full)
            if code not in COUNTRIES or full in WRONG or name in COMMON or not plausible(name, en):
                continue
            forms = [f for f in dict.fromkeys((name, full)) if name_key(f) not in known]
            if name_key(name) in known or not forms:
                continue  # the curated lexicons already name it
            if name_key(name) in seen:
                continue  # a second town of the same name: the more populous one stays
            seen[name_key(name)] = len(rows)
            rows.append(("|".join(forms), en.replace("`", "'"), code, int(float(r["Population"] or 0)) or ""))
    return rows


HEADER = """\
# GENERATED by tools/build_towns.py - do not edit; curate places.tsv instead (its rows win).
# Cities and towns of the Arab world and its neighbours. Names, English names and population
# from world_cities_ar (jamsshhayd/world-cities-translations, commit 4f746eb, from Wikidata),
# licensed CC BY 4.0; country codes via mledoze/countries (ODbL). Rows whose Arabic label does
# not fit the English name were dropped (see the script). No coordinates in the source.
# Every row is weak: a place only where the NER tags a place too.
names\tname_en\tcountry\tkind\tlabel\tlat\tlon\tmetonym\tflags\tpopulation
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src/marsad/lexicon/data/towns.tsv")
    args = parser.parse_args()
    rows = build(args.shared)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for names, en, code, population in rows:
            out.write(f"{names}\t{en}\t{code}\tcity\tLOC\t\t\t\tweak\t{population}\n")
    print(f"{len(rows)} towns -> {args.out}")


if __name__ == "__main__":
    main()
