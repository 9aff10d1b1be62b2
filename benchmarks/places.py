"""How many place mentions the gazetteer resolves, on SaudiNewsNet articles (issue #23).

    python benchmarks/places.py [--n 300] [--top 40] [--sample FILE.tsv --sample-size 100]

Runs the whole pipeline over ``--n`` articles spread over the corpus (all outlets and
years) and counts, for every mention of a LOC entity: whether the entity has a country,
and whether it has coordinates (the entity's ``lat``/``lon``, else a place of the article,
``record.places``, overlapping the mention: «منطقة عسير» over the entity's «عسير»). A
mention with no country whose entity carries a region code («الشرق الأوسط» middle_east,
«البحر الأحمر» red_sea), or whose name the gazetteer lists with no country («القدس», left
without a country on purpose), is counted apart as a known region. Prints the shares, the
time of the whole run, how many unresolved mentions the lexicon knows as a person or
organisation (the NER read them as places: «الأناضول» the agency, «لاتسيو» the club), and
the most frequent LOC names left without a country. ``--sample`` writes a random sample of
resolved mentions (name, country, English name, coordinates, the words around it) for a
hand check; ``--unresolved`` one of the mentions left without a country, to tell the
gazetteer's gaps from the NER's misreadings by hand.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import saudinewsnet  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--top", type=int, default=40, help="unresolved names to list (default 40)")
    parser.add_argument("--sample", type=Path, help="write a sample of resolved mentions here (TSV)")
    parser.add_argument("--sample-size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--unresolved", type=Path, help="write a sample of unresolved mentions here (TSV)")
    args = parser.parse_args()

    from marsad.lexicon.loader import Lexicon
    from marsad.lexicon.matcher import name_key
    from marsad.model import Article
    from marsad.pipeline.build import load, run

    nlp = load()
    lex = Lexicon.load()
    regions = {name_key(n) for p in lex.places if not p.country for n in p.names}
    regions |= {name_key(c.name) for c in lex.countries if c.kind == "region"}
    articles = [Article(text=a["content"], title=a.get("title"), outlet=a.get("source"),
                        published=(a.get("date_extracted") or "")[:10] or None)
                for a in saudinewsnet(args.n, spread=True)]
    total = with_country = with_coords = region = 0
    unresolved: Counter[str] = Counter()
    left = []  # unresolved mentions, with the words around them
    resolved = []
    start = time.perf_counter()
    for article in articles:
        record = run(nlp, article)
        places = sorted(record.places, key=lambda p: p.start)
        for e in record.entities:
            if e.label != "LOC":
                continue
            for m in e.mentions:
                if m.field == "title":
                    continue
                total += 1
                # the article's place over this mention («منطقة عسير» over «عسير»)
                place = next((p for p in places if p.start < m.end and m.start < p.end), None)
                coords = e.lat is not None or place is not None and place.lat is not None
                with_country += bool(e.country)
                with_coords += coords
                if not e.country and (e.region or _known(m.text, regions, name_key)):
                    region += 1
                elif not e.country:
                    unresolved[m.text] += 1
                    left.append((m.text, record.text[max(0, m.start - 40):m.end + 40].replace("\n", " ")))
                else:
                    text = record.text
                    lat, lon = (e.lat, e.lon) if e.lat is not None else (place.lat, place.lon) if coords else ("", "")
                    resolved.append((m.text, e.country, e.name_en or "", lat, lon,
                                     text[max(0, m.start - 40):m.end + 40].replace("\n", " ")))
    seconds = time.perf_counter() - start
    print(f"{len(articles)} SaudiNewsNet articles (spread), {seconds:.1f} s, {total} LOC mentions")
    print(f"  with a country:     {with_country:6d}  {100 * with_country / max(total, 1):5.1f} %")
    print(f"  known region/sea:   {region:6d}  {100 * region / max(total, 1):5.1f} %  (no single country)")
    print(f"  country or region:  {with_country + region:6d}  {100 * (with_country + region) / max(total, 1):5.1f} %")
    print(f"  with coordinates:   {with_coords:6d}  {100 * with_coords / max(total, 1):5.1f} %")
    actors = lex.matcher(("organizations", "people"))
    misread = sum(n for name, n in unresolved.items() if actors.lookup(name) or actors.lookup(name[1:]))
    print(f"  no country, a person or organisation in the lexicon (an NER misreading): {misread}")
    print(f"most frequent LOC names with no country ({sum(unresolved.values())} mentions):")
    for name, count in unresolved.most_common(args.top):
        print(f"  {count:4d}  {name}")
    if args.sample:
        rng = random.Random(args.seed)
        rows = rng.sample(resolved, min(args.sample_size, len(resolved)))
        with open(args.sample, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["name", "country", "name_en", "lat", "lon", "context", "right"])
            w.writerows(rows)
        print(f"wrote {len(rows)} resolved mentions to {args.sample}")
    if args.unresolved:
        rows = random.Random(args.seed).sample(left, min(args.sample_size, len(left)))
        with open(args.unresolved, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["name", "context", "kind"])
            w.writerows(rows)
        print(f"wrote {len(rows)} unresolved mentions to {args.unresolved}")


def _known(text: str, regions: set[str], name_key) -> bool:
    """Is ``text`` (or it without a proclitic: «لبحر الأحمر» keeps the «ل» of «للبحر»)
    a region the gazetteer names?"""
    return name_key(text) in regions or (text[:1] in "وفبل" and name_key(text[1:]) in regions) \
        or name_key("ا" + text) in regions


if __name__ == "__main__":
    main()
