"""The golden tensor file format shared by make_kernel_goldens.py and make_model_golden.py.

Layout (little-endian), read by Tests/KernelsTests/GoldenFile.swift and its twin in LanguageModelTests:
  magic  b"AIGQGLD1"
  u32    header length, then a UTF-8 JSON header (generator, numpy version, seed, shapes, notes)
  u32    tensor count, then per tensor:
         u32 name length, name (UTF-8), u8 dtype (0 = float32, 1 = int32), u32 ndim, u32 dims[ndim],
         the values (row-major).
"""
import json
import struct

import numpy as np

MAGIC = b"AIGQGLD1"


def encode(header, tensors):
    """Bytes of a golden file: `header` a JSON-able dict, `tensors` a list of (name, ndarray)."""
    out = bytearray(MAGIC)
    text = json.dumps(header, sort_keys=True).encode()
    out += struct.pack("<I", len(text)) + text
    out += struct.pack("<I", len(tensors))
    for name, array in tensors:
        array = np.asarray(array)
        if array.dtype.kind == "f":
            dtype, data = 0, array.astype("<f4")
        elif array.dtype.kind in "iu":
            dtype, data = 1, array.astype("<i4")
        else:
            raise TypeError(f"{name}: unsupported dtype {array.dtype}")
        encoded = name.encode()
        out += struct.pack("<I", len(encoded)) + encoded
        out += struct.pack("<BI", dtype, data.ndim)
        out += struct.pack(f"<{data.ndim}I", *data.shape)
        out += data.tobytes(order="C")
    return bytes(out)


def write_or_check(path, payload, check):
    """Writes `payload` to `path`, or with `check` compares it with the file there; returns True if equal."""
    if check:
        with open(path, "rb") as f:
            same = f.read() == payload
        print(("same " if same else "DIFFERS ") + path)
        return same
    with open(path, "wb") as f:
        f.write(payload)
    print(f"wrote {path} ({len(payload)} bytes)")
    return True
