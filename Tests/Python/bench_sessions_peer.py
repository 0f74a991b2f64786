#!/usr/bin/env python3
"""Benchmark peer worker for `aigq bench sessions`: the sessions stage's work with Polars or DuckDB.

Usage:
  bench_sessions_peer.py --tool polars|duckdb --input DIR --output DIR --threads N --day YYYY-MM-DD

DIR holds what `aigq bench sessions` generates: events/dt=DAY/bucket=NNN/part-00000.parquet (one day,
user-keyed shards in the `events` schema) and users/, items/, queries/ snapshots. One process per
measurement; thread pools are pinned before any data is touched (Polars: POLARS_MAX_THREADS set
before `import polars`; DuckDB: SET threads=N). Imports are not timed; reading the input, the
aggregation and writing the output are.

The work (the same rows as the sessions stage, spec section 3):
- behaviours of a user: every `search` (text = query, key = "search:" + query, leaf category from
  queries, -1 when unknown), every `hint_click` that no `search` of the same query by the same user
  follows (later in the user's order) within 60 000 ms (counted as a search), and every
  `item_click` (text = the item's title, "" when not in items; key = "item:" + id; category from
  items, -1 when unknown); in (ts, file order) per user;
- direct_sessions: every hint_exposure of the day (the first of a repeated exposure id per user)
  with at least one hint_click naming it: clicked = the distinct clicked queries in click order,
  candidates as logged, profile (gender "u" and nulls for users missing from users), history = the
  last 32 behaviours strictly before the exposure, as parallel lists h_kind, h_text, h_key, h_ts
  (epoch ms), h_category;
- behaviors: every user with an event, ts = the next day's first millisecond, profile, the last 32
  behaviours.
Both are written as zstd Parquet under OUTPUT/direct_sessions/ and OUTPUT/behaviors/. Users with
no behaviour may get null history lists here (the aigq checksum reads a null list as empty).

Prints exactly one JSON line: {"tool", "version", "task", "threads", "seconds", "rows", "bytes"}
where rows = events read and bytes = the size of the files written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import sys
import time

HISTORY = 32
HINT_SEARCH_WINDOW_MS = 60_000


def day_bounds(day: str) -> tuple[int, int]:
    start = int(dt.datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc).timestamp() * 1000)
    return start, start + 86_400_000


def dim_file(inp: str, name: str) -> str:
    files = sorted(glob.glob(os.path.join(inp, name, "**", "*.parquet"), recursive=True))
    if not files:
        raise SystemExit(f"no {name} snapshot under {inp}")
    return files[0]


def run_polars(inp: str, out: str, threads: int, day: str):
    os.environ["POLARS_MAX_THREADS"] = str(threads)
    import polars as pl

    events_glob = os.path.join(inp, "events", f"dt={day}", "bucket=*", "*.parquet")
    start, end = day_bounds(day)
    hist = ["h_kind", "h_text", "h_key", "h_ts", "h_category"]

    t0 = time.perf_counter()
    ev = (
        pl.scan_parquet(events_glob)
        .select("user", "ts", "type", "query", "item", "exposure", "shown", "candidates")
        .with_row_index("rid")
        .with_columns(pl.col("ts").dt.epoch("ms").alias("t"))
        .collect()
    )
    queries = pl.read_parquet(dim_file(inp, "queries"), columns=["query", "category"])
    items = pl.read_parquet(dim_file(inp, "items"), columns=["item", "category", "title"])
    users = pl.read_parquet(dim_file(inp, "users"), columns=["user", "gender", "age", "city_tier"])

    searches = ev.filter(pl.col("type") == "search").select("user", "t", "rid", "query")
    clicks = ev.filter(pl.col("type") == "hint_click").select("user", "t", "rid", "query", "exposure")
    followed = (
        clicks.join(searches.select("user", "query", pl.col("t").alias("t_s"), pl.col("rid").alias("rid_s")), on=["user", "query"])
        .filter((pl.col("rid_s") > pl.col("rid")) & (pl.col("t_s") <= pl.col("t") + HINT_SEARCH_WINDOW_MS))
        .select("rid")
        .unique()
    )
    lone = clicks.join(followed, on="rid", how="anti").select("user", "t", "rid", "query")
    qcat = queries.select("query", pl.col("category").alias("cat"))
    search_b = (
        pl.concat([searches, lone])
        .join(qcat, on="query", how="left")
        .select(
            "user", "t", "rid", pl.lit("search").alias("kind"), pl.col("query").alias("text"),
            (pl.lit("search:") + pl.col("query")).alias("key"), pl.col("cat").fill_null(-1),
        )
    )
    click_b = (
        ev.filter(pl.col("type") == "item_click")
        .select("user", "t", "rid", "item")
        .join(items.rename({"category": "cat"}), on="item", how="left")
        .select(
            "user", "t", "rid", pl.lit("click").alias("kind"), pl.col("title").fill_null("").alias("text"),
            (pl.lit("item:") + pl.col("item").cast(pl.String)).alias("key"), pl.col("cat").fill_null(-1),
        )
    )
    behaviours = pl.concat([search_b, click_b]).sort("user", "t", "rid")
    lists = behaviours.group_by("user", maintain_order=True).agg(
        pl.col("kind").alias("h_kind"), pl.col("text").alias("h_text"), pl.col("key").alias("h_key"),
        pl.col("t").alias("h_ts"), pl.col("cat").alias("h_category"),
    )

    exposures = (
        ev.filter((pl.col("type") == "hint_exposure") & (pl.col("t") >= start) & (pl.col("t") < end))
        .select("user", "t", "rid", "exposure", "shown", "candidates")
        .unique(subset=["user", "exposure"], keep="first", maintain_order=True)
    )
    clicked = (
        clicks.unique(subset=["user", "exposure", "query"], keep="first", maintain_order=True)
        .group_by("user", "exposure", maintain_order=True)
        .agg(pl.col("query").alias("clicked"))
    )
    direct = exposures.join(clicked, on=["user", "exposure"], how="inner")
    # n = behaviours strictly before each exposure: exposures sort before behaviours of the same ms.
    marks = pl.concat([
        behaviours.select("user", "t", pl.lit(1, pl.Int64).alias("b"), pl.lit(None, pl.UInt32).alias("erid")),
        direct.select("user", "t", pl.lit(0, pl.Int64).alias("b"), pl.col("rid").alias("erid")),
    ]).sort("user", "t", "b")
    counts = (
        marks.with_columns(pl.col("b").cum_sum().over("user").alias("n"))
        .filter(pl.col("b") == 0)
        .select(pl.col("erid").alias("rid"), "n")
    )
    first = (pl.col("n") - HISTORY).clip(lower_bound=0)
    direct = (
        direct.join(counts, on="rid")
        .join(lists, on="user", how="left")
        .with_columns([pl.col(c).list.slice(first, pl.col("n") - first) for c in hist])
        .join(users, on="user", how="left")
        .select(
            "user", pl.col("t").cast(pl.Datetime("ms", "UTC")).alias("ts"), "exposure", pl.col("shown").cast(pl.Int32),
            "clicked", "candidates", pl.col("gender").fill_null("u"), "age", "city_tier", *hist,
        )
    )
    os.makedirs(os.path.join(out, "direct_sessions"), exist_ok=True)
    direct.write_parquet(os.path.join(out, "direct_sessions", "part-00000.parquet"), compression="zstd", compression_level=3)

    behaviors = (
        ev.select("user").unique(maintain_order=True)
        .join(lists, on="user", how="left")
        .with_columns([pl.col(c).list.tail(HISTORY) for c in hist])
        .join(users, on="user", how="left")
        .select(
            "user", pl.lit(end).cast(pl.Datetime("ms", "UTC")).alias("ts"), pl.col("gender").fill_null("u"), "age",
            "city_tier", *hist,
        )
    )
    os.makedirs(os.path.join(out, "behaviors"), exist_ok=True)
    behaviors.write_parquet(os.path.join(out, "behaviors", "part-00000.parquet"), compression="zstd", compression_level=3)
    seconds = time.perf_counter() - t0
    return pl.__version__, seconds, ev.height


def run_duckdb(inp: str, out: str, threads: int, day: str):
    import duckdb

    def lit(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    events_glob = os.path.join(inp, "events", f"dt={day}", "bucket=*", "*.parquet")
    start, end = day_bounds(day)
    con = duckdb.connect(":memory:")
    con.execute(f"SET threads={int(threads)}")
    con.execute("SET preserve_insertion_order=false")
    os.makedirs(os.path.join(out, "direct_sessions"), exist_ok=True)
    os.makedirs(os.path.join(out, "behaviors"), exist_ok=True)

    t0 = time.perf_counter()
    # Each user lives in one shard, so (t, file_row_number) orders a user's events.
    con.execute(f"""
        CREATE TEMP TABLE ev AS
        SELECT "user", epoch_ms(ts) AS t, type, query, item, exposure, shown, candidates, file_row_number AS frn
        FROM read_parquet({lit(events_glob)}, file_row_number = true)""")
    con.execute(f"CREATE TEMP TABLE q AS SELECT query, category FROM read_parquet({lit(dim_file(inp, 'queries'))})")
    con.execute(f"CREATE TEMP TABLE it AS SELECT item, category, title FROM read_parquet({lit(dim_file(inp, 'items'))})")
    con.execute(f"""CREATE TEMP TABLE us AS SELECT "user", gender, age, city_tier FROM read_parquet({lit(dim_file(inp, 'users'))})""")
    con.execute(f"""
        CREATE TEMP TABLE beh AS
        WITH s AS (SELECT "user", t, frn, query FROM ev WHERE type = 'search'),
        hc AS (SELECT "user", t, frn, query FROM ev WHERE type = 'hint_click'),
        lone AS (
            SELECT * FROM hc WHERE NOT EXISTS (
                SELECT 1 FROM s WHERE s."user" = hc."user" AND s.query = hc.query AND s.frn > hc.frn
                AND s.t <= hc.t + {HINT_SEARCH_WINDOW_MS})),
        ss AS (SELECT * FROM s UNION ALL SELECT * FROM lone),
        b AS (
            SELECT ss."user", ss.t, ss.frn, 'search' AS kind, ss.query AS text, 'search:' || ss.query AS key,
                   coalesce(q.category, -1) AS cat
            FROM ss LEFT JOIN q USING (query)
            UNION ALL
            SELECT c."user", c.t, c.frn, 'click', coalesce(it.title, ''), 'item:' || c.item, coalesce(it.category, -1)
            FROM (SELECT "user", t, frn, item FROM ev WHERE type = 'item_click') c LEFT JOIN it USING (item))
        SELECT *, row_number() OVER (PARTITION BY "user" ORDER BY t, frn) AS bn FROM b""")
    con.execute("""
        CREATE TEMP TABLE h AS
        SELECT "user", list(kind ORDER BY bn) AS h_kind, list(text ORDER BY bn) AS h_text, list(key ORDER BY bn) AS h_key,
               list(t ORDER BY bn) AS h_ts, list(cat ORDER BY bn) AS h_category, count(*) AS nb
        FROM beh GROUP BY "user" """)
    hist = "h_kind, h_text, h_key, h_ts, h_category"
    sliced = ", ".join(f"list_slice({c}, greatest(n - {HISTORY - 1}, 1), n) AS {c}" for c in hist.split(", "))
    con.execute(f"""
        COPY (
            WITH e AS (
                SELECT "user", t, frn, exposure, shown, candidates FROM ev
                WHERE type = 'hint_exposure' AND t >= {start} AND t < {end}
                QUALIFY row_number() OVER (PARTITION BY "user", exposure ORDER BY t, frn) = 1),
            c AS (
                SELECT "user", exposure, list(query ORDER BY t, frn) AS clicked FROM (
                    SELECT * FROM ev WHERE type = 'hint_click'
                    QUALIFY row_number() OVER (PARTITION BY "user", exposure, query ORDER BY t, frn) = 1)
                GROUP BY "user", exposure),
            d AS (SELECT e.*, c.clicked FROM e JOIN c USING ("user", exposure)),
            dn AS (
                SELECT d.*, coalesce(b.bn, 0) AS n FROM d
                ASOF LEFT JOIN (SELECT "user", t, bn FROM beh) b ON d."user" = b."user" AND d.t > b.t)
            SELECT dn."user", epoch_ms(dn.t) AS ts, exposure, shown, clicked, candidates, coalesce(us.gender, 'u') AS gender,
                   us.age, us.city_tier, {sliced}
            FROM dn LEFT JOIN h USING ("user") LEFT JOIN us USING ("user")
        ) TO {lit(os.path.join(out, 'direct_sessions', 'part-00000.parquet'))} (FORMAT parquet, COMPRESSION zstd)""")
    sliced_all = ", ".join(f"list_slice({c}, greatest(nb - {HISTORY - 1}, 1), nb) AS {c}" for c in hist.split(", "))
    con.execute(f"""
        COPY (
            SELECT x."user", epoch_ms({end}) AS ts, coalesce(us.gender, 'u') AS gender, us.age, us.city_tier, {sliced_all}
            FROM (SELECT DISTINCT "user" FROM ev) x LEFT JOIN h USING ("user") LEFT JOIN us USING ("user")
        ) TO {lit(os.path.join(out, 'behaviors', 'part-00000.parquet'))} (FORMAT parquet, COMPRESSION zstd)""")
    seconds = time.perf_counter() - t0
    rows = con.execute("SELECT count(*) FROM ev").fetchone()[0]
    return duckdb.__version__, seconds, rows


RUNNERS = {"polars": run_polars, "duckdb": run_duckdb}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="sessions benchmark peer worker (one measurement per process)")
    ap.add_argument("--tool", required=True, choices=sorted(RUNNERS))
    ap.add_argument("--input", required=True, help="folder made by `aigq bench sessions`")
    ap.add_argument("--output", required=True, help="folder to write direct_sessions/ and behaviors/ into")
    ap.add_argument("--threads", required=True, type=int)
    ap.add_argument("--day", required=True)
    args = ap.parse_args(argv)
    if args.threads < 1:
        ap.error("--threads must be >= 1")
    if not os.path.isdir(args.input):
        ap.error(f"input not found: {args.input}")
    os.makedirs(args.output, exist_ok=True)
    version, seconds, rows = RUNNERS[args.tool](args.input, args.output, args.threads, args.day)
    size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(args.output, "**", "*.parquet"), recursive=True))
    print(json.dumps({"tool": args.tool, "version": version, "task": "sessions", "threads": args.threads,
                      "seconds": seconds, "rows": int(rows), "bytes": size}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
