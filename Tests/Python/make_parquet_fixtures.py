#!/usr/bin/env python3
"""Write deterministic Parquet fixtures plus their expected inspect JSONL.

Usage: make_parquet_fixtures.py OUTDIR

For every fixture NAME this writes OUTDIR/NAME.parquet and
OUTDIR/NAME.expected.jsonl (the inspect JSONL of the file's content), and
finally OUTDIR/fixtures.json describing each file.

The expected JSONL is derived from the *source* data (the pyarrow table that
was written, the DuckDB query result, the Polars DataFrame).  Only the written
file's Parquet *schema/metadata* is consulted (through pyarrow), to learn the
decisions the writer made: nullability, timestamp unit / UTC flag, INT96, and
the number of row groups.  Values are never read back from the file.

Writers: pyarrow (many page/encoding/codec variants), DuckDB (COPY ... TO) and
Polars (write_parquet).  All data comes from fixed seeds; every file has at
most 20 000 rows.
"""

from __future__ import annotations

import json
import os
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inspect_jsonl  # noqa: E402

MAX_ROWS = 20_000

# ---------------------------------------------------------------------------
# Deterministic source data
# ---------------------------------------------------------------------------

_WORDS = [
    "", "a", "hello", "Parquet", "naïve café", "Ünïcödé", "漢字テスト", "中文字符串",
    "한국어", "😀", "🎉🚀 emoji mix", "👩‍💻 zwj", "e\u0301 combining", "tab\tnewline\n",
    "quote\"backslash\\", "\u0000nul", "x" * 100, "long " * 40,
]


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _mask(rng, n, p):
    """Null mask (True = null) with probability p; returns None when p == 0."""
    if p <= 0:
        return None
    return rng.random(n) < p


def _strings(rng, n, null_p=0.1):
    out = []
    nulls = rng.random(n) < null_p
    kinds = rng.integers(0, 3, n)
    picks = rng.integers(0, len(_WORDS), n)
    lens = rng.integers(0, 40, n)
    for i in range(n):
        if nulls[i]:
            out.append(None)
        elif kinds[i] == 0:
            out.append(_WORDS[picks[i]])
        else:
            codes = rng.integers(0x20, 0x7F, lens[i])
            out.append(f"{i}:" + "".join(map(chr, codes)))
    return out


def _binaries(rng, n, null_p=0.1):
    nulls = rng.random(n) < null_p
    lens = rng.integers(0, 24, n)
    return [None if nulls[i] else rng.integers(0, 256, lens[i], dtype=np.uint8).tobytes()
            for i in range(n)]


def _specials_float(rng, n, dtype):
    vals = (rng.standard_normal(n) * 1000).astype(dtype)
    specials = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0,
                         np.finfo(dtype).max, np.finfo(dtype).min, np.finfo(dtype).tiny,
                         np.finfo(dtype).smallest_subnormal, 0.1, 1 / 3], dtype=dtype)
    k = min(n, len(specials))
    vals[:k] = specials[:k]
    # sprinkle specials throughout as well
    idx = rng.integers(0, n, n // 20) if n else np.array([], dtype=np.int64)
    vals[idx] = specials[rng.integers(0, len(specials), len(idx))]
    return vals


def _ints(rng, n, dtype):
    info = np.iinfo(dtype)
    vals = rng.integers(info.min, info.max, n, dtype=dtype, endpoint=True)
    small = rng.integers(-1000, 1000, n).astype(dtype)
    pick = rng.random(n) < 0.5
    vals = np.where(pick, small, vals).astype(dtype)
    edge = np.array([info.min, info.max, 0, -1, 1], dtype=dtype)
    k = min(n, len(edge))
    vals[:k] = edge[:k]
    return vals


def _lists(rng, n, make_elems, null_p=0.1):
    out = []
    nulls = rng.random(n) < null_p
    lens = rng.integers(0, 6, n)
    for i in range(n):
        if nulls[i]:
            out.append(None)
        else:
            out.append(make_elems(int(lens[i])))
    return out


def all_types_table(n: int, seed: int, null_p: float = 0.1, ns_truncate: bool = False) -> pa.Table:
    """Every presented column type, with nulls (probability null_p)."""
    rng = _rng(seed)
    cols = {}
    cols["b"] = pa.array(rng.random(n) < 0.5, pa.bool_(), mask=_mask(rng, n, null_p))
    cols["i8"] = pa.array(_ints(rng, n, np.int8), pa.int8(), mask=_mask(rng, n, null_p))
    cols["i16"] = pa.array(_ints(rng, n, np.int16), pa.int16(), mask=_mask(rng, n, null_p))
    cols["i32"] = pa.array(_ints(rng, n, np.int32), pa.int32(), mask=_mask(rng, n, null_p))
    cols["i64"] = pa.array(_ints(rng, n, np.int64), pa.int64(), mask=_mask(rng, n, null_p))
    cols["f32"] = pa.array(_specials_float(rng, n, np.float32), pa.float32(), mask=_mask(rng, n, null_p))
    cols["f64"] = pa.array(_specials_float(rng, n, np.float64), pa.float64(), mask=_mask(rng, n, null_p))
    cols["s"] = pa.array(_strings(rng, n, null_p), pa.string())
    cols["bin"] = pa.array(_binaries(rng, n, null_p), pa.binary())
    base_ms = 1_700_000_000_000
    ms = base_ms + rng.integers(-10**11, 10**11, n)
    cols["ts_ms_utc"] = pa.array(ms, pa.timestamp("ms", tz="UTC"), mask=_mask(rng, n, null_p))
    us = ms * 1000 + rng.integers(0, 1000, n)
    cols["ts_us"] = pa.array(us, pa.timestamp("us"), mask=_mask(rng, n, null_p))
    ns = us * 1000 + (0 if ns_truncate else rng.integers(0, 1000, n))
    cols["ts_ns"] = pa.array(ns, pa.timestamp("ns"), mask=_mask(rng, n, null_p))
    cols["ts_us_utc"] = pa.array(us - 10**15, pa.timestamp("us", tz="UTC"), mask=_mask(rng, n, null_p))
    cols["d"] = pa.array(rng.integers(-30000, 30000, n).astype(np.int32), pa.date32(), mask=_mask(rng, n, null_p))
    cols["ls"] = pa.array(_lists(rng, n, lambda k: [None if rng.random() < 0.15 else s
                                                    for s in _strings(rng, k, 0.0)], null_p),
                          pa.list_(pa.string()))
    cols["li"] = pa.array(_lists(rng, n, lambda k: [None if rng.random() < 0.15 else int(v)
                                                    for v in rng.integers(-10**12, 10**12, k)], null_p),
                          pa.list_(pa.int64()))
    return pa.table(cols)


def ints_table(n, seed):
    rng = _rng(seed)
    # sequences that stress delta encoding: monotonic, random, extremes, constant runs
    mono = np.cumsum(rng.integers(0, 100, n)).astype(np.int64)
    i64 = _ints(rng, n, np.int64)
    i32 = _ints(rng, n, np.int32)
    const = np.full(n, 42, dtype=np.int32)
    alt = np.where(np.arange(n) % 2 == 0, np.iinfo(np.int64).min, np.iinfo(np.int64).max).astype(np.int64)
    return pa.table({
        "mono64": pa.array(mono, pa.int64()),
        "rand64": pa.array(i64, pa.int64(), mask=_mask(rng, n, 0.05)),
        "rand32": pa.array(i32, pa.int32(), mask=_mask(rng, n, 0.05)),
        "i8": pa.array(_ints(rng, n, np.int8), pa.int8()),
        "i16": pa.array(_ints(rng, n, np.int16), pa.int16(), mask=_mask(rng, n, 0.05)),
        "const32": pa.array(const, pa.int32()),
        "alt64": pa.array(alt, pa.int64()),
        "ts_ms_utc": pa.array(1_600_000_000_000 + mono, pa.timestamp("ms", tz="UTC")),
        "d": pa.array((mono % 20000).astype(np.int32), pa.date32(), mask=_mask(rng, n, 0.05)),
    })


def strings_table(n, seed, sorted_prefixes=False):
    rng = _rng(seed)
    s = _strings(rng, n, 0.05)
    if sorted_prefixes:
        s = sorted(s, key=lambda x: (x is None, x or ""))
        prefixed = [f"common/prefix/path/{i // 7:06d}/{i % 7}" for i in range(n)]
    else:
        prefixed = [f"k{int(v)}" for v in rng.integers(0, 50, n)]
    return pa.table({
        "s": pa.array(s, pa.string()),
        "prefixed": pa.array(prefixed, pa.string()),
        "bin": pa.array(_binaries(rng, n, 0.05), pa.binary()),
        "req_s": pa.array([f"r{i}" for i in range(n)], pa.string()),
    }).cast(pa.schema([
        pa.field("s", pa.string()), pa.field("prefixed", pa.string()),
        pa.field("bin", pa.binary()), pa.field("req_s", pa.string(), nullable=False)]))


def floats_table(n, seed):
    rng = _rng(seed)
    smooth = np.sin(np.arange(n) / 50.0)
    return pa.table({
        "f32": pa.array(_specials_float(rng, n, np.float32), pa.float32(), mask=_mask(rng, n, 0.05)),
        "f64": pa.array(_specials_float(rng, n, np.float64), pa.float64(), mask=_mask(rng, n, 0.05)),
        "smooth32": pa.array(smooth.astype(np.float32), pa.float32()),
        "smooth64": pa.array(smooth, pa.float64()),
        "i32": pa.array(_ints(rng, n, np.int32), pa.int32(), mask=_mask(rng, n, 0.05)),
        "i64": pa.array(_ints(rng, n, np.int64), pa.int64()),
    })


# ---------------------------------------------------------------------------
# Fixture bookkeeping
# ---------------------------------------------------------------------------

class Writer:
    def __init__(self, outdir):
        self.outdir = outdir
        self.entries = []

    def path(self, name):
        return os.path.join(self.outdir, name + ".parquet")

    def finish(self, name, table, description, writer, options):
        """Write NAME.expected.jsonl from the source table + the file's schema metadata."""
        path = self.path(name)
        assert table.num_rows <= MAX_ROWS, name
        pf = pq.ParquetFile(path)
        md = pf.metadata
        lines = inspect_jsonl.render_arrow_table(table, md.num_row_groups, parquet_schema=pf.schema)
        inspect_jsonl.write_jsonl(os.path.join(self.outdir, name + ".expected.jsonl"), lines)
        codecs, encodings = set(), set()
        for rg in range(md.num_row_groups):
            for c in range(md.num_columns):
                cc = md.row_group(rg).column(c)
                codecs.add(cc.compression)
                encodings.update(cc.encodings)
        self.entries.append({
            "file": name + ".parquet",
            "expected": name + ".expected.jsonl",
            "writer": writer,
            "created_by": md.created_by,
            "description": description,
            "options": options,
            "rows": table.num_rows,
            "row_groups": md.num_row_groups,
            "columns": [f["name"] + ":" + f["type"] + ("" if f["nullable"] else " (required)")
                        for f in json.loads(lines[0])["schema"]],
            "codecs": sorted(codecs),
            "encodings": sorted(encodings),
            "format_version": md.format_version,
        })


def pa_write(w: Writer, name, table, description, **opts):
    opts.setdefault("compression", "none")
    pq.write_table(table, w.path(name), **opts)
    shown = {k: v for k, v in opts.items()}
    w.finish(name, table, description, f"pyarrow {pa.__version__}", shown)


# ---------------------------------------------------------------------------
# pyarrow fixtures
# ---------------------------------------------------------------------------

def pyarrow_fixtures(w: Writer):
    # Cross product: data page version x dictionary x codec, all types, several
    # row groups and pages.
    seed = 100
    for page in ("1.0", "2.0"):
        for dictionary in (True, False):
            for codec in ("zstd", "snappy", "gzip", "none"):
                seed += 1
                t = all_types_table(1500, seed)
                name = f"pa_page{page[0]}_{'dict' if dictionary else 'plain'}_{codec}"
                pa_write(w, name, t,
                         f"pyarrow all types, data page v{page[0]}, "
                         f"{'dictionary' if dictionary else 'plain'} encoding, {codec}, 3 row groups",
                         data_page_version=page, use_dictionary=dictionary, compression=codec,
                         row_group_size=600, data_page_size=8192, write_batch_size=256)

    # Parquet format version 1.0: PLAIN_DICTIONARY dictionary pages, converted
    # types; nanosecond timestamps are coerced to microseconds (values chosen
    # without sub-microsecond digits so the coercion is lossless).
    for codec in ("snappy", "none"):
        t = all_types_table(1200, 200 + len(codec), ns_truncate=True)
        pa_write(w, f"pa_format1_0_dict_{codec}", t,
                 "pyarrow format version 1.0 (PLAIN_DICTIONARY, converted types, ns->us)",
                 version="1.0", use_dictionary=True, compression=codec, row_group_size=500)
    t = all_types_table(800, 210, ns_truncate=True)
    pa_write(w, "pa_format1_0_plain_page2_zstd", t,
             "pyarrow format version 1.0, plain, data page v2, zstd",
             version="1.0", use_dictionary=False, data_page_version="2.0", compression="zstd")

    # Delta encodings.
    for page in ("1.0", "2.0"):
        t = ints_table(5000, 300 + int(page[0]))
        enc = {c: "DELTA_BINARY_PACKED" for c in t.column_names}
        pa_write(w, f"pa_delta_binary_packed_page{page[0]}", t,
                 f"DELTA_BINARY_PACKED for int32/int64/int8/int16/timestamp/date, data page v{page[0]}",
                 use_dictionary=False, column_encoding=enc, data_page_version=page,
                 compression="zstd" if page == "2.0" else "none",
                 row_group_size=3000, data_page_size=4096, write_batch_size=500)
    for page in ("1.0", "2.0"):
        t = strings_table(4000, 310 + int(page[0]))
        pa_write(w, f"pa_delta_length_byte_array_page{page[0]}", t,
                 f"DELTA_LENGTH_BYTE_ARRAY for string/binary, data page v{page[0]}",
                 use_dictionary=False, column_encoding={c: "DELTA_LENGTH_BYTE_ARRAY" for c in t.column_names},
                 data_page_version=page, compression="snappy",
                 row_group_size=2500, data_page_size=4096, write_batch_size=250)
        t = strings_table(4000, 320 + int(page[0]), sorted_prefixes=True)
        pa_write(w, f"pa_delta_byte_array_page{page[0]}", t,
                 f"DELTA_BYTE_ARRAY (prefix sharing) for string/binary, data page v{page[0]}",
                 use_dictionary=False, column_encoding={c: "DELTA_BYTE_ARRAY" for c in t.column_names},
                 data_page_version=page, compression="none" if page == "1.0" else "gzip",
                 row_group_size=2500, data_page_size=4096, write_batch_size=250)
    for page in ("1.0", "2.0"):
        t = floats_table(4000, 330 + int(page[0]))
        pa_write(w, f"pa_byte_stream_split_page{page[0]}", t,
                 f"BYTE_STREAM_SPLIT for float/double/int32/int64, data page v{page[0]}",
                 use_dictionary=False, column_encoding={c: "BYTE_STREAM_SPLIT" for c in t.column_names},
                 data_page_version=page, compression="zstd" if page == "1.0" else "snappy",
                 row_group_size=2500, data_page_size=4096, write_batch_size=250)
    # BYTE_STREAM_SPLIT on FIXED_LEN_BYTE_ARRAY
    rng = _rng(340)
    flba = pa.array([rng.integers(0, 256, 5, dtype=np.uint8).tobytes() for _ in range(1000)],
                    pa.binary(5), mask=_mask(rng, 1000, 0.1))
    t = pa.table({"fixed5": flba, "f64": pa.array(_specials_float(rng, 1000, np.float64))})
    pa_write(w, "pa_byte_stream_split_flba", t,
             "BYTE_STREAM_SPLIT for fixed_size_binary(5) and double",
             use_dictionary=False, column_encoding={"fixed5": "BYTE_STREAM_SPLIT", "f64": "BYTE_STREAM_SPLIT"})

    # Boolean RLE encoding (data page v2).
    rng = _rng(345)
    t = pa.table({"b": pa.array(rng.random(6000) < 0.3, pa.bool_(), mask=_mask(rng, 6000, 0.1)),
                  "b_req": pa.array(np.arange(6000) % 3 == 0, pa.bool_())})
    t = t.cast(pa.schema([pa.field("b", pa.bool_()), pa.field("b_req", pa.bool_(), nullable=False)]))
    pa_write(w, "pa_boolean_rle_page2", t, "boolean RLE encoding, data page v2",
             use_dictionary=False, column_encoding={"b": "RLE", "b_req": "RLE"},
             data_page_version="2.0", data_page_size=256, write_batch_size=100)

    # Dictionary fallback to plain when the dictionary page limit is hit.
    t = strings_table(6000, 350)
    pa_write(w, "pa_dictionary_fallback", t,
             "dictionary encoding falling back to PLAIN mid column chunk (small dictionary_pagesize_limit)",
             use_dictionary=True, dictionary_pagesize_limit=2048, compression="snappy",
             data_page_size=2048, write_batch_size=128)

    # INT96 timestamps.
    for page in ("1.0", "2.0"):
        rng = _rng(360 + int(page[0]))
        n = 2000
        ms = 1_500_000_000_000 + rng.integers(-5 * 10**12, 5 * 10**12, n)
        t = pa.table({
            "ts_ms_utc": pa.array(ms, pa.timestamp("ms", tz="UTC"), mask=_mask(rng, n, 0.1)),
            "ts_us": pa.array(ms * 1000 + rng.integers(0, 1000, n), pa.timestamp("us")),
            "ts_ns": pa.array(ms * 1_000_000 + rng.integers(0, 10**6, n), pa.timestamp("ns"),
                              mask=_mask(rng, n, 0.1)),
            "pre_epoch_ns": pa.array(-ms * 1_000_000 + rng.integers(0, 10**6, n) - 10**18, pa.timestamp("ns")),
            "i": pa.array(np.arange(n), pa.int64()),
        })
        pa_write(w, f"pa_int96_page{page[0]}", t,
                 f"deprecated INT96 timestamps (ms/us/ns sources, pre-epoch), data page v{page[0]}",
                 use_deprecated_int96_timestamps=True, data_page_version=page,
                 use_dictionary=page == "1.0", compression="snappy", row_group_size=1500)

    # large_string, large_binary, dictionary<string>.
    rng = _rng(370)
    n = 3000
    words = _strings(rng, n, 0.1)
    t = pa.table({
        "ls": pa.array(words, pa.large_string()),
        "lb": pa.array(_binaries(rng, n, 0.1), pa.large_binary()),
        "dict_s": pa.array([None if x is None else x[:3] for x in words], pa.string()).dictionary_encode(),
        "ll": pa.array(_lists(rng, n, lambda k: [int(v) for v in rng.integers(0, 100, k)]),
                       pa.large_list(pa.int64())),
    })
    pa_write(w, "pa_large_types", t, "large_string, large_binary, dictionary<string>, large_list<int64>",
             compression="zstd", row_group_size=1000)

    # Many row groups.
    t = all_types_table(5000, 380)
    pa_write(w, "pa_many_row_groups", t, "50 row groups of 100 rows", row_group_size=100,
             compression="snappy")

    # Many pages (small pages, max_rows_per_page) for flat and list columns.
    for page in ("1.0", "2.0"):
        t = all_types_table(MAX_ROWS if page == "1.0" else 10000, 390 + int(page[0]), null_p=0.2)
        t = t.select(["i32", "i64", "f64", "s", "b", "li"])
        pa_write(w, f"pa_many_pages_page{page[0]}", t,
                 f"many small pages (data_page_size=512, max 97 rows/page), data page v{page[0]}",
                 data_page_version=page, data_page_size=512, write_batch_size=32,
                 max_rows_per_page=97, compression="zstd", row_group_size=12000)

    # Float special values.
    vals64 = [0.0, -0.0, float("nan"), float("inf"), float("-inf"), 5e-324, -5e-324,
              1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308,
              0.1, 1e16, 1e-7, 123456789.125, None, 1.0, -1.0, float(2**53), float(2**53 + 2), 3.141592653589793]
    t = pa.table({"f64": pa.array(vals64, pa.float64()),
                  "f32": pa.array(vals64, pa.float32()),  # rounds to float32
                  "f32_dict": pa.array(vals64[:5] * 4, pa.float32())})
    for dictionary in (True, False):
        pa_write(w, f"pa_float_specials_{'dict' if dictionary else 'plain'}", t,
                 "NaN, +-inf, -0.0, subnormals, extremes, float32 rounding",
                 use_dictionary=dictionary)

    # Long strings (> 64 KiB) and long binaries.
    rng = _rng(400)
    longs = ["A" * 65537, "漢" * 30000, "😀" * 20000, "", None, "short",
             "".join(chr(c) for c in rng.integers(0x20, 0x7F, 300000)), "B" * 70000]
    t = pa.table({"s": pa.array(longs, pa.string()),
                  "bin": pa.array([None if x is None else x.encode("utf-8")[:100000] for x in longs], pa.binary()),
                  "i": pa.array(range(len(longs)), pa.int32())})
    for page in ("1.0", "2.0"):
        pa_write(w, f"pa_long_strings_page{page[0]}", t,
                 f"strings/binaries > 64 KiB (up to 300000 bytes), data page v{page[0]}",
                 data_page_version=page, compression="zstd" if page == "2.0" else "none",
                 use_dictionary=page == "1.0")

    # All-null columns of every type.
    n = 1000
    src = all_types_table(1, 410)
    t = pa.table({name: pa.nulls(n, src.schema.field(name).type) for name in src.column_names})
    pa_write(w, "pa_all_null", t, "every column entirely null", compression="snappy")
    pa_write(w, "pa_all_null_page2_plain", t, "every column entirely null, data page v2, plain",
             data_page_version="2.0", use_dictionary=False)

    # 0-row and 1-row files.
    t = all_types_table(0, 420)
    pa_write(w, "pa_zero_rows", t, "0 rows, all types")
    t = all_types_table(1, 421, null_p=0.0)
    pa_write(w, "pa_one_row", t, "1 row, all types, no nulls", compression="zstd")
    t = all_types_table(1, 422, null_p=1.0)
    pa_write(w, "pa_one_row_nulls", t, "1 row, all types, all null", data_page_version="2.0")

    # Required (non-nullable) columns.
    src = all_types_table(2000, 430, null_p=0.0)
    fields = []
    for f in src.schema:
        if f.name == "ls":
            fields.append(pa.field("ls", pa.list_(pa.field("element", pa.string(), nullable=False)), nullable=False))
        else:
            fields.append(pa.field(f.name, f.type, nullable=False))
    # li keeps nullable elements but the list itself is required
    li = src.column("li").combine_chunks()
    li_vals = [[v for v in (x or [])] for x in li.to_pylist()]
    ls_vals = [[v if v is not None else "" for v in (x or [])] for x in src.column("ls").to_pylist()]
    src = src.set_column(src.column_names.index("li"), "li", pa.array(li_vals, pa.list_(pa.int64())))
    src = src.set_column(src.column_names.index("ls"), "ls", pa.array(ls_vals, pa.list_(pa.string())))
    t = src.cast(pa.schema(fields))
    for page in ("1.0", "2.0"):
        pa_write(w, f"pa_required_page{page[0]}", t,
                 f"all columns REQUIRED (list<string> with required elements), data page v{page[0]}",
                 data_page_version=page, compression="snappy", row_group_size=800,
                 use_dictionary=page == "2.0")
    # Mixed required/optional.
    mix = all_types_table(1000, 440, null_p=0.0)
    mix_fields = [pa.field(f.name, f.type, nullable=(i % 2 == 0)) for i, f in enumerate(mix.schema)]
    pa_write(w, "pa_mixed_required", mix.cast(pa.schema(mix_fields)),
             "alternating REQUIRED/OPTIONAL columns", compression="gzip")

    # Lists stressed: empty lists, null lists, null elements across pages/row groups.
    rng = _rng(450)
    n = 4000
    shapes = rng.integers(0, 6, n)
    li, ls = [], []
    for i in range(n):
        k = shapes[i]
        if k == 0:
            li.append(None); ls.append(None)
        elif k == 1:
            li.append([]); ls.append([])
        elif k == 2:
            li.append([None]); ls.append([None, ""])
        else:
            m = int(rng.integers(1, 13))
            li.append([None if rng.random() < 0.2 else int(v) for v in rng.integers(-10**15, 10**15, m)])
            ls.append([None if rng.random() < 0.2 else _WORDS[int(v)] for v in rng.integers(0, len(_WORDS), m)])
    t = pa.table({"id": pa.array(np.arange(n), pa.int32()), "li": pa.array(li, pa.list_(pa.int64())),
                  "ls": pa.array(ls, pa.list_(pa.string())),
                  "lf": pa.array([None if x is None else [None if v is None else v / 7 for v in x] for x in li],
                                 pa.list_(pa.float64())),
                  "lts": pa.array([None if x is None else [None if v is None else v // 1000 for v in x] for x in li],
                                  pa.list_(pa.timestamp("us", tz="UTC")))})
    for page in ("1.0", "2.0"):
        for dictionary in (True, False):
            pa_write(w, f"pa_lists_page{page[0]}_{'dict' if dictionary else 'plain'}", t,
                     f"list columns: null/empty lists, null elements, lists spanning pages, data page v{page[0]}",
                     data_page_version=page, use_dictionary=dictionary, data_page_size=1024,
                     write_batch_size=64, row_group_size=1500, compression="snappy")

    # Fixed-size binary.
    rng = _rng(460)
    t = pa.table({"uuidish": pa.array([rng.integers(0, 256, 16, dtype=np.uint8).tobytes() for _ in range(500)],
                                      pa.binary(16), mask=_mask(rng, 500, 0.1)),
                  "one": pa.array([bytes([i % 256]) for i in range(500)], pa.binary(1))})
    pa_write(w, "pa_fixed_size_binary", t, "fixed_size_binary(16) and (1)", compression="gzip")

    # Statistics off, page index / checksums on.
    t = all_types_table(1000, 470)
    pa_write(w, "pa_no_stats_page_index_crc", t,
             "write_statistics=False, page index and page checksums written",
             write_statistics=False, write_page_index=True, write_page_checksum=True,
             compression="zstd", data_page_version="2.0")


# ---------------------------------------------------------------------------
# DuckDB fixtures
# ---------------------------------------------------------------------------

DUCK_QUERY = """
SELECT
    i::INTEGER AS i32,
    (i * 2654435761 % 4294967296 - 2147483648)::BIGINT * 1000003 AS i64,
    CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 100)::SMALLINT END AS i16,
    CASE WHEN i % 13 = 0 THEN NULL
         WHEN i % 97 = 1 THEN 'NaN'::DOUBLE
         WHEN i % 97 = 2 THEN 'inf'::DOUBLE
         WHEN i % 97 = 3 THEN '-inf'::DOUBLE
         WHEN i % 97 = 4 THEN -0.0::DOUBLE
         ELSE i / 7.0 END::DOUBLE AS f64,
    (i / 3.0)::FLOAT AS f32,
    CASE WHEN i % 17 = 0 THEN NULL WHEN i % 17 = 1 THEN ''
         WHEN i % 17 = 2 THEN '漢字😀' || i::VARCHAR ELSE 'row_' || i::VARCHAR END AS s,
    (i % 7 = 0) AS b,
    CASE WHEN i % 19 = 0 THEN NULL ELSE ('\\x' || lpad(to_hex(i % 65536), 4, '0'))::BLOB END AS blob,
    TIMESTAMP '2020-01-01 00:00:00' + to_microseconds(i * 1234567) AS ts,
    CASE WHEN i % 23 = 0 THEN NULL
         ELSE TIMESTAMPTZ '1969-12-31 00:00:00+00' + to_microseconds(i::BIGINT * 987654321) END AS tstz,
    DATE '1970-01-01' + (i % 40000 - 20000)::INTEGER AS d,
    CASE WHEN i % 10 = 0 THEN NULL WHEN i % 10 = 1 THEN []::BIGINT[]
         ELSE [i::BIGINT, NULL, -i::BIGINT] END AS li,
    CASE WHEN i % 9 = 0 THEN NULL WHEN i % 9 = 1 THEN []::VARCHAR[]
         ELSE ['a' || i::VARCHAR, NULL, ''] END AS ls,
    NULL::BIGINT AS all_null
FROM range(0, {n}) t(i)
ORDER BY i
"""


def duckdb_fixtures(w: Writer):
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads=1")
    con.execute("SET TimeZone='UTC'")
    variants = [
        ("duck_zstd", "COMPRESSION zstd", 5000, "DuckDB, zstd"),
        ("duck_snappy", "COMPRESSION snappy", 5000, "DuckDB, snappy"),
        ("duck_uncompressed", "COMPRESSION uncompressed", 5000, "DuckDB, uncompressed"),
        ("duck_gzip_small_rg", "COMPRESSION gzip, ROW_GROUP_SIZE 1000", 5000,
         "DuckDB, gzip, row groups of 1000 rows"),
        ("duck_v2_zstd", "COMPRESSION zstd, PARQUET_VERSION v2", 5000,
         "DuckDB PARQUET_VERSION v2 (data page v2, delta encodings), zstd"),
        ("duck_v2_uncompressed", "COMPRESSION uncompressed, PARQUET_VERSION v2, ROW_GROUP_SIZE 2048", 6000,
         "DuckDB PARQUET_VERSION v2, uncompressed, several row groups"),
        ("duck_one_row", "COMPRESSION zstd", 1, "DuckDB, 1 row"),
        ("duck_zero_rows", "COMPRESSION snappy", 0, "DuckDB, 0 rows"),
    ]
    for name, opts, n, desc in variants:
        query = DUCK_QUERY.format(n=n)
        path = w.path(name)
        try:
            con.execute(f"COPY ({query}) TO '{path}' (FORMAT parquet, {opts})")
        except duckdb.Error as e:  # e.g. an option this DuckDB does not know
            print(f"skipping {name}: {e}", file=sys.stderr)
            if os.path.exists(path):
                os.remove(path)
            continue
        table = con.sql(query).to_arrow_table()
        w.finish(name, table, desc, f"duckdb {duckdb.__version__}", {"copy_options": opts})
    # A table with NOT NULL constraints (DuckDB writes REQUIRED for them).
    con.execute("CREATE TABLE req (id BIGINT NOT NULL, name VARCHAR NOT NULL, score DOUBLE, tags VARCHAR[] NOT NULL)")
    con.execute("INSERT INTO req SELECT i, 'n' || i::VARCHAR, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.5 END, "
                "CASE WHEN i % 4 = 0 THEN []::VARCHAR[] ELSE ['t' || (i % 5)::VARCHAR] END FROM range(0, 3000) t(i)")
    name = "duck_not_null_table"
    con.execute(f"COPY (SELECT * FROM req ORDER BY id) TO '{w.path(name)}' (FORMAT parquet, COMPRESSION snappy)")
    table = con.sql("SELECT * FROM req ORDER BY id").to_arrow_table()
    w.finish(name, table, "DuckDB table with NOT NULL columns, snappy",
             f"duckdb {duckdb.__version__}", {"copy_options": "COMPRESSION snappy"})


# ---------------------------------------------------------------------------
# Polars fixtures
# ---------------------------------------------------------------------------

def polars_fixtures(w: Writer):
    import polars as pl

    rng = _rng(500)
    n = 5000
    df = pl.DataFrame({
        "id": np.arange(n, dtype=np.int64),
        "i32": pl.Series(_ints(rng, n, np.int32)).cast(pl.Int32),
        "f64": pl.Series(_specials_float(rng, n, np.float64)),
        "f32": pl.Series(_specials_float(rng, n, np.float32)),
        "s": pl.Series(_strings(rng, n, 0.1), dtype=pl.String),
        "li": pl.Series(_lists(rng, n, lambda k: [None if rng.random() < 0.2 else int(v)
                                                 for v in rng.integers(-1000, 1000, k)]),
                        dtype=pl.List(pl.Int64)),
        "ls": pl.Series(_lists(rng, n, lambda k: _strings(rng, k, 0.2)), dtype=pl.List(pl.String)),
        "b": pl.Series([None if x < 0.1 else bool(x < 0.5) for x in rng.random(n)], dtype=pl.Boolean),
        "nulls": pl.Series([None] * n, dtype=pl.Int64),
    })
    # Null out some numbers (distinct from NaN).
    mask = rng.random(n) < 0.1
    df = df.with_columns(
        pl.when(pl.Series(mask)).then(None).otherwise(pl.col("f64")).alias("f64"),
        pl.when(pl.Series(mask[::-1].copy())).then(None).otherwise(pl.col("i32")).alias("i32"),
    )
    variants = [
        ("polars_default", {}, "Polars write_parquet defaults (zstd, statistics)"),
        ("polars_snappy_stats", {"compression": "snappy", "statistics": True},
         "Polars compression=snappy, statistics=True"),
        ("polars_uncompressed_small_rg", {"compression": "uncompressed", "row_group_size": 1000,
                                          "data_page_size": 4096},
         "Polars uncompressed, row_group_size=1000, data_page_size=4096"),
    ]
    for name, opts, desc in variants:
        df.write_parquet(w.path(name), **opts)
        w.finish(name, df.to_arrow(), desc, f"polars {pl.__version__}", opts)


def main(argv):
    if len(argv) != 2:
        print("usage: make_parquet_fixtures.py OUTDIR", file=sys.stderr)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    w = Writer(outdir)
    pyarrow_fixtures(w)
    duckdb_fixtures(w)
    polars_fixtures(w)
    with open(os.path.join(outdir, "fixtures.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "Tests/Python/make_parquet_fixtures.py",
                   "versions": _versions(), "fixtures": w.entries}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    by_writer = {}
    for e in w.entries:
        k = e["writer"].split()[0]
        by_writer[k] = by_writer.get(k, 0) + 1
    print(f"wrote {len(w.entries)} parquet fixtures to {outdir} "
          f"({', '.join(f'{k}: {v}' for k, v in by_writer.items())})")
    return 0


def _versions():
    import duckdb
    import polars as pl
    return {"pyarrow": pa.__version__, "duckdb": duckdb.__version__, "polars": pl.__version__,
            "numpy": np.__version__}


if __name__ == "__main__":
    sys.exit(main(sys.argv))
