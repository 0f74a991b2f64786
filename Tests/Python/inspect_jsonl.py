"""Render Arrow tables as "inspect JSONL" and compare inspect JSONL documents.

"inspect JSONL" is the output contract of `aigq inspect --json FILE`:

* line 1: ``{"schema": [{"name", "type", "nullable"}...], "rows": N, "row_groups": G}``
* then one JSON object per row, keys = column names in schema order.

Value rules: booleans true/false; integers as JSON integers; float/double as
JSON numbers (a float32 is the exact double it converts to), NaN/+inf/-inf as
the strings "NaN", "Infinity", "-Infinity"; strings as JSON strings; binary
(also fixed-size) as standard base64; timestamps as integers in the column's
unit since the Unix epoch; date32 as integer days; nulls as null; lists as
arrays (null list -> null, null element -> null).

Type names: boolean, int32 (also int8/int16), int64, float, double, string,
binary, timestamp[ms|us|ns(, UTC)], date32, list<TYPE>.  INT96 -> timestamp[ns].

This module only depends on pyarrow (and the standard library).
"""

from __future__ import annotations

import base64
import json
import math
import re
import struct
from typing import Any, Iterable, Sequence

import pyarrow as pa

__all__ = [
    "UnsupportedType",
    "arrow_type_name",
    "parquet_leaf_type_name",
    "schema_from_parquet",
    "schema_from_arrow",
    "render_arrow_table",
    "render_rows",
    "dumps_line",
    "write_jsonl",
    "read_jsonl",
    "parse_line",
    "compare",
]

_UNITS = ("s", "ms", "us", "ns")
_TS_RE = re.compile(r"^timestamp\[(ms|us|ns)(, UTC)?\]$")
_LIST_RE = re.compile(r"^list<(.+)>$")


class UnsupportedType(ValueError):
    """A column type that inspect JSONL does not present (unsigned, decimal, ...)."""


# ---------------------------------------------------------------------------
# Type names
# ---------------------------------------------------------------------------

def arrow_type_name(t: pa.DataType) -> str:
    """Inspect type name for an Arrow type (used when no Parquet schema is known)."""
    if pa.types.is_dictionary(t):
        return arrow_type_name(t.value_type)
    if pa.types.is_boolean(t):
        return "boolean"
    if t in (pa.int8(), pa.int16(), pa.int32()):
        return "int32"
    if t == pa.int64():
        return "int64"
    if t == pa.float32():
        return "float"
    if t == pa.float64():
        return "double"
    if pa.types.is_string(t) or pa.types.is_large_string(t) or _is_string_view(t):
        return "string"
    if (pa.types.is_binary(t) or pa.types.is_large_binary(t)
            or pa.types.is_fixed_size_binary(t) or _is_binary_view(t)):
        return "binary"
    if pa.types.is_timestamp(t):
        unit = "ms" if t.unit == "s" else t.unit  # Parquet has no seconds unit
        return f"timestamp[{unit}, UTC]" if t.tz is not None else f"timestamp[{unit}]"
    if pa.types.is_date32(t) or pa.types.is_date64(t):
        return "date32"
    if pa.types.is_list(t) or pa.types.is_large_list(t) or _is_list_view(t):
        return f"list<{arrow_type_name(t.value_type)}>"
    raise UnsupportedType(f"unsupported Arrow type for inspect JSONL: {t}")


def _is_string_view(t: pa.DataType) -> bool:
    f = getattr(pa.types, "is_string_view", None)
    return bool(f and f(t))


def _is_binary_view(t: pa.DataType) -> bool:
    f = getattr(pa.types, "is_binary_view", None)
    return bool(f and f(t))


def _is_list_view(t: pa.DataType) -> bool:
    f1 = getattr(pa.types, "is_list_view", None)
    f2 = getattr(pa.types, "is_large_list_view", None)
    return bool((f1 and f1(t)) or (f2 and f2(t)))


def parquet_leaf_type_name(col) -> str:
    """Inspect type name for a pyarrow ``ColumnSchema`` (a Parquet leaf column)."""
    phys = col.physical_type
    lt = json.loads(col.logical_type.to_json()) if col.logical_type is not None else {}
    kind = lt.get("Type", "None")
    conv = col.converted_type
    if kind in ("Decimal",) or conv == "DECIMAL":
        raise UnsupportedType(f"decimal column {col.path} is not presented")
    if kind == "Int" and not lt.get("isSigned", True):
        raise UnsupportedType(f"unsigned column {col.path} is not presented")
    if conv in ("UINT_8", "UINT_16", "UINT_32", "UINT_64"):
        raise UnsupportedType(f"unsigned column {col.path} is not presented")
    if phys == "BOOLEAN":
        return "boolean"
    if phys == "INT32":
        if kind == "Date" or conv == "DATE":
            return "date32"
        if kind in ("Time",) or conv == "TIME_MILLIS":
            raise UnsupportedType(f"time column {col.path} is not presented")
        return "int32"
    if phys == "INT64":
        if kind == "Timestamp":
            unit = {"milliseconds": "ms", "microseconds": "us", "nanoseconds": "ns"}[lt["timeUnit"]]
            return f"timestamp[{unit}, UTC]" if lt.get("isAdjustedToUTC") else f"timestamp[{unit}]"
        if conv in ("TIMESTAMP_MILLIS", "TIMESTAMP_MICROS"):
            unit = "ms" if conv == "TIMESTAMP_MILLIS" else "us"
            return f"timestamp[{unit}, UTC]"
        if kind == "Time" or conv == "TIME_MICROS":
            raise UnsupportedType(f"time column {col.path} is not presented")
        return "int64"
    if phys == "INT96":
        return "timestamp[ns]"
    if phys == "FLOAT":
        return "float"
    if phys == "DOUBLE":
        return "double"
    if phys == "BYTE_ARRAY":
        if kind in ("String", "Enum", "JSON") or conv in ("UTF8", "ENUM", "JSON"):
            return "string"
        return "binary"
    if phys == "FIXED_LEN_BYTE_ARRAY":
        if kind == "Float16":
            raise UnsupportedType(f"float16 column {col.path} is not presented")
        return "binary"
    raise UnsupportedType(f"unsupported Parquet column {col.path}: {phys} {lt}")


def schema_from_arrow(schema: pa.Schema) -> list[dict]:
    return [{"name": f.name, "type": arrow_type_name(f.type), "nullable": bool(f.nullable)}
            for f in schema]


def schema_from_parquet(parquet_schema) -> list[dict]:
    """Inspect schema from a pyarrow ``ParquetSchema`` (``pq.ParquetFile(p).schema``).

    Nullability comes from the repetition of the top-level field (for lists:
    the list itself), taken from the Arrow schema pyarrow derives from the
    Parquet schema (``to_arrow_schema``), which mirrors OPTIONAL/REQUIRED.
    """
    arrow_schema = parquet_schema.to_arrow_schema()
    leaves: dict[str, list] = {}
    for i in range(len(parquet_schema)):
        col = parquet_schema.column(i)
        top = col.path.split(".")[0]
        leaves.setdefault(top, []).append(col)
    out = []
    for field in arrow_schema:
        cols = leaves.get(field.name)
        if not cols or len(cols) != 1:
            raise UnsupportedType(f"column {field.name}: only primitive and list<primitive> columns are presented")
        col = cols[0]
        t = field.type
        if pa.types.is_list(t) or pa.types.is_large_list(t) or _is_list_view(t):
            if col.max_repetition_level != 1:
                raise UnsupportedType(f"column {field.name}: nested lists are not presented")
            name = f"list<{parquet_leaf_type_name(col)}>"
        elif col.max_repetition_level != 0 or pa.types.is_nested(t):
            raise UnsupportedType(f"column {field.name}: nested type {t} is not presented")
        else:
            name = parquet_leaf_type_name(col)
        out.append({"name": field.name, "type": name, "nullable": bool(field.nullable)})
    return out


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------

def _float_json(x):
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def _b64(x):
    return None if x is None else base64.b64encode(bytes(x)).decode("ascii")


def _plain(arr: pa.Array) -> pa.Array:
    if pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_decode()
    return arr


def _column_values(arr: pa.Array, type_name: str) -> list:
    """Python values for one Arrow array (a chunk) following inspect rules for type_name."""
    arr = _plain(arr)
    m = _LIST_RE.match(type_name)
    if m:
        elem_type = m.group(1)
        t = arr.type
        if not (pa.types.is_list(t) or pa.types.is_large_list(t) or _is_list_view(t)):
            raise UnsupportedType(f"expected a list array for {type_name}, got {t}")
        if _is_list_view(t):
            arr = arr.cast(pa.large_list(t.value_type))
        flat = _column_values(arr.flatten(), elem_type)
        lengths = arr.value_lengths().to_pylist()
        out, pos = [], 0
        for n in lengths:
            if n is None:
                out.append(None)
            else:
                out.append(flat[pos:pos + n])
                pos += n
        return out
    tm = _TS_RE.match(type_name)
    if tm:
        unit = tm.group(1)
        if not pa.types.is_timestamp(arr.type):
            raise UnsupportedType(f"expected a timestamp array for {type_name}, got {arr.type}")
        arr = arr.cast(pa.timestamp(unit, arr.type.tz))  # safe cast: refuses to truncate
        return arr.cast(pa.int64()).to_pylist()
    if type_name == "date32":
        if pa.types.is_date64(arr.type):
            arr = arr.cast(pa.date32())
        return arr.cast(pa.int32()).to_pylist()
    if type_name in ("float", "double"):
        if type_name == "float" and arr.type != pa.float32():
            arr = arr.cast(pa.float32())
        return [_float_json(v) for v in arr.to_pylist()]
    if type_name == "binary":
        return [_b64(v) for v in arr.to_pylist()]
    if type_name == "string":
        if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type) or _is_string_view(arr.type)):
            raise UnsupportedType(f"expected a string array, got {arr.type}")
        return arr.to_pylist()
    if type_name in ("int32", "int64"):
        if not pa.types.is_integer(arr.type):
            raise UnsupportedType(f"expected an integer array for {type_name}, got {arr.type}")
        return arr.to_pylist()
    if type_name == "boolean":
        return arr.to_pylist()
    raise UnsupportedType(f"unknown inspect type name {type_name!r}")


def column_values(col, type_name: str) -> list:
    """Values of a pyarrow Array or ChunkedArray rendered per inspect rules."""
    if isinstance(col, pa.ChunkedArray):
        out: list = []
        for chunk in col.chunks:
            out.extend(_column_values(chunk, type_name))
        return out
    return _column_values(col, type_name)


def render_rows(table: pa.Table, schema: Sequence[dict]) -> list[dict]:
    """Row dicts for ``table`` using an inspect ``schema`` (names and type names)."""
    cols = []
    for field in schema:
        cols.append(column_values(table.column(field["name"]), field["type"]))
    names = [f["name"] for f in schema]
    return [dict(zip(names, vals)) for vals in zip(*cols)] if cols else [{} for _ in range(table.num_rows)]


def dumps_line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def render_arrow_table(table: pa.Table, row_groups: int, parquet_schema=None,
                       header_schema: Sequence[dict] | None = None,
                       extra_header: dict | None = None) -> list[str]:
    """Inspect JSONL lines (without trailing newlines) for ``table``.

    parquet_schema: a pyarrow ``ParquetSchema`` of the Parquet file the table
    was written to / read from; decides type names (INT96, UTC flag, units,
    int8/16 -> int32) and nullability.  Without it, both come from the Arrow
    schema.  header_schema: an explicit inspect schema (list of dicts) that
    overrides both (used to normalise another reader's result).
    extra_header: extra keys appended to the header line (e.g. expect_codec).
    """
    if header_schema is not None:
        schema = [dict(f) for f in header_schema]
    elif parquet_schema is not None:
        schema = schema_from_parquet(parquet_schema)
    else:
        schema = schema_from_arrow(table.schema)
    header = {"schema": schema, "rows": table.num_rows, "row_groups": int(row_groups)}
    if extra_header:
        header.update(extra_header)
    lines = [dumps_line(header)]
    lines.extend(dumps_line(r) for r in render_rows(table, schema))
    return lines


def write_jsonl(path, lines: Iterable[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")


# ---------------------------------------------------------------------------
# Reading and comparing
# ---------------------------------------------------------------------------

def _parse_int(s: str):
    # Keep "-0" distinguishable from 0 (matters for float columns only).
    return -0.0 if s.lstrip() == "-0" else int(s)


def parse_line(line):
    if isinstance(line, (dict, list)):
        return line
    return json.loads(line, parse_int=_parse_int)


def read_jsonl(path) -> list[str]:
    """Non-empty lines of a JSONL file (strings, without newlines)."""
    with open(path, "r", encoding="utf-8") as f:
        return [ln.rstrip("\n").rstrip("\r") for ln in f if ln.strip()]


def _float_bits(v):
    """Bit pattern of a JSON float value; None if the value is not a valid float."""
    if isinstance(v, bool):
        return None
    if isinstance(v, str):
        v = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}.get(v)
        if v is None:
            return None
    if not isinstance(v, (int, float)):
        return None
    d = float(v)
    if math.isnan(d):
        return "NaN"  # any NaN matches "NaN" (payloads are not presented)
    bits = struct.unpack(">Q", struct.pack(">d", d))[0]
    return bits


def _value_diff(exp, act, type_name: str) -> bool:
    """True when exp and act differ for a column of type_name."""
    if exp is None or act is None:
        return not (exp is None and act is None)
    m = _LIST_RE.match(type_name)
    if m:
        if not isinstance(exp, list) or not isinstance(act, list) or len(exp) != len(act):
            return True
        return any(_value_diff(e, a, m.group(1)) for e, a in zip(exp, act))
    if type_name in ("float", "double"):
        if isinstance(exp, str) or isinstance(act, str):
            # special values must be spelled exactly as the strings
            if not (isinstance(exp, str) and isinstance(act, str)):
                return True
            return exp != act
        be, ba = _float_bits(exp), _float_bits(act)
        return be is None or ba is None or be != ba
    if type_name == "boolean":
        return not (isinstance(exp, bool) and isinstance(act, bool) and exp == act)
    if type_name in ("int32", "int64", "date32") or _TS_RE.match(type_name):
        ok = (isinstance(exp, int) and not isinstance(exp, bool)
              and isinstance(act, int) and not isinstance(act, bool) and exp == act)
        return not ok
    # string / binary (base64) / unknown: exact JSON equality and type
    return type(exp) is not type(act) or exp != act


def _short(v, limit=120) -> str:
    s = json.dumps(v, ensure_ascii=False, allow_nan=True)
    return s if len(s) <= limit else s[:limit] + f"...({len(s)} chars)"


def compare(expected_lines, actual_lines, *, limit: int = 10,
            check_schema: bool = True, check_row_groups: bool = True) -> list[str]:
    """Human-readable differences between two inspect JSONL documents (first ``limit``).

    Lines may be strings or already parsed objects.  Header keys other than
    schema/rows/row_groups (e.g. expect_codec) are ignored.  Values are
    compared per the expected schema's types: integers exactly, floats by
    64-bit pattern (NaN/Infinity as their strings), strings/base64 exactly.
    """
    diffs: list[str] = []

    def add(msg):
        if len(diffs) < limit:
            diffs.append(msg)
        elif len(diffs) == limit:
            diffs.append("... more differences omitted")

    try:
        exp = [parse_line(l) for l in expected_lines]
    except Exception as e:  # noqa: BLE001
        return [f"expected JSONL does not parse: {e}"]
    try:
        act = [parse_line(l) for l in actual_lines]
    except Exception as e:  # noqa: BLE001
        return [f"actual JSONL does not parse: {e}"]
    if not exp:
        return ["expected JSONL is empty"]
    if not act:
        return ["actual JSONL is empty"]
    eh, ah = exp[0], act[0]
    if not isinstance(ah, dict) or "schema" not in ah:
        return [f"actual header is not a header object: {_short(ah)}"]
    eschema = eh.get("schema", [])
    aschema = ah.get("schema", [])
    if check_schema:
        if len(eschema) != len(aschema):
            add(f"schema: {len(eschema)} columns expected, {len(aschema)} actual: "
                f"{[f.get('name') for f in eschema]} vs {[f.get('name') for f in aschema]}")
        for i, (ef, af) in enumerate(zip(eschema, aschema)):
            for key in ("name", "type", "nullable"):
                if ef.get(key) != af.get(key):
                    add(f"schema[{i}] ({ef.get('name')}): {key} expected {_short(ef.get(key))}, actual {_short(af.get(key))}")
            extra = set(af) - {"name", "type", "nullable"}
            if extra:
                add(f"schema[{i}] ({ef.get('name')}): unexpected keys {sorted(extra)}")
    if eh.get("rows") != ah.get("rows"):
        add(f"header rows: expected {eh.get('rows')}, actual {ah.get('rows')}")
    if check_row_groups and eh.get("row_groups") != ah.get("row_groups"):
        add(f"header row_groups: expected {eh.get('row_groups')}, actual {ah.get('row_groups')}")
    erows, arows = exp[1:], act[1:]
    if len(erows) != len(arows):
        add(f"row lines: expected {len(erows)}, actual {len(arows)}")
    if eh.get("rows") is not None and eh.get("rows") != len(erows):
        add(f"expected file inconsistent: header rows {eh.get('rows')} but {len(erows)} row lines")
    names = [f.get("name") for f in eschema]
    types = {f.get("name"): f.get("type", "") for f in eschema}
    for r, (er, ar) in enumerate(zip(erows, arows)):
        if len(diffs) > limit:
            break
        if not isinstance(ar, dict):
            add(f"row {r}: not an object: {_short(ar)}")
            continue
        if list(ar.keys()) != names:
            add(f"row {r}: keys {list(ar.keys())} differ from schema order {names}")
        for name in names:
            e, a = er.get(name), ar.get(name, _MISSING)
            if a is _MISSING:
                add(f"row {r} column {name}: missing")
                continue
            if _value_diff(e, a, types[name]):
                add(f"row {r} column {name} ({types[name]}): expected {_short(e)}, actual {_short(a)}")
    return diffs


class _Missing:
    def __repr__(self):
        return "<missing>"


_MISSING = _Missing()
