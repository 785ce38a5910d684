#!/usr/bin/env python3
"""Builds fuzz/corpus/ from examples/ and the test fixtures: small seeds (AFL wants each well under 10 KB).

Run from the repository root: python3 fuzz/make-corpus.py. The output is committed; run again only when the examples
change shape. Long strings are clipped to keep seeds small (the fuzzer mutates structure, not prose).
"""
import gzip
import json
import os
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
ARRAYS = ["sources", "actors", "events", "casualtyEstimates", "attributions", "claims", "ceasefires", "mediations", "agreements"]


def clip(value, limit=80):
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, list):
        return [clip(v, limit) for v in value]
    if isinstance(value, dict):
        return {k: clip(v, limit) for k, v in value.items()}
    return value


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 8192, (name, len(data))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))

    # JSON documents: from each example, one small document per record kind and one with a little of everything.
    for example in sorted(os.listdir(os.path.join(ROOT, "examples"))):
        if not example.endswith(".json"):
            continue
        stem = example[:-5]
        with open(os.path.join(ROOT, "examples", example), encoding="utf-8") as f:
            doc = json.load(f)
        head = {k: clip(v) for k, v in doc.items() if k not in ARRAYS}
        mixed = dict(head)
        for key in ARRAYS:
            items = doc.get(key) or []
            if items:
                write(f"doc-{stem}-{key}.json", json.dumps(dict(head, **{key: clip(items[:3])}), ensure_ascii=False, indent=1))
                mixed[key] = clip(items[:1])
        write(f"doc-{stem}-mixed.json", json.dumps(mixed, ensure_ascii=False, indent=1))

    # JSON Lines: the header and a few records of each kind, and the header with one record a kind.
    with open(os.path.join(ROOT, "examples", "seed-merged.jsonl"), encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    header = clip(lines[0])
    kinds = {}
    for record in lines[1:]:
        kinds.setdefault(record["type"], []).append(clip(record))
    for kind, records in kinds.items():
        write(f"lines-merged-{kind}.jsonl", "\n".join(compact(r) for r in [header] + records[:4]) + "\n")
    write("lines-merged-mixed.jsonl", "\n".join(compact(r) for r in [header] + [rs[0] for rs in kinds.values()]) + "\n")

    # The UCDP fixture (gzip JSON Lines): its first lines, plain and compressed, with CRLF line ends for good measure.
    fixture = os.path.join(ROOT, "tests", "ConflictModel.Tests", "Validation", "TestData", "ucdp-ged-23.1-car-fatalities.jsonl.gz")
    with gzip.open(fixture, "rt", encoding="utf-8") as f:
        first = [clip(json.loads(next(f))) for _ in range(8)]
    ucdp = "\n".join(compact(r) for r in first) + "\n"
    write("lines-ucdp.jsonl", ucdp)
    write("lines-ucdp-crlf.jsonl", ucdp.replace("\n", "\r\n"))
    write("lines-ucdp.jsonl.gz", gzip.compress(ucdp.encode("utf-8"), mtime=0))

    # gzip shapes for the gzip target (GzipInput): a compressed document, two concatenated members, and a member cut
    # after a full flush with no trailer (the truncation CM0024 reports).
    mixed_lines = "\n".join(compact(r) for r in [header] + [rs[0] for rs in kinds.values()]) + "\n"
    with open(os.path.join(OUT, "doc-seed-merged-mixed.json"), "rb") as f:
        write("doc-seed-merged-mixed.json.gz", gzip.compress(f.read(), mtime=0))
    half = len(mixed_lines) // 2
    write("lines-merged-two-members.jsonl.gz", gzip.compress(mixed_lines[:half].encode("utf-8"), mtime=0)
          + gzip.compress(mixed_lines[half:].encode("utf-8"), mtime=0))
    cut = zlib.compressobj(9, zlib.DEFLATED, 31)
    write("lines-merged-no-trailer.jsonl.gz", cut.compress(mixed_lines.encode("utf-8")) + cut.flush(zlib.Z_FULL_FLUSH))

    # A few edge shapes the reader documents: a byte order mark and an empty document (AFL skips empty files).
    write("doc-bom-empty.json", b"\xef\xbb\xbf" + compact({"formatVersion": "1.0", "info": {"title": "t"}}).encode())
    write("doc-empty-object.json", "{}")



def dictionary():
    """Writes fuzz/conflictmodel.dict (afl-fuzz -x): the schema's member names and enum values, JSON and EDTF tokens."""
    with open(os.path.join(ROOT, "schemas", "conflictmodel.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    words = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "properties" and isinstance(item, dict):
                    words.update(item.keys())
                if key == "enum" and isinstance(item, list):
                    words.update(s for s in item if isinstance(s, str))
                if key == "const" and isinstance(item, str):
                    words.add(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(schema)
    tokens = ['{', '}', '[', ']', ':', ',', '"', 'null', 'true', 'false', '-0', '1e999', '0.5', '-1', '2147483648',
              '9223372036854775808', r'\u0000', r'\ud800', r'\"', r'\n', '\r\n', '\ufeff', '2024', '2024-02-29',
              '2023-02-29', '2024-13', '1985-04-12T23:20:50Z', '..', '/', '?', '~', '%', 'X', '-21', '[1990..1993]',
              '{2000,2001}']
    entries = tokens + ['"' + word + '"' for word in sorted(words)]
    with open(os.path.join(ROOT, "fuzz", "conflictmodel.dict"), "w", encoding="ascii") as f:
        f.write("# Generated by fuzz/make-corpus.py: JSON and EDTF tokens, the schema's member names and enum values.\n")
        for i, entry in enumerate(entries):
            f.write(f'entry_{i}="{afl_escape(entry)}"\n')


def afl_escape(text):
    """Escapes a token for an AFL dictionary: backslash and quote escaped, anything else outside printable ASCII as \\xNN."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char in '\\"':
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\x{byte:02x}")
    return "".join(out)


if __name__ == "__main__":
    main()
    dictionary()
