"""Look up a publisher in the outlet catalog (data/outlets.yaml) by URL, by name, or by its page furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import yaml

from build_dataset.schema import OutletInfo


@dataclass(frozen=True)
class CatalogOutlet:
    """One outlet of the catalog with the keys it is found by."""

    name: str
    names: frozenset[str]  # folded name and aliases
    domain: str | None
    markers: tuple[tuple[str, ...], ...]
    info: OutletInfo


def _fold(name: str) -> str:
    """Case- and punctuation-blind form of an outlet name ("RT.com" ~ "rt com" ~ "RTcom")."""
    return re.sub(r"[\W_]+", "", name.casefold())


def _domain(url: str) -> str | None:
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def compile_outlets(data: dict[str, Any]) -> tuple[CatalogOutlet, ...]:
    """The outlets of a parsed outlets.yaml."""
    outlets = []
    for item in data.get("outlets", []):
        info = OutletInfo(domain=item.get("domain"), country=item.get("country"),
                          language=item.get("language"), ownership=item.get("ownership"),
                          ownership_source=item.get("ownership_source"))
        names = frozenset(_fold(n) for n in [item["name"], *(item.get("aliases") or [])])
        markers = tuple(tuple(group) for group in item.get("page_markers") or [])
        outlets.append(CatalogOutlet(item["name"], names, item.get("domain"), markers, info))
    return tuple(outlets)


@lru_cache(maxsize=1)
def load_outlets() -> tuple[CatalogOutlet, ...]:
    """The packaged outlet catalog, parsed once per process."""
    text = resources.files("build_dataset").joinpath("data/outlets.yaml").read_text(encoding="utf-8")
    return compile_outlets(yaml.safe_load(text))


def find_outlet(name: str | None, url: str | None) -> CatalogOutlet | None:
    """The catalog outlet of a URL (its domain or a subdomain) or, failing that, of a name."""
    outlets = load_outlets()
    domain = _domain(url) if url else None
    if domain:
        for outlet in outlets:
            if outlet.domain and (domain == outlet.domain or domain.endswith("." + outlet.domain)):
                return outlet
    if name:
        folded = _fold(name)
        for outlet in outlets:
            if folded in outlet.names:
                return outlet
    return None


def lookup_outlet(name: str | None, url: str | None) -> OutletInfo | None:
    """What the catalog knows about the outlet of this name or URL, or None when it is not listed."""
    outlet = find_outlet(name, url)
    return outlet.info if outlet else None


def outlet_from_page(page: str) -> str | None:
    """The outlet a page names through its own furniture (see page_markers in outlets.yaml), or None.

    Meant for pages whose manifest gives no outlet; a page that does not tell stays unknown.
    """
    for outlet in load_outlets():
        if any(all(marker in page for marker in group) for group in outlet.markers):
            return outlet.name
    return None
