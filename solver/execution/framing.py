"""How the supervisor and a fork-server talk over their two pipes: a header, then raw blobs whose lengths it lists.

Requests (`encode_request`, `read_request`) carry a marshalled header: they come from the trusted supervisor, and
marshal is built in (the `json` package would bring `re` and `enum` into the image every run forks from). Replies
(`encode_reply`) carry a JSON header, written by `to_json`: the supervisor parses them with `json`, never with
marshal, which is not safe against crafted data. Nothing is ever pickled. Stdlib only: the fork-server loads this
file by path inside the sandbox (see forkserver.load_sibling).
"""

import marshal
import os
import struct

PREFIX = struct.Struct(">I")  # length of the header that follows
MAX_HEADER_BYTES = 1 << 20


def encode_request(header, blobs=()):
    header = dict(header, blobs=[len(b) for b in blobs])
    raw = marshal.dumps(header, 4)
    return b"".join([PREFIX.pack(len(raw)), raw, *blobs])


def encode_reply(header, blobs=()):
    raw = to_json(dict(header, blobs=[len(b) for b in blobs])).encode()
    return b"".join([PREFIX.pack(len(raw)), raw, *blobs])


JSON_ESCAPES = {**{c: f"\\u{c:04x}" for c in range(32)}, ord("\\"): "\\\\", ord('"'): '\\"'}


def to_json(value):
    """JSON for what replies hold: dicts with string keys, lists, strings, ints, floats, booleans and None."""
    if value is None or value is True or value is False:
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)  # finite: times, sizes and codes
    if isinstance(value, str):
        return '"' + value.translate(JSON_ESCAPES) + '"'
    if isinstance(value, dict):
        return "{" + ",".join(f"{to_json(str(k))}:{to_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def read_exact(fd, n):
    chunks, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("pipe closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_request(fd):
    (size,) = PREFIX.unpack(read_exact(fd, PREFIX.size))
    if size > MAX_HEADER_BYTES:
        raise ValueError(f"frame header of {size} bytes")
    header = marshal.loads(read_exact(fd, size))
    return header, [read_exact(fd, n) for n in header["blobs"]]
