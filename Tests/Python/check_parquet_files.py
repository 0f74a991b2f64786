#!/usr/bin/env python3
"""Check Parquet files against their expected inspect JSONL with pyarrow and DuckDB.

Usage: check_parquet_files.py [--readers pyarrow,duckdb] [--duckdb-skip GLOB]...
                              [--allow-empty] DIR

For every DIR/NAME.parquet with DIR/NAME.expected.jsonl beside it:

* pyarrow: ``pq.read_table`` the file, render it as inspect JSONL (type names,
  nullability and row-group count from the file's Parquet schema/metadata)
  and compare everything (header and rows) with the expectation.
* DuckDB: ``SELECT * FROM read_parquet(...)`` into Arrow, render it with the
  expected header's schema (so DuckDB's own timestamp unit / time zone are
  converted back to the expected unit) and compare values and the row count
  only (DuckDB does not keep Parquet nullability).  When DuckDB returns a
  coarser timestamp unit than expected (e.g. INT96 nanoseconds read as
  microseconds), both sides are compared in DuckDB's unit.  Files whose
  NAME matches a ``--duckdb-skip`` glob are not read with DuckDB (for known
  DuckDB limitations, e.g. BYTE_STREAM_SPLIT on FIXED_LEN_BYTE_ARRAY).
* metadata: if the expected header has ``"expect_codec": "ZSTD"`` (say), every
  column chunk's compression must be that codec; if it has
  ``"expect_created_by_prefix": "aigq"``, the footer's created_by must start
  with that prefix.

Prints one line per file (``OK NAME`` or ``FAIL NAME`` followed by indented
differences) and finally exactly ``N passed, M failed``; exits 1 if any failed.
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import json
import os
import re
import sys

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inspect_jsonl  # noqa: E402

_TS = re.compile(r"^(list<)?timestamp\[(ms|us|ns)(, UTC)?\](>)?$")
_RANK = {"s": 0, "ms": 1, "us": 2, "ns": 3}
_FACTOR = {("ns", "us"): 1000, ("ns", "ms"): 1_000_000, ("us", "ms"): 1000}
_CODEC_ALIASES = {"NONE": "UNCOMPRESSED", "LZ4_RAW": "LZ4_RAW", "GZIP": "GZIP"}


def _norm_codec(c: str) -> str:
    c = str(c).upper()
    return _CODEC_ALIASES.get(c, c)


def check_metadata(path: str, header: dict) -> list[str]:
    diffs = []
    if "expect_codec" not in header and "expect_created_by_prefix" not in header:
        return diffs
    md = pq.ParquetFile(path).metadata
    if "expect_codec" in header:
        want = _norm_codec(header["expect_codec"])
        bad = []
        for rg in range(md.num_row_groups):
            for c in range(md.num_columns):
                cc = md.row_group(rg).column(c)
                got = _norm_codec(cc.compression)
                if got != want:
                    bad.append(f"row group {rg} column {cc.path_in_schema}: {got}")
        if bad:
            diffs.append(f"metadata: expected codec {want} in every column chunk; "
                         f"{len(bad)} differ, e.g. {'; '.join(bad[:3])}")
    if "expect_created_by_prefix" in header:
        prefix = header["expect_created_by_prefix"]
        if not (md.created_by or "").startswith(prefix):
            diffs.append(f"metadata: created_by {md.created_by!r} does not start with {prefix!r}")
    return diffs


def check_pyarrow(path: str, expected: list) -> list[str]:
    try:
        pf = pq.ParquetFile(path)
        table = pq.read_table(path)
        actual = inspect_jsonl.render_arrow_table(table, pf.metadata.num_row_groups,
                                                  parquet_schema=pf.schema)
    except Exception as e:  # noqa: BLE001 - any reader failure is a check failure
        return [f"pyarrow could not read/render the file: {type(e).__name__}: {e}"]
    return ["pyarrow: " + d for d in inspect_jsonl.compare(expected, actual)]


def _duck_unit(t: pa.DataType):
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        t = t.value_type
    return t.unit if pa.types.is_timestamp(t) else None


def _coarsen(v, factor):
    if v is None:
        return None
    if isinstance(v, list):
        return [_coarsen(x, factor) for x in v]
    return v // factor  # floor, like a cast of an instant to a coarser unit


def check_duckdb(path: str, expected: list, con) -> list[str]:
    header = expected[0]
    schema = [dict(f) for f in header["schema"]]
    rows = list(expected[1:])
    try:
        escaped = path.replace("'", "''")
        table = con.sql(f"SELECT * FROM read_parquet('{escaped}')").to_arrow_table()
    except Exception as e:  # noqa: BLE001
        return [f"duckdb could not read the file: {type(e).__name__}: {e}"]
    notes = []
    names = [f["name"] for f in schema]
    if table.column_names != names:
        return [f"duckdb: columns {table.column_names} differ from expected {names}"]
    # DuckDB may only offer a coarser timestamp unit: compare in that unit.
    for f in schema:
        m = _TS.match(f["type"])
        if not m:
            continue
        want = m.group(2)
        got = _duck_unit(table.schema.field(f["name"]).type)
        if got is None or _RANK.get(got, 9) >= _RANK[want]:
            continue
        got = "ms" if got == "s" else got
        factor = _FACTOR[(want, got)]
        f["type"] = f["type"].replace(f"[{want}", f"[{got}")
        rows = [dict(r, **{f["name"]: _coarsen(r.get(f["name"]), factor)}) for r in rows]
        notes.append(f"{f['name']} compared in {got}")
    exp_header = dict(header, schema=schema)
    try:
        actual = inspect_jsonl.render_arrow_table(table, header.get("row_groups", 0), header_schema=schema)
    except Exception as e:  # noqa: BLE001
        return [f"duckdb: result could not be rendered as expected types: {type(e).__name__}: {e}"]
    diffs = inspect_jsonl.compare([exp_header] + rows, actual, check_schema=False, check_row_groups=False)
    return [f"duckdb{' (' + ', '.join(notes) + ')' if notes else ''}: " + d for d in diffs]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--readers", default="pyarrow,duckdb",
                    help="comma-separated subset of pyarrow,duckdb (default both)")
    ap.add_argument("--duckdb-skip", action="append", default=[], metavar="GLOB",
                    help="skip the DuckDB read for files whose NAME matches GLOB (repeatable)")
    ap.add_argument("--allow-empty", action="store_true",
                    help="exit 0 when DIR holds no NAME.parquet + NAME.expected.jsonl pair")
    args = ap.parse_args(argv)
    readers = {r.strip() for r in args.readers.split(",") if r.strip()}
    unknown = readers - {"pyarrow", "duckdb"}
    if unknown:
        ap.error(f"unknown readers: {sorted(unknown)}")

    con = None
    if "duckdb" in readers:
        import duckdb
        con = duckdb.connect()
        con.execute("SET TimeZone='UTC'")

    pairs = []
    for p in sorted(glob.glob(os.path.join(args.dir, "*.parquet"))):
        exp = p[: -len(".parquet")] + ".expected.jsonl"
        if os.path.exists(exp):
            pairs.append((p, exp))
    passed = failed = 0
    for path, exp_path in pairs:
        name = os.path.basename(path)[: -len(".parquet")]
        diffs = []
        try:
            expected = [inspect_jsonl.parse_line(l) for l in inspect_jsonl.read_jsonl(exp_path)]
            if not expected or not isinstance(expected[0], dict) or "schema" not in expected[0]:
                raise ValueError("first line is not an inspect JSONL header")
        except Exception as e:  # noqa: BLE001
            expected = None
            diffs.append(f"bad expectation {os.path.basename(exp_path)}: {e}")
        if expected is not None:
            try:
                diffs += check_metadata(path, expected[0])
            except Exception as e:  # noqa: BLE001
                diffs.append(f"metadata: could not read footer: {type(e).__name__}: {e}")
            if "pyarrow" in readers:
                diffs += check_pyarrow(path, expected)
            if con is not None and not any(fnmatch.fnmatchcase(name, g) for g in args.duckdb_skip):
                diffs += check_duckdb(path, expected, con)
        if diffs:
            failed += 1
            print(f"FAIL {name}")
            for d in diffs:
                print(f"    {d}")
        else:
            passed += 1
            print(f"OK {name}")
    sys.stdout.flush()
    if not pairs:
        print(f"no NAME.parquet with NAME.expected.jsonl in {args.dir}", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    if failed or (not pairs and not args.allow_empty):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
