"""Read stage: find the source files, read the provenance manifest, and turn bytes into text.

Reading is strict about what cannot be trusted (empty, binary, oversized, undecodable files; a
manifest that names files outside the input folder) because every record keeps provenance back to
the exact source bytes: a guess here would be a silent lie in the dataset.

Symlinks are followed while they stay inside the input folder: a page or a folder may be a symlink
to one there, and is read under the link's name (a link to a page that is read anyway makes a
duplicate, marked and warned about like any copy). A symlink that points outside the input folder
is refused like a manifest entry outside it, since it would read any file the user can read into a
publishable dataset; so is a broken symlink and a folder symlink back to a folder holding it (a
loop, which would otherwise be walked forever). With --skip-bad these are skipped and listed like
any bad file: no symlink is dropped without a word.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml
from charset_normalizer import from_bytes

from build_dataset.errors import InputError, printable

MANIFEST_NAMES = ("sources.yaml", "sources.yml")
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
SOURCE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Encodings the scraped pages come in: Unicode first, then the legacy Cyrillic and Western code
# pages. Restricting the candidates keeps charset-normalizer from picking exotic look-alikes
# (cp1250 for a short French latin-1 text, for one).
CANDIDATE_ENCODINGS = ["utf_8", "cp1251", "koi8_u", "koi8_r", "cp1252", "latin_1", "utf_16"]
_DECODED_AS = "UTF-8, UTF-16, cp1251, koi8-u/r, cp1252 or latin-1"

# Binary or UTF-16 is told from the first bytes; Unicode categories that no page of text holds.
SNIFF_BYTES = 8192
NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})


@dataclass(frozen=True, kw_only=True)
class ManifestEntry:
    """What the manifest knows about one file; every field may be unknown."""

    url: str | None = None
    outlet: str | None = None
    retrieved: dt.date | None = None
    published: dt.date | None = None
    license: str | None = None


@dataclass(frozen=True, kw_only=True)
class SourceFile:
    """A source file found in the input folder, identified by the hash of its bytes.

    A second file with the same bytes as another (`copy_of`, the first in path order) cannot take the
    same id: its id comes from the bytes' hash and its own path, which is as stable across rebuilds.
    """

    path: Path
    relative: str
    sha256: str
    copy_of: SourceFile | None = None

    @property
    def id(self) -> str:
        if self.copy_of is None:
            return article_id(self.sha256)
        return article_id(hashlib.sha256(f"{self.sha256}:{self.relative}".encode()).hexdigest())

    @property
    def is_html(self) -> bool:
        return self.path.suffix.lower() in HTML_SUFFIXES


@dataclass(frozen=True, kw_only=True)
class SourceText:
    """A source file's decoded text, newlines normalised to \\n."""

    text: str
    encoding: str


def article_id(sha256: str) -> str:
    """The article id: stable across rebuilds because it depends only on the source bytes."""
    return sha256[:16]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def discover(input_dir: Path) -> tuple[list[Path], list[Path]]:
    """Pages under `input_dir` (recursively, in path order) and the files ignored for their suffix.

    Hidden files and folders are left out. Symlinks are followed while they stay inside the input
    folder; one that cannot be followed is listed among the pages all the same, so that `scan`
    reports it instead of dropping what it points to without a word.
    """
    if not input_dir.is_dir():
        raise InputError("is not a folder", path=input_dir, fix="pass --input a folder of scraped pages")
    pages: list[Path] = []
    ignored: list[Path] = []
    _walk(input_dir, input_dir, frozenset({input_dir.resolve()}), pages=pages, ignored=ignored)
    return sorted(pages), sorted(ignored)


def _walk(folder: Path, input_dir: Path, walking: frozenset[Path], *, pages: list[Path],
          ignored: list[Path]) -> None:
    """Walk `folder`; `walking` holds the resolved folders from the input folder down to it, so that a
    symlink back to one of them (a loop) is reported instead of walked forever."""
    for path in folder.iterdir():
        if path.name.startswith(".") or (folder == input_dir and path.name in MANIFEST_NAMES):
            continue
        if path.is_dir():
            target = path.resolve()
            if target in walking or not target.is_relative_to(input_dir.resolve()):
                pages.append(path)  # a folder symlink that scan refuses
            else:
                _walk(path, input_dir, walking | {target}, pages=pages, ignored=ignored)
        elif path.is_file() and path.suffix.lower() not in SOURCE_SUFFIXES:
            ignored.append(path)
        elif path.is_file() or path.is_symlink():
            pages.append(path)  # a page, or a broken symlink that scan refuses


class _RepeatedKey(Exception):
    """A key given twice in one YAML mapping, with the lines of both."""

    def __init__(self, key: object, first: int, second: int):
        super().__init__(key, first, second)
        self.key, self.first, self.second = key, first, second


class _ManifestLoader(yaml.SafeLoader):
    """YAML's safe loader, except that an impossible date (2024-13-45) stays text instead of raising
    ValueError from deep in the parser, so the manifest check can name its entry and field; and that a
    key given twice is refused, where YAML loaders keep the last one and drop the first without a word
    (a file listed twice would silently lose one of its provenances)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        lines: dict[object, int] = {}  # each key's line
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                if key in lines:
                    raise _RepeatedKey(key, lines[key], line)
                lines[key] = line
            except TypeError:
                continue  # an unhashable key: the base class reports it
        return super().construct_mapping(node, deep=deep)


def _date_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_ManifestLoader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)


def _date_or_none(value: object, *, manifest: Path, key: str, name: str) -> dt.date | None:
    """A date field: a YAML date, an ISO date in quotes, or null."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        if isinstance(value, str):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise InputError(f"entry {name!r} has {key}: {_shown(value)}, not a date", path=manifest,
                     fix="write dates as YYYY-MM-DD or leave them null")


def _text_or_none(value: object, *, manifest: Path, key: str, name: str) -> str | None:
    """A text field: a string or null. A number, a list or true would otherwise reach the data as its
    Python repr ("['a', 'b']"), a value nobody wrote."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"entry {name!r} has {key}: {_shown(value)}, {_kind(value)}, not text", path=manifest,
                         fix=f'give {key} one quoted text ({key}: "...") or leave it null')
    return value.strip() or None


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else repr(value)


def _kind(value: object) -> str:
    kinds = ((bool, "a boolean"), (int | float, "a number"), (dt.date, "a date"), (list, "a list"),
             (dict, "a mapping"))
    return next((kind for type_, kind in kinds if isinstance(value, type_)), type(value).__name__)


# Each manifest field and how its value is checked; null (or nothing) is always allowed.
_FIELD_READERS = {"url": _text_or_none, "outlet": _text_or_none, "retrieved": _date_or_none,
                  "published": _date_or_none, "license": _text_or_none}
MANIFEST_FIELDS = tuple(_FIELD_READERS)


def _inside(name: str) -> bool:
    """Whether a manifest entry names a path under the input folder. Checked on the name alone: a
    symlink it names is judged, like every symlink, when the file is read (see scan)."""
    pure = PurePosixPath(name)
    return not (pure.is_absolute() or ".." in pure.parts or Path(name).is_absolute())


def manifest_path(input_dir: Path) -> Path | None:
    """The input folder's manifest, if it has one."""
    return next((input_dir / n for n in MANIFEST_NAMES if (input_dir / n).is_file()), None)


def provenance_warnings(input_dir: Path, manifest: dict[str, ManifestEntry], relatives: list[str]) -> list[str]:
    """Warnings for the pages (`relatives`) that build with null provenance: one line when the manifest
    is missing or has no entries (a line per page would bury the other warnings), else one per page."""
    unlisted = [name for name in relatives if name not in manifest]
    if not unlisted or manifest:
        return [f"{name}: no manifest entry, provenance left null" for name in unlisted]
    path = manifest_path(input_dir)
    why = "no sources.yaml" if path is None else f"{path.name} has no entries"
    pages = "its only file builds" if len(unlisted) == 1 else f"all {len(unlisted)} files build"
    return [f"{input_dir.name}: {why}, so {pages} with null provenance (see seeds/sources.yaml for the format)"]


def read_manifest(input_dir: Path) -> dict[str, ManifestEntry]:
    """The manifest's entries keyed by path relative to the input folder ({} when there is none).

    Format (`sources.yaml` at the top of the input folder)::

        files:
          some/page.txt: {url: ..., outlet: ..., retrieved: 2024-01-31, published: null, license: ...}
    """
    manifest = manifest_path(input_dir)
    if manifest is None:
        return {}
    try:
        data = yaml.load(manifest.read_text(encoding="utf-8"), Loader=_ManifestLoader)
    except UnicodeDecodeError as exc:
        raise InputError(f"is not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})", path=manifest,
                         fix="save it as UTF-8") from None
    except _RepeatedKey as exc:
        where = f"on line {exc.first}" if exc.first == exc.second else f"at lines {exc.first} and {exc.second}"
        raise InputError(f"gives {exc.key!r} twice, {where}", path=manifest, fix="keep one of them") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise InputError(f"is not valid YAML{line}", path=manifest,
                         fix="fix the syntax (see seeds/sources.yaml for the format)") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise InputError("has no 'files:' mapping of file name to fields", path=manifest,
                         fix="see seeds/sources.yaml for the format")
    entries: dict[str, ManifestEntry] = {}
    spelled: dict[str, str] = {}  # each entry's name as the manifest spells it
    for name, fields in data["files"].items():
        name = str(name)
        if not _inside(name):
            raise InputError(f"entry {name!r} points outside the input folder", path=manifest,
                             fix="name files by their path relative to the manifest's folder")
        fields = fields or {}
        if not isinstance(fields, dict):
            raise InputError(f"entry {name!r} is not a mapping of fields", path=manifest,
                             fix=f"give it fields among {', '.join(MANIFEST_FIELDS)}")
        unknown = sorted(set(fields) - set(MANIFEST_FIELDS))
        if unknown:
            raise InputError(f"entry {name!r} has unknown field(s) {', '.join(unknown)}", path=manifest,
                             fix=f"use only {', '.join(MANIFEST_FIELDS)}")
        if not (input_dir / name).is_file():
            raise InputError(f"entry {name!r} names a file that does not exist", path=manifest,
                             fix="remove the entry or add the file")
        posix = PurePosixPath(name).as_posix()
        if posix in entries:
            raise InputError(f"entries {spelled[posix]!r} and {name!r} name the same file", path=manifest,
                             fix="keep one of them")
        spelled[posix] = name
        entries[posix] = ManifestEntry(**{
            key: read(fields.get(key), manifest=manifest, key=key, name=name) for key, read in _FIELD_READERS.items()})
    return entries


def scan(input_dir: Path, pages: list[Path], *, max_bytes: int = DEFAULT_MAX_BYTES
         ) -> Iterator[SourceFile | InputError]:
    """Hash every page (streaming its bytes), in the order given.

    A page that cannot be used comes as its error, not raised: raising would end the generator, and
    with it the scan of every later page. The caller decides to stop or to skip (--skip-bad).
    """
    for path in pages:
        try:
            yield _hashed(input_dir, path, max_bytes)
        except InputError as error:
            yield error


def _hashed(input_dir: Path, path: Path, max_bytes: int) -> SourceFile:
    """A page's SourceFile, once its link (if it is one), its size and its bytes pass."""
    if path.is_symlink():
        _check_link(input_dir, path)
    size = path.stat().st_size
    if size == 0:
        raise InputError("is empty", path=path, fix="delete it or re-scrape the page")
    if size > max_bytes:
        raise InputError(f"is {size:,} bytes, over the {max_bytes:,}-byte limit", path=path,
                         fix="check it is a single page, or raise --max-bytes")
    relative = path.relative_to(input_dir).as_posix()
    if printable(relative) != relative:
        raise InputError("its name is not UTF-8 (the dataset records each page's name as text)", path=path,
                         fix="rename it, or its folder, in UTF-8")
    return SourceFile(path=path, relative=relative, sha256=sha256_of(path))


def _check_link(input_dir: Path, link: Path) -> None:
    """Refuse a symlink that leads nowhere, outside the input folder, or to a folder holding it (a loop).

    Outside, it would read any file the user can read into a publishable dataset, which is why a
    manifest entry outside the folder is refused too.
    """
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        raise InputError(f"is a broken or looping symlink (to {link.readlink()})", path=link,
                         fix="fix the link or remove it") from None
    kind = "folder" if target.is_dir() else "file"
    if not target.is_relative_to(input_dir.resolve()):
        raise InputError(f"is a symlink to {target}, which points outside the input folder", path=link,
                         fix=f"copy the {kind} into the input folder, or remove the link")
    if kind == "folder":
        raise InputError(f"is a symlink to {target}, a folder that holds the link (a loop)", path=link,
                         fix="remove the link")


def nothing_to_build(input_dir: Path, skipped: list[InputError]) -> InputError:
    """The error for an input folder left without a page (`skipped`: the pages --skip-bad left out).

    Said here, naming the input folder, because the validation of an empty release could only blame
    the output; the build stops before the skipped list is shown, so the first skip is told.
    """
    if not skipped:
        return InputError(f"holds no page to build (pages are {'/'.join(SOURCE_SUFFIXES)} files)",
                          path=input_dir, fix="point --input at the folder of scraped pages")
    first = skipped[0]
    name = Path(first.path or "").relative_to(input_dir).as_posix()
    return InputError(f"every page in it was skipped as unusable (the first, {name}, {first.args[0]})",
                      path=input_dir, fix=first.fix)


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def _utf16_without_bom(sample: bytes) -> str | None:
    """The codec of UTF-16 text that has no BOM ("utf-16-le" or "utf-16-be"), else None.

    Latin and Cyrillic in UTF-16 put a NUL (or 0x04) in every character's high byte, so such text
    looks binary. It is taken for UTF-16 only if, in one byte order, no character's low byte is NUL
    and every character decoded is text (no control, unassigned, private-use or lone surrogate code
    point), which binary data, NUL-padded numbers included, does not pass.
    """
    for codec, low_bytes in (("utf-16-le", sample[0::2]), ("utf-16-be", sample[1::2])):
        if b"\x00" in low_bytes:
            continue
        try:
            text = codecs.getincrementaldecoder(codec)("strict").decode(sample)
        except UnicodeDecodeError:
            continue
        if text and all(ch in "\t\n\r\f" or unicodedata.category(ch) not in NOT_TEXT for ch in text):
            return codec
    return None


def _encoding_by_shape(data: bytes, *, path: Path) -> str | None:
    """The Unicode encoding the bytes show by their shape (a BOM, or the NULs of UTF-16 without one),
    None for text left to UTF-8 and charset detection; refuses binary."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:SNIFF_BYTES]
    if not _looks_binary(sample):
        return None
    codec = _utf16_without_bom(sample)
    if codec is None:
        raise InputError("looks binary, not text", path=path,
                         fix="remove it from the input folder or convert it to text")
    return codec


def decode(data: bytes, *, path: Path) -> SourceText:
    """Bytes to text: BOMs, UTF-16 and strict UTF-8 first, then charset detection over the legacy code
    pages."""
    encoding = _encoding_by_shape(data, path=path) or "utf-8"
    try:
        text = data.decode(encoding, errors="strict")
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best() if encoding == "utf-8" else None
        if best is None:
            raise InputError(f"cannot be decoded as {_DECODED_AS if encoding == 'utf-8' else encoding}",
                             path=path, fix="convert it to UTF-8") from None
        text, encoding = str(best), best.encoding.replace("_", "-")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("holds only whitespace", path=path, fix="delete it or re-scrape the page")
    return SourceText(text=text, encoding=encoding)


def read_text(source: SourceFile) -> SourceText:
    """Decode a source file, checking that its bytes are still the ones that were hashed."""
    data = source.path.read_bytes()
    if hashlib.sha256(data).hexdigest() != source.sha256:
        raise InputError("changed while the build was running", path=source.path, fix="run the build again")
    return decode(data, path=source.path)
