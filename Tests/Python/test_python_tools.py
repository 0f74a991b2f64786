"""Self-tests of the Python interop tools (run with pytest from any directory).

* unit checks of the inspect JSONL rendering rules and of compare();
* make_parquet_fixtures.py + check_parquet_files.py end to end: files written
  by pyarrow/DuckDB/Polars must pass against their generated expectations
  (validates both the expectations and the checker), and tampered
  expectations must fail;
* bench_parquet_peer.py prints one well-formed JSON line for every tool/task.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import inspect_jsonl  # noqa: E402

PY = sys.executable
# Known DuckDB reader limitation (not a fixture problem).
DUCKDB_SKIP = ["--duckdb-skip", "pa_byte_stream_split_flba"]


def _run(args, **kw):
    return subprocess.run([PY, *args], capture_output=True, text=True, **kw)


# --------------------------------------------------------------------------- unit

def test_render_value_rules():
    t = pa.table({
        "b": pa.array([True, None, False]),
        "i8": pa.array([-128, None, 127], pa.int8()),
        "f32": pa.array([0.1, float("nan"), float("-inf")], pa.float32()),
        "f64": pa.array([-0.0, float("inf"), None], pa.float64()),
        "s": pa.array(["", "漢😀", None]),
        "bin": pa.array([b"\x00\xff", b"", None], pa.binary()),
        "fsb": pa.array([b"ab", None, b"cd"], pa.binary(2)),
        "ts": pa.array([1, -1, None], pa.timestamp("ms", tz="UTC")),
        "tsn": pa.array([1, None, 2], pa.timestamp("ns")),
        "d": pa.array([0, -1, None], pa.date32()),
        "ls": pa.array([["a", None], None, []], pa.list_(pa.string())),
        "dict": pa.array(["x", None, "x"]).dictionary_encode(),
        "lstr": pa.array(["y", None, "z"], pa.large_string()),
    })
    lines = inspect_jsonl.render_arrow_table(t, 1)
    header = json.loads(lines[0])
    assert [f["type"] for f in header["schema"]] == [
        "boolean", "int32", "float", "double", "string", "binary", "binary",
        "timestamp[ms, UTC]", "timestamp[ns]", "date32", "list<string>", "string", "string"]
    assert header["rows"] == 3 and header["row_groups"] == 1
    rows = [json.loads(l) for l in lines[1:]]
    assert list(rows[0].keys()) == t.column_names
    assert rows[0]["f32"] == float(np.float32(0.1)) == 0.10000000149011612
    assert rows[1]["f32"] == "NaN" and rows[2]["f32"] == "-Infinity"
    assert math.copysign(1, rows[0]["f64"]) == -1 and rows[1]["f64"] == "Infinity"
    assert rows[0]["bin"] == "AP8=" and rows[1]["bin"] == "" and rows[2]["bin"] is None
    assert rows[0]["fsb"] == "YWI="
    assert [r["ts"] for r in rows] == [1, -1, None]
    assert [r["d"] for r in rows] == [0, -1, None]
    assert [r["ls"] for r in rows] == [["a", None], None, []]
    assert rows[1]["s"] == "漢😀"
    assert inspect_jsonl.compare(lines, lines) == []


def test_parquet_schema_types(tmp_path):
    t = pa.table({"a": pa.array([1], pa.int16()), "t": pa.array([5], pa.timestamp("ms")),
                  "u": pa.array([5], pa.timestamp("us", tz="UTC"))})
    t = t.cast(pa.schema([pa.field("a", pa.int16(), nullable=False), t.schema.field("t"), t.schema.field("u")]))
    p = str(tmp_path / "x.parquet")
    pq.write_table(t, p)
    schema = inspect_jsonl.schema_from_parquet(pq.ParquetFile(p).schema)
    assert schema == [{"name": "a", "type": "int32", "nullable": False},
                      {"name": "t", "type": "timestamp[ms]", "nullable": True},
                      {"name": "u", "type": "timestamp[us, UTC]", "nullable": True}]
    pq.write_table(t, p, use_deprecated_int96_timestamps=True)
    schema = inspect_jsonl.schema_from_parquet(pq.ParquetFile(p).schema)
    assert [f["type"] for f in schema] == ["int32", "timestamp[ns]", "timestamp[ns]"]
    lines = inspect_jsonl.render_arrow_table(t, 1, parquet_schema=pq.ParquetFile(p).schema)
    assert json.loads(lines[1]) == {"a": 1, "t": 5_000_000, "u": 5_000}


def test_compare_reports_differences():
    exp = ['{"schema":[{"name":"f","type":"double","nullable":true},{"name":"i","type":"int64","nullable":false}],'
           '"rows":2,"row_groups":1,"expect_codec":"ZSTD"}',
           '{"f":-0.0,"i":1}', '{"f":"NaN","i":2}']
    same = ['{"schema":[{"name":"f","type":"double","nullable":true},{"name":"i","type":"int64","nullable":false}],'
            '"rows":2,"row_groups":1}', '{"f":-0e0,"i":1}', '{"f":"NaN","i":2}']
    assert inspect_jsonl.compare(exp, same) == []
    bad = ['{"schema":[{"name":"f","type":"float","nullable":true},{"name":"i","type":"int64","nullable":true}],'
           '"rows":2,"row_groups":2}', '{"f":0,"i":1.0}', '{"i":2,"f":null}']
    diffs = inspect_jsonl.compare(exp, bad)
    text = "\n".join(diffs)
    assert "type expected" in text and "nullable expected" in text and "row_groups" in text
    assert "row 0 column f" in text and "row 0 column i" in text
    assert "keys" in text and "row 1 column f" in text
    many = [exp[0]] + ['{"f":1.5,"i":%d}' % k for k in range(2)]
    assert len(inspect_jsonl.compare([exp[0]] + ['{"f":2.5,"i":9}'] * 2, many, limit=1)) == 2


# --------------------------------------------------------------------------- end to end

@pytest.fixture(scope="module")
def fixtures_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixtures")
    r = _run([os.path.join(HERE, "make_parquet_fixtures.py"), str(out)])
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("wrote ")
    return out


def test_fixtures_listed(fixtures_dir):
    listing = json.loads((fixtures_dir / "fixtures.json").read_text())
    files = {e["file"] for e in listing["fixtures"]}
    assert len(files) >= 50
    for f in files:
        assert (fixtures_dir / f).exists()
        assert (fixtures_dir / f.replace(".parquet", ".expected.jsonl")).exists()
    writers = {e["writer"].split()[0] for e in listing["fixtures"]}
    assert writers == {"pyarrow", "duckdb", "polars"}
    for e in listing["fixtures"]:
        assert e["rows"] <= 20_000


def test_fixtures_pass_checker(fixtures_dir):
    r = _run([os.path.join(HERE, "check_parquet_files.py"), str(fixtures_dir), *DUCKDB_SKIP])
    last = r.stdout.strip().splitlines()[-1]
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]
    assert last.endswith(" passed, 0 failed")


def test_checker_fails_on_tampered(fixtures_dir, tmp_path):
    name = "pa_page2_dict_zstd"
    for ext in (".parquet", ".expected.jsonl"):
        (tmp_path / (name + ext)).write_bytes((fixtures_dir / (name + ext)).read_bytes())
    lines = (tmp_path / (name + ".expected.jsonl")).read_text().splitlines()
    header = json.loads(lines[0])
    header["expect_codec"] = "ZSTD"
    header["expect_created_by_prefix"] = "parquet-cpp-arrow"
    lines[0] = json.dumps(header)
    (tmp_path / (name + ".expected.jsonl")).write_text("\n".join(lines) + "\n")
    ok = _run([os.path.join(HERE, "check_parquet_files.py"), str(tmp_path)])
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout.strip().splitlines()[-1] == "1 passed, 0 failed"

    header["expect_codec"] = "SNAPPY"
    header["expect_created_by_prefix"] = "aigq"
    lines[0] = json.dumps(header)
    row = json.loads(lines[3])
    row["i32"] = None if row["i32"] is not None else 7
    lines[3] = json.dumps(row)
    (tmp_path / (name + ".expected.jsonl")).write_text("\n".join(lines) + "\n")
    bad = _run([os.path.join(HERE, "check_parquet_files.py"), str(tmp_path)])
    assert bad.returncode == 1
    assert bad.stdout.strip().splitlines()[-1] == "0 passed, 1 failed"
    assert "expected codec SNAPPY" in bad.stdout
    assert "does not start with 'aigq'" in bad.stdout
    assert "pyarrow: row 2 column i32" in bad.stdout and "duckdb: row 2 column i32" in bad.stdout


def test_checker_empty_dir(tmp_path):
    r = _run([os.path.join(HERE, "check_parquet_files.py"), str(tmp_path)])
    assert r.returncode == 1 and r.stdout.strip() == "0 passed, 0 failed"
    r = _run([os.path.join(HERE, "check_parquet_files.py"), "--allow-empty", str(tmp_path)])
    assert r.returncode == 0


@pytest.mark.parametrize("tool", ["pyarrow", "polars", "duckdb"])
@pytest.mark.parametrize("task", ["write", "scan"])
def test_bench_peer(fixtures_dir, tmp_path, tool, task):
    inp = fixtures_dir / "pa_page1_plain_zstd.parquet"
    out = tmp_path / "out.parquet"
    r = _run([os.path.join(HERE, "bench_parquet_peer.py"), "--tool", tool, "--task", task,
              "--input", str(inp), "--output", str(out), "--threads", "1"])
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 1
    res = json.loads(lines[0])
    assert list(res) == ["tool", "version", "task", "threads", "seconds", "rows", "bytes"]
    assert res["tool"] == tool and res["task"] == task and res["threads"] == 1
    assert res["rows"] == 1500 and res["seconds"] > 0
    if task == "write":
        md = pq.ParquetFile(out).metadata
        assert res["bytes"] == out.stat().st_size and md.num_rows == 1500
        assert {md.row_group(0).column(c).compression for c in range(md.num_columns)} == {"ZSTD"}
    else:
        assert res["bytes"] == inp.stat().st_size
