"""Safe YAML reading that keeps line numbers, for clear messages about hand-edited files.

Only the safe loader is used. A document is composed into nodes (nothing is
constructed from tags), every tag is checked against the plain YAML types, and
values are wrapped so that a validator can say "file:line: field: problem".
The problems are sentences in the person's language (context ``DataFile``): a
plan file opened from the Plan menu is read with these same checks.

A tree read without error is kept in the cache folder (:mod:`.yaml_cache`), so
a start with unchanged files neither imports PyYAML nor parses anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backcompanion.i18n import translate
from backcompanion.program import yaml_cache

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"


# The largest data file read (program, plan, progression): the built-in program is about
# 20 KB, so no real one comes near; the app's own choice, to bound time and memory.
MAX_FILE_BYTES = 1_000_000


class DataError(ValueError):
    """A mistake in a data file: ``str(err)`` is one line naming file, line and field."""

    def __init__(self, file: str, line: int | None, field: str, problem: str):
        self.file, self.line, self.field, self.problem = file, line, field, problem
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


@dataclass(frozen=True)
class Node:
    """A value read from YAML with the line it came from (1-based) and its field path."""

    value: Any  # str/int/float/bool/None, list[Node] or dict[str, Node]
    line: int
    field: str


class Reader:
    """Reads one YAML file into :class:`Node` trees and raises :class:`DataError`."""

    def __init__(self, text: str, file: str):
        self.file = file
        self.source_text = text

    def error(self, node: Node | None, problem: str, field: str | None = None) -> DataError:
        return DataError(
            self.file,
            node.line if node else None,
            field if field is not None else (node.field if node else ""),
            problem,
        )

    def read(self) -> Node:
        kept = yaml_cache.load(self.source_text)
        if kept is not None:
            try:
                return _decode(kept)
            except (TypeError, ValueError):  # a damaged cache file: read the text again
                pass
        root = self._read()
        yaml_cache.store(self.source_text, _encode(root))
        return root

    def _read(self) -> Node:
        import yaml  # only when the cache does not know the text

        # libyaml's composer when PyYAML has it (5x faster at start-up), with the same marks
        composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            root = yaml.compose(self.source_text, Loader=composer)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            problem = (exc.problem or exc.context or "not valid YAML").strip()
            raise DataError(self.file, line, "", _not_yaml(problem)) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else None
            if isinstance(exc, yaml.reader.ReaderError):  # a control character, bad encoding
                line = self.source_text.count("\n", 0, exc.position) + 1
                problem = translate(
                    "DataFile", "a character that is not allowed in YAML (a control character?)"
                )
            else:
                problem = " ".join(str(exc).split())[:120]
            raise DataError(self.file, line, "", _not_yaml(problem)) from None
        if root is None:
            raise DataError(self.file, 1, "", translate("DataFile", "the file is empty"))
        self._seen: set[int] = set()
        return self._convert(root, "")

    def _convert(self, node, field: str) -> Node:
        import yaml

        line = node.start_mark.line + 1
        shown = field or "(top level)"
        # An alias (*name) is the same node object met twice: refusing it stops
        # self-referencing loops and "billion laughs" expansions before they start.
        if id(node) in self._seen:
            problem = translate("DataFile", "anchors and aliases (& and *) are not allowed")
            raise DataError(self.file, line, shown, problem)
        self._seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise DataError(self.file, line, shown, _tag_refused(node.tag))
            return Node(self._scalar(node, shown), line, shown)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise DataError(self.file, line, shown, _tag_refused(node.tag))
            items = [self._convert(n, f"{field}[{i}]") for i, n in enumerate(node.value)]
            return Node(items, line, shown)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise DataError(self.file, line, shown, _tag_refused(node.tag))
            out: dict[str, Node] = {}
            for key_node, value_node in node.value:
                kline = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
                    problem = translate("DataFile", "a key must be a plain word")
                    raise DataError(self.file, kline, shown, problem)
                key = key_node.value
                sub = f"{field}.{key}" if field else key
                if key in out:
                    problem = translate("DataFile", "this key appears twice")
                    raise DataError(self.file, kline, sub, problem)
                out[key] = self._convert(value_node, sub)
            return Node(out, line, shown)
        problem = translate("DataFile", "unsupported YAML construct")  # aliases resolve above
        raise DataError(self.file, line, shown, problem)

    def _scalar(self, node, shown: str):
        import yaml

        try:
            return yaml.SafeLoader("").construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, KeyError):  # e.g. "!!int twenty"
            kind = node.tag.rsplit(":", 1)[-1]
            problem = translate("DataFile", "{value} is not a valid {kind}").format(
                value=repr(node.value[:30]), kind=kind
            )
            raise DataError(self.file, node.start_mark.line + 1, shown, problem) from None

    # ---- typed accessors used by the validators ----

    def mapping(self, node: Node, required: set[str], optional: set[str] = frozenset()) -> dict:
        if not isinstance(node.value, dict):
            raise self.error(node, _expected("mapping", node.value))
        for key, sub in node.value.items():
            if key not in required and key not in optional:
                allowed = ", ".join(sorted(required | set(optional)))
                problem = translate("DataFile", "unknown key (allowed: {allowed})")
                raise self.error(sub, problem.format(allowed=allowed))
        for key in sorted(required):
            if key not in node.value:
                prefix = "" if node.field == "(top level)" else node.field + "."
                missing = translate("DataFile", "this key is missing")
                raise self.error(node, missing, field=prefix + key)
        return node.value

    def seq(self, node: Node, min_len: int = 0) -> list[Node]:
        if not isinstance(node.value, list):
            raise self.error(node, _expected("list", node.value))
        if len(node.value) < min_len:
            raise self.error(
                node, translate("DataFile", "expected at least %n item(s)", "", min_len)
            )
        return node.value

    def text(self, node: Node, max_len: int = 400, allow_empty: bool = False) -> str:
        if not isinstance(node.value, str):
            raise self.error(node, _expected("text", node.value))
        value = node.value.strip()
        if not value and not allow_empty:
            raise self.error(node, translate("DataFile", "must not be empty"))
        if len(value) > max_len:
            problem = translate("DataFile", "too long ({length} characters, at most {limit})")
            raise self.error(node, problem.format(length=len(value), limit=max_len))
        return value

    def boolean(self, node: Node) -> bool:
        if not isinstance(node.value, bool):
            raise self.error(node, _expected("boolean", node.value))
        return node.value

    def integer(self, node: Node, lo: int, hi: int) -> int:
        if isinstance(node.value, bool) or not isinstance(node.value, int):
            raise self.error(node, _expected("integer", node.value))
        if not lo <= node.value <= hi:
            raise self.error(node, _out_of_range(node.value, lo, hi))
        return node.value

    def number(self, node: Node, lo: float, hi: float) -> float:
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise self.error(node, _expected("number", node.value))
        if not lo <= node.value <= hi:
            raise self.error(node, _out_of_range(node.value, lo, hi))
        return float(node.value)


def _encode(node: Node) -> tuple:
    """A node tree as plain tuples (value, line, field) for :mod:`.yaml_cache`: a list value
    is a sequence of nodes, a dict a mapping of them, anything else a scalar."""
    value = node.value
    if isinstance(value, list):
        value = [_encode(n) for n in value]
    elif isinstance(value, dict):
        value = {k: _encode(n) for k, n in value.items()}
    return (value, node.line, node.field)


def _decode(kept: tuple) -> Node:
    value, line, field = kept
    if isinstance(value, list):
        value = [_decode(n) for n in value]
    elif isinstance(value, dict):
        value = {k: _decode(n) for k, n in value.items()}
    elif not (value is None or isinstance(value, str | int | float)):
        raise TypeError(f"not a scalar: {type(value).__name__}")
    if not isinstance(line, int) or not isinstance(field, str):
        raise TypeError("not a node")
    return Node(value, line, field)


def _tag_refused(tag: str) -> str:
    return translate("DataFile", "the tag {tag} is not allowed").format(tag=repr(tag))


def _not_yaml(problem: str) -> str:
    """PyYAML's own words for the problem (English) after a translated lead."""
    return translate("DataFile", "not valid YAML: {problem}").format(problem=problem)


def _out_of_range(value: float, lo: float, hi: float) -> str:
    problem = translate("DataFile", "{value} is out of range ({lo} to {hi})")
    return problem.format(value=value, lo=lo, hi=hi)


def _expected(wanted: str, found: Any) -> str:
    """ "expected a whole number, found the text 'ten'", in the person's language."""
    texts = {
        "mapping": translate("DataFile", "expected a mapping, found {found}"),
        "list": translate("DataFile", "expected a list, found {found}"),
        "text": translate("DataFile", "expected text, found {found}"),
        "boolean": translate("DataFile", "expected true or false, found {found}"),
        "integer": translate("DataFile", "expected a whole number, found {found}"),
        "number": translate("DataFile", "expected a number, found {found}"),
    }
    return texts[wanted].format(found=_kind(found))


def _kind(value: Any) -> str:
    if value is None:
        return translate("DataFile", "nothing")
    if isinstance(value, bool):
        return f"{'true' if value else 'false'}"  # YAML's own words, as written in the file
    if isinstance(value, int | float):
        return translate("DataFile", "the number {value}").format(value=value)
    if isinstance(value, str):
        return translate("DataFile", "the text {text}").format(text=repr(value[:30]))
    if isinstance(value, list):
        return translate("DataFile", "a list")
    return translate("DataFile", "a mapping")


def read_file(path: Path, shown_name: str | None = None) -> tuple[Reader, Node]:
    """Read ``path`` and return the reader (for messages) and its root node."""
    shown = shown_name or str(path)
    try:
        with open(path, "rb") as f:
            # checked before anything is parsed: a huge file costs nothing (issue 19)
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        problem = translate("DataFile", "cannot read the file ({reason})")
        raise DataError(shown, None, "", problem.format(reason=exc.strerror)) from None
    if len(raw) > MAX_FILE_BYTES:
        problem = translate(
            "DataFile",
            "the file is larger than {mb} MB, far more than any real one needs; it was not read",
        )
        raise DataError(shown, None, "", problem.format(mb=MAX_FILE_BYTES // 1_000_000))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = translate("DataFile", "the file is not UTF-8 text")
        raise DataError(shown, line, "", problem) from None
    reader = Reader(text, shown)
    return reader, reader.read()
