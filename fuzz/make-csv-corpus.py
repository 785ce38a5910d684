#!/usr/bin/env python3
"""Builds fuzz/corpus-csv-importer/ and fuzz/csv-importer.dict, the seeds and dictionary of the csv-importer target.

Run from the repository root: python3 fuzz/make-csv-corpus.py. The output is committed. Seeds are the first rows of
the UCDP test fixtures (tests/ConflictModel.Tests/Interop/TestData, CC BY 4.0, see its README) written as the CSV
each importer reads, long texts clipped, and variants a careless export produces (CRLF, semicolons, tabs, a missing
or repeated column, number forms the importers refuse); ACLED rows are invented, as in AcledImportTests.
"""
import csv
import gzip
import io
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus-csv-importer")
DATA = os.path.join(ROOT, "tests", "ConflictModel.Tests", "Interop", "TestData")
GED_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name",
    "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country",
    "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]
ACLED_HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
ACLED_ROWS = [
    "XMPL1,2025-10-09,2025,2,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Pakistan (2018-),,1,,,0,10,,4,Caucasus and Central Asia,Afghanistan,Example Province,Example District,,Example Town,34.5000,69.2000,2,Example News; Example Radio,National,(invented) An air strike.,3,,1760000000",
    "XMPL2,9 October 2025,2025,1,Political violence,Battles,Armed clash,Example Rebel Group,,Rebel group,Military Forces of Pakistan (2018-),,State forces,12,,586,Southern Asia,Pakistan,Example Province,,,Example Village,33.1,70.1,1,Example News,National,(invented) A clash.,0,,1760000001",
    "XMPL3,2025-10-01,2025,3,Demonstrations,Protests,Peaceful protest,Protesters (Pakistan),Example Union; Example Students,6,,,0,60,,586,Southern Asia,Pakistan,Example Province,,,Example City,33.7,73.0,3,Example Radio,Subnational,\"(invented) A protest, \"\"small\"\".\",0,crowd size=small,1760000002",
]


def write(name, text):
    data = text.encode("utf-8")
    assert len(data) < 8192, (name, len(data))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def csv_text(header, rows, sep=",", newline="\n"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "") for c in header])
    return buffer.getvalue()


def clip(value, limit=40):
    return value[:limit] if isinstance(value, str) else value


def afl_token(token):
    """AFL++ dictionary syntax: printable ASCII as is, \\ and \" escaped, every other byte as \\xNN."""
    out = []
    for b in token.encode("utf-8"):
        c = chr(b)
        out.append("\\" + c if c in "\\\"" else c if 0x20 <= b < 0x7F else "\\x%02x" % b)
    return '"' + "".join(out) + '"'


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))

    with gzip.open(os.path.join(DATA, "ucdp-ged-23.1-car.geojson.gz"), "rt", encoding="utf-8") as f:
        features = json.load(f)["features"]
    ged = []
    for feature in features[:3] + [f for f in features if f["properties"]["source_office"]][:1]:
        row = {k: ("" if v is None else str(clip(v))) for k, v in feature["properties"].items()}
        row["longitude"], row["latitude"] = (str(c) for c in feature["geometry"]["coordinates"])
        row["geom_wkt"] = f"POINT ({row['longitude']} {row['latitude']})"
        ged.append(row)
    write("ged.csv", csv_text(GED_COLUMNS, ged))
    write("ged-crlf.csv", csv_text(GED_COLUMNS, ged[:2], newline="\r\n"))
    write("ged-semicolon.csv", csv_text(GED_COLUMNS, ged[:1], sep=";"))
    write("ged-tab.csv", csv_text(GED_COLUMNS, ged[:1], sep="\t"))
    write("ged-no-best.csv", csv_text([c for c in GED_COLUMNS if c != "best"], ged[:2]))
    empty_best = [dict(ged[0], best="")]
    write("ged-empty-best.csv", csv_text(GED_COLUMNS, empty_best))
    write("ged-best-twice.csv", csv_text(GED_COLUMNS + ["best"], ged[:1]))
    odd = [dict(ged[0], best="1e3", low="5.0", high="+5", deaths_a=" 5", deaths_b="0x10")]
    write("ged-number-forms.csv", csv_text(GED_COLUMNS, odd))
    write("ged-unknown-columns.csv", csv_text(GED_COLUMNS + ["note", "x"], [dict(ged[0], note="a\nb", x="\"")]))
    write("ged-api.json", json.dumps({"Result": [{k: v for k, v in ged[0].items() if k != "geom_wkt"}]}))
    write("ged-array-one-line.json", json.dumps([{"id": 1}, {"id": 2, "side_a": "Government of Chad"}]))

    with gzip.open(os.path.join(DATA, "ucdp-pad-22.1.csv.gz"), "rt", encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        pad_header = next(reader)
        pad = [dict(zip(pad_header, (clip(v, 30) for v in r))) for r in list(reader)[:3]]
    pad[1]["pa_3rd"] = "No"
    pad[2]["duration"] = "1975-01-01"
    write("pad.csv", csv_text(pad_header, pad))
    write("pad-crlf.csv", csv_text(pad_header, pad[:1], newline="\r\n"))

    write("acled.csv", ACLED_HEADER + "\n" + "\n".join(ACLED_ROWS) + "\n")
    write("acled-fatalities-forms.csv", ACLED_HEADER + "\n" + ACLED_ROWS[0].replace(",3,,1760000000", ",1e3,,1760000000") + "\n")
    write("header-only.csv", "id,best\n")
    write("bom.csv", "\ufeff" + ACLED_HEADER + "\n" + ACLED_ROWS[1] + "\n")

    tokens = sorted(set(GED_COLUMNS) | set(pad_header) | set(ACLED_HEADER.split(","))) 
    extra = [",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "1e3", "5.0", "+5", "-1", "0x10", "Government of ", "No", "None",
             "2000-01-01", "2000-08-26", "T00:00:00", "True", "POINT (", "{", "[", "\"Result\":", "\"features\":"]
    with open(os.path.join(ROOT, "fuzz", "csv-importer.dict"), "w", encoding="utf-8") as f:
        for token in [t for t in tokens if t] + extra:
            f.write(afl_token(token) + "\n")


if __name__ == "__main__":
    main()
