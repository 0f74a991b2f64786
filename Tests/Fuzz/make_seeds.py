#!/usr/bin/env python3
"""Write small Parquet seed files for the ColumnarFuzz fuzzer.

Usage: make_seeds.py OUTDIR

Each file has a few rows (most are well under 4 KiB) so libFuzzer can mutate them quickly. They
cover what other writers produce and our reader must handle: PLAIN, dictionary (v1 and v2 pages),
DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT, data page v2,
nulls, lists (with null and empty lists, null elements), INT96 and FIXED_LEN_BYTE_ARRAY, several
row groups and pages, UNCOMPRESSED / SNAPPY / GZIP / ZSTD, and some columns the reader refuses
(structs, maps, nested lists, LZ4/BROTLI pages) so error paths are seeded too. Writers: pyarrow,
DuckDB and Polars (each optional: a missing module only skips its files).
"""

from __future__ import annotations

import datetime as dt
import os
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = 0
    try:
        written += pyarrow_seeds(out)
    except ImportError as e:
        print(f"make_seeds: pyarrow unavailable ({e}); skipped", file=sys.stderr)
    try:
        written += duckdb_seeds(out)
    except ImportError as e:
        print(f"make_seeds: duckdb unavailable ({e}); skipped", file=sys.stderr)
    try:
        written += polars_seeds(out)
    except ImportError as e:
        print(f"make_seeds: polars unavailable ({e}); skipped", file=sys.stderr)
    print(f"make_seeds: wrote {written} files to {out}")
    return 0


def pyarrow_seeds(out: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 6
    valid = [True, False, True, True, True, False]

    def nulls(xs):
        return [x if v else None for x, v in zip(xs, valid)]

    base = pa.table({
        "b": pa.array(nulls([True, False, False, True, True, False]), pa.bool_()),
        "i32": pa.array(nulls([1, 0, -7, 1, 2_000_000_000, 0]), pa.int32()),
        "i64": pa.array(nulls([10, 0, 12, 13, 14, 0]), pa.int64()),
        "f": pa.array(nulls([1.5, 0.0, float("nan"), float("-inf"), 0.1, 0.0]), pa.float32()),
        "d": pa.array(nulls([2.5, 0.0, -0.0, float("inf"), 1e300, 0.0]), pa.float64()),
        "s": pa.array(nulls(["a", "", "héllo", "a", "\"q\"\n", ""]), pa.string()),
        "bin": pa.array(nulls([b"\x00", b"", b"xyz", b"xyz", b"", b""]), pa.binary()),
        "ts": pa.array(nulls([1_764_000_000_000 + i for i in range(n)]), pa.timestamp("ms", tz="UTC")),
        "tus": pa.array([1_764_000_000_000_000 + i for i in range(n)], pa.timestamp("us")),
        "tns": pa.array(nulls([1_764_000_000_000_000_000 + i for i in range(n)]), pa.timestamp("ns", tz="UTC")),
        "day": pa.array(nulls([20_000, 0, 20_001, 20_002, 19_000, 0]), pa.date32()),
        "tags": pa.array([["x", "y"], [], ["", None], None, ["x"], ["z"]], pa.list_(pa.string())),
        "nums": pa.array([[1], [2, 3], [], [4], [5, 6], [7]], pa.list_(pa.int64())),
    })
    written = 0

    def write(name, table, **kw):
        nonlocal written
        kw.setdefault("store_schema", False)  # no ARROW:schema blob: keeps footers (and seeds) small
        try:
            pq.write_table(table, os.path.join(out, f"pa-{name}.parquet"), **kw)
            written += 1
        except Exception as e:  # an option this pyarrow lacks: skip the one file
            print(f"make_seeds: pa-{name} skipped ({e})", file=sys.stderr)

    for codec in ["none", "snappy", "gzip", "zstd"]:
        write(f"{codec}-dict", base, compression=codec)
        write(f"{codec}-plain", base, compression=codec, use_dictionary=False)
        write(f"{codec}-v2", base, compression=codec, data_page_version="2.0")
    write("v2-plain", base, compression="none", use_dictionary=False, data_page_version="2.0")
    write("v1-format", base.drop_columns(["tns"]), compression="none", version="1.0")

    flat = base.drop_columns(["tags", "nums"])
    ints = ["i32", "i64", "ts", "tus", "tns", "day"]
    write("delta-binary-packed", flat.select(ints), compression="none", use_dictionary=False,
          column_encoding={c: "DELTA_BINARY_PACKED" for c in ints})
    write("delta-binary-packed-v2", flat.select(ints), compression="none", use_dictionary=False,
          data_page_version="2.0", column_encoding={c: "DELTA_BINARY_PACKED" for c in ints})
    # Longer runs so miniblocks with real bit widths appear.
    seq = pa.table({"a": pa.array([(i * 7919) % 1000 - 500 for i in range(300)], pa.int64()),
                    "b": pa.array([i * 3 for i in range(300)], pa.int32())})
    write("delta-binary-packed-300", seq, compression="none", use_dictionary=False,
          column_encoding={"a": "DELTA_BINARY_PACKED", "b": "DELTA_BINARY_PACKED"})
    write("delta-length-byte-array", flat.select(["s", "bin"]), compression="none", use_dictionary=False,
          column_encoding={"s": "DELTA_LENGTH_BYTE_ARRAY", "bin": "DELTA_LENGTH_BYTE_ARRAY"})
    write("delta-byte-array", flat.select(["s", "bin"]), compression="none", use_dictionary=False,
          column_encoding={"s": "DELTA_BYTE_ARRAY", "bin": "DELTA_BYTE_ARRAY"})
    write("delta-byte-array-v2", flat.select(["s", "bin"]), compression="snappy", use_dictionary=False,
          data_page_version="2.0", column_encoding={"s": "DELTA_BYTE_ARRAY", "bin": "DELTA_BYTE_ARRAY"})
    write("byte-stream-split", flat.select(["f", "d", "i32", "i64"]), compression="none", use_dictionary=False,
          column_encoding={c: "BYTE_STREAM_SPLIT" for c in ["f", "d", "i32", "i64"]})
    write("byte-stream-split-zstd-v2", flat.select(["f", "d"]), compression="zstd", use_dictionary=False,
          data_page_version="2.0", use_byte_stream_split=True)
    write("rle-bool-v2", flat.select(["b"]), compression="none", use_dictionary=False,
          data_page_version="2.0", column_encoding={"b": "RLE"})
    # Several row groups and pages.
    write("row-groups", base, compression="none", row_group_size=2, data_page_size=16,
          write_batch_size=1)
    write("pages-v2", base, compression="snappy", data_page_size=8, write_batch_size=1,
          data_page_version="2.0")
    # Required columns, no statistics, page index, CRCs.
    req = pa.table({"id": pa.array([1, 2, 3], pa.int64()), "name": pa.array(["a", "b", "c"])},
                   schema=pa.schema([pa.field("id", pa.int64(), nullable=False),
                                     pa.field("name", pa.string(), nullable=False)]))
    write("required", req, compression="none")
    write("nostats", base, compression="none", write_statistics=False)
    write("page-index-crc", base, compression="none", write_page_index=True, write_page_checksum=True)
    write("empty", base.slice(0, 0), compression="none")
    # Physical types read through conversions: INT96, FIXED_LEN_BYTE_ARRAY, small and unsigned ints.
    odd = pa.table({
        "ts96": pa.array([dt.datetime(2025, 1, 1), None, dt.datetime(1969, 12, 31, 23, 59)], pa.timestamp("ns")),
        "fixed": pa.array([b"abcd", None, b"wxyz"], pa.binary(4)),
        "u8": pa.array([1, None, 255], pa.uint8()),
        "i16": pa.array([-1, 2, None], pa.int16()),
        "u32": pa.array([0, 4_000_000_000, None], pa.uint32()),
        "u64": pa.array([0, 2**63 + 5, None], pa.uint64()),
        "dec": pa.array([1, None, -3], pa.decimal128(9, 2)),
        "lstr": pa.array(["x", None, "y"], pa.large_string()),
        "t32": pa.array([1000, None, 2000], pa.time32("ms")),
    })
    write("int96-fixed-odd", odd, compression="none", use_deprecated_int96_timestamps=True)
    write("int96-fixed-odd-dict", odd, compression="snappy", use_deprecated_int96_timestamps=True)
    # Columns the reader refuses (next to supported ones).
    nested = pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "st": pa.array([{"a": 1, "b": "x"}, None, {"a": None, "b": "y"}]),
        "mp": pa.array([[("k", 1)], None, []], pa.map_(pa.string(), pa.int64())),
        "ll": pa.array([[[1], []], None, [[2, 3]]], pa.list_(pa.list_(pa.int64()))),
        "ls": pa.array([[{"a": 1}], [], None], pa.list_(pa.struct([("a", pa.int64())]))),
    })
    write("nested-unsupported", nested, compression="none")
    write("lz4", flat.select(["i64", "s"]), compression="lz4")
    write("brotli", flat.select(["i64", "s"]), compression="brotli")
    return written


def duckdb_seeds(out: str) -> int:
    import duckdb

    con = duckdb.connect()
    q = """
        SELECT i::BIGINT AS id, 'u' || (i % 3) AS user, (i * 0.5)::DOUBLE AS score,
               CASE WHEN i % 2 = 0 THEN NULL ELSE i::INTEGER END AS maybe,
               TIMESTAMP '2025-01-01' + i * INTERVAL 1 SECOND AS ts,
               DATE '2025-01-01' + i::INTEGER AS day,
               [i::VARCHAR, 'x'] AS tags, i % 2 = 0 AS flag
        FROM range(5) t(i)
    """
    written = 0
    for codec in ["uncompressed", "snappy", "gzip", "zstd"]:
        path = os.path.join(out, f"duckdb-{codec}.parquet")
        con.execute(f"COPY ({q}) TO '{path}' (FORMAT PARQUET, COMPRESSION {codec})")
        written += 1
    path = os.path.join(out, "duckdb-v2.parquet")
    try:
        con.execute(f"COPY ({q}) TO '{path}' (FORMAT PARQUET, COMPRESSION uncompressed, PARQUET_VERSION V2)")
        written += 1
    except Exception as e:  # older DuckDB: no PARQUET_VERSION option
        print(f"make_seeds: duckdb v2 skipped ({e})", file=sys.stderr)
    return written


def polars_seeds(out: str) -> int:
    import polars as pl

    df = pl.DataFrame({
        "id": [1, 2, 3, 4],
        "name": ["a", None, "ccc", "a"],
        "x": [0.5, None, 1.5, 2.0],
        "tags": [["p"], [], None, ["q", "r"]],
        "ok": [True, False, None, True],
    })
    written = 0
    for codec in ["uncompressed", "snappy", "zstd"]:
        df.write_parquet(os.path.join(out, f"polars-{codec}.parquet"), compression=codec)
        written += 1
    df.write_parquet(os.path.join(out, "polars-small-groups.parquet"), compression="uncompressed",
                     row_group_size=1, statistics=True)
    written += 1
    return written


if __name__ == "__main__":
    sys.exit(main())
