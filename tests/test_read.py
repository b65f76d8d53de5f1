"""Bytes to text: encodings the scraped pages come in, and the refusals that protect provenance."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from build_dataset.errors import InputError
from build_dataset.read import decode, discover

UK = "Самопроголошений президент Білорусі Олександр Лукашенко заявив, що росія готова до миру."
RU = "Лукашенко заявил, что Россия и Белоруссия готовы к миру, а Украина не хочет переговоров."
FR = "Le chlorothalonil sera interdit en Suisse dès l'année prochaine, a annoncé la Confédération."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (UK.encode("utf-8"), UK, "utf-8"),
        (codecs.BOM_UTF8 + UK.encode("utf-8"), UK, "utf-8-sig"),
        (UK.encode("utf-16"), UK, "utf-16"),
        (UK.encode("cp1251"), UK, "cp1251"),
        (UK.encode("koi8-u"), UK, "koi8-u"),
        (RU.encode("koi8-r"), RU, "koi8-r"),
        (FR.encode("latin-1"), FR, "cp1252"),  # latin-1 letters decode the same under cp1252
    ],
)
def test_decode_detects_the_encoding(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data, path=Path("page.txt"))
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_newlines_are_normalised() -> None:
    assert decode(b"a\r\nb\rc\n", path=Path("p.txt")).text == "a\nb\nc\n"


def test_binary_is_refused_with_the_file_name() -> None:
    with pytest.raises(InputError, match=r"^x/p\.txt: looks binary"):
        decode(b"\x00\x01\x02" * 100, path=Path("x/p.txt"))


def test_discover_recurses_and_skips_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "page.txt").write_text("x")
    (tmp_path / "page.html").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / "sources.yaml").write_text("files: {}")
    sources, skipped = discover(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in sources] == ["a/b/page.txt", "page.html"]
    assert [p.name for p in skipped] == ["notes.pdf"]
