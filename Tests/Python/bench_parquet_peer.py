#!/usr/bin/env python3
"""Benchmark peer worker: time one Parquet write or scan with pyarrow, Polars or DuckDB.

Usage:
  bench_parquet_peer.py --tool pyarrow|polars|duckdb --task write|scan
                        --input IN.parquet [--output OUT.parquet] --threads N

Run one process per measurement.  Thread pools are pinned before any data is
touched (pyarrow: pa.set_cpu_count / pa.set_io_thread_count; Polars:
POLARS_MAX_THREADS set before `import polars`; DuckDB: SET threads=N).
Imports and input loading are not timed.

write: load IN fully into memory (Arrow table / Polars DataFrame / DuckDB
       table in an in-memory database), then time only writing OUT with zstd
       level 3 (all other options at the library's defaults).
scan:  time reading IN fully with every column decoded into memory
       (pq.read_table / pl.read_parquet / CREATE TABLE t AS SELECT * FROM
       read_parquet(...) in an in-memory DuckDB).

Prints exactly one JSON line:
  {"tool", "version", "task", "threads", "seconds", "rows", "bytes"}
where bytes is the size of OUT for write and of IN for scan.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def run_pyarrow(task, inp, out, threads):
    import pyarrow as pa
    import pyarrow.dataset  # noqa: F401 - pq.read_table imports it lazily; keep that out of the timing
    import pyarrow.parquet as pq

    pa.set_cpu_count(threads)
    pa.set_io_thread_count(threads)
    if task == "write":
        table = pq.read_table(inp)
        table.num_rows  # noqa: B018 - loaded before timing
        t0 = time.perf_counter()
        pq.write_table(table, out, compression="zstd", compression_level=3)
        seconds = time.perf_counter() - t0
        return pa.__version__, seconds, table.num_rows
    t0 = time.perf_counter()
    table = pq.read_table(inp)
    seconds = time.perf_counter() - t0
    return pa.__version__, seconds, table.num_rows


def run_polars(task, inp, out, threads):
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl

    if task == "write":
        df = pl.read_parquet(inp)
        t0 = time.perf_counter()
        df.write_parquet(out, compression="zstd", compression_level=3)
        seconds = time.perf_counter() - t0
        return pl.__version__, seconds, df.height
    t0 = time.perf_counter()
    df = pl.read_parquet(inp)
    seconds = time.perf_counter() - t0
    return pl.__version__, seconds, df.height


def run_duckdb(task, inp, out, threads):
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute(f"SET threads={int(threads)}")
    if task == "write":
        con.execute(f"CREATE TABLE tbl AS SELECT * FROM read_parquet({_sql_str(inp)})")
        rows = con.execute("SELECT count(*) FROM tbl").fetchone()[0]
        t0 = time.perf_counter()
        con.execute(f"COPY tbl TO {_sql_str(out)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3)")
        seconds = time.perf_counter() - t0
        return duckdb.__version__, seconds, rows
    t0 = time.perf_counter()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_parquet({_sql_str(inp)})")
    seconds = time.perf_counter() - t0
    rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
    return duckdb.__version__, seconds, rows


RUNNERS = {"pyarrow": run_pyarrow, "polars": run_polars, "duckdb": run_duckdb}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Parquet benchmark peer worker (one measurement per process)")
    ap.add_argument("--tool", required=True, choices=sorted(RUNNERS))
    ap.add_argument("--task", required=True, choices=["write", "scan"])
    ap.add_argument("--input", required=True, help="input Parquet file")
    ap.add_argument("--output", help="output Parquet file (required for --task write)")
    ap.add_argument("--threads", required=True, type=int)
    args = ap.parse_args(argv)
    if args.threads < 1:
        ap.error("--threads must be >= 1")
    if args.task == "write" and not args.output:
        ap.error("--output is required for --task write")
    if not os.path.isfile(args.input):
        ap.error(f"input not found: {args.input}")
    if args.task == "write" and os.path.exists(args.output):
        os.remove(args.output)  # untimed; every tool starts from no file

    version, seconds, rows = RUNNERS[args.tool](args.task, args.input, args.output, args.threads)
    size = os.path.getsize(args.output if args.task == "write" else args.input)
    print(json.dumps({"tool": args.tool, "version": version, "task": args.task,
                      "threads": args.threads, "seconds": seconds, "rows": int(rows),
                      "bytes": size}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
