#!/usr/bin/env python3
"""Benchmark peer worker: convert one JSON Lines day of raw events into zstd Parquet with DuckDB,
Polars or pyarrow, timed (one process per measurement, like bench_parquet_peer.py).

Usage:
  bench_ingest_peer.py --tool duckdb|polars|pyarrow --input EVENTS.jsonl --output OUT.parquet --threads N

Every tool reads the file with the raw contract's columns given explicitly (ts, user, type, query,
item, exposure, shown, candidates as a list of {query, score}, source, price) and writes one
Parquet file with zstd level 3 (Polars and pyarrow read item and shown as doubles and cast them
back, since the contract lets producers write integers as 1.0 or 1e0 and their int parsers refuse
that; DuckDB takes them as they are); nothing is validated, normalised, sorted or split by user (that is
our ingest's extra work).  Thread pools are pinned before any data is touched (DuckDB: SET threads;
Polars: POLARS_MAX_THREADS before `import polars`; pyarrow: pa.set_cpu_count and
set_io_thread_count).  Imports are not timed.

  duckdb:  COPY (SELECT * FROM read_json(IN, format='newline_delimited', columns={...}))
           TO OUT (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3)
  polars:  pl.scan_ndjson(IN, schema=...).sink_parquet(OUT, compression='zstd', compression_level=3)
  pyarrow: pyarrow.json.read_json(IN, explicit schema) then pq.write_table(..., compression='zstd',
           compression_level=3)

Prints exactly one JSON line:
  {"tool", "version", "task": "ingest", "threads", "seconds", "rows", "bytes"}
where rows is the row count of OUT (read back after the timing) and bytes its size.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

DUCKDB_COLUMNS = (
    "{ts: 'BIGINT', user: 'BIGINT', type: 'VARCHAR', query: 'VARCHAR', item: 'BIGINT', exposure: 'VARCHAR', "
    "shown: 'INTEGER', candidates: 'STRUCT(query VARCHAR, score DOUBLE)[]', source: 'VARCHAR', price: 'DOUBLE'}"
)


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def run_duckdb(inp, out, threads):
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute(f"SET threads={int(threads)}")
    t0 = time.perf_counter()
    con.execute(
        f"COPY (SELECT * FROM read_json({_sql_str(inp)}, format='newline_delimited', columns={DUCKDB_COLUMNS})) "
        f"TO {_sql_str(out)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3)"
    )
    seconds = time.perf_counter() - t0
    rows = con.execute(f"SELECT count(*) FROM read_parquet({_sql_str(out)})").fetchone()[0]
    return duckdb.__version__, seconds, rows


def run_polars(inp, out, threads):
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl

    # item and shown may be written 1.0 or 1e0 (the contract allows it): read as Float64, cast back.
    schema = {
        "ts": pl.Int64, "user": pl.Int64, "type": pl.String, "query": pl.String, "item": pl.Float64,
        "exposure": pl.String, "shown": pl.Float64,
        "candidates": pl.List(pl.Struct({"query": pl.String, "score": pl.Float64})),
        "source": pl.String, "price": pl.Float64,
    }
    t0 = time.perf_counter()
    (
        pl.scan_ndjson(inp, schema=schema)
        .with_columns(pl.col("item").cast(pl.Int64), pl.col("shown").cast(pl.Int32))
        .sink_parquet(out, compression="zstd", compression_level=3)
    )
    seconds = time.perf_counter() - t0
    rows = pl.scan_parquet(out).select(pl.len()).collect().item()
    return pl.__version__, seconds, rows


def run_pyarrow(inp, out, threads):
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    pa.set_cpu_count(threads)
    pa.set_io_thread_count(threads)
    schema = pa.schema([
        ("ts", pa.int64()), ("user", pa.int64()), ("type", pa.string()), ("query", pa.string()),
        ("item", pa.float64()), ("exposure", pa.string()), ("shown", pa.float64()),
        ("candidates", pa.list_(pa.struct([("query", pa.string()), ("score", pa.float64())]))),
        ("source", pa.string()), ("price", pa.float64()),
    ])
    t0 = time.perf_counter()
    table = pj.read_json(
        inp,
        read_options=pj.ReadOptions(use_threads=threads > 1),
        parse_options=pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore"),
    )
    # item and shown may be written 1.0 or 1e0 (the contract allows it): read as float64, cast back.
    table = table.set_column(table.schema.get_field_index("item"), "item", pc.cast(table["item"], pa.int64()))
    table = table.set_column(table.schema.get_field_index("shown"), "shown", pc.cast(table["shown"], pa.int32()))
    pq.write_table(table, out, compression="zstd", compression_level=3)
    seconds = time.perf_counter() - t0
    return pa.__version__, seconds, pq.ParquetFile(out).metadata.num_rows


RUNNERS = {"duckdb": run_duckdb, "polars": run_polars, "pyarrow": run_pyarrow}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Ingest benchmark peer worker (one measurement per process)")
    ap.add_argument("--tool", required=True, choices=sorted(RUNNERS))
    ap.add_argument("--input", required=True, help="the day's events, one JSON Lines file")
    ap.add_argument("--output", required=True, help="the Parquet file to write")
    ap.add_argument("--threads", required=True, type=int)
    args = ap.parse_args(argv)
    if args.threads < 1:
        ap.error("--threads must be >= 1")
    if not os.path.isfile(args.input):
        ap.error(f"input not found: {args.input}")
    if os.path.exists(args.output):
        os.remove(args.output)  # untimed; every tool starts from no file

    version, seconds, rows = RUNNERS[args.tool](args.input, args.output, args.threads)
    print(json.dumps({"tool": args.tool, "version": version, "task": "ingest", "threads": args.threads,
                      "seconds": seconds, "rows": int(rows), "bytes": os.path.getsize(args.output)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
