"""Where each unit is told (``contacts.yaml`` beside the registry): the routes of ``plancli notify``.

A registry repository is shared in git, so the file holds routes, never secrets: a robot's webhook
URL carries its key (企业微信 ``?key=…``, 钉钉 ``?access_token=…``) and a 钉钉 robot signs with a
``SEC…`` secret, so both are named by environment variable (``url_env: TZ_DSJ_WECOM``) and read only
when a message is sent. ``load_contacts`` reads the file strictly and finds every problem with its
``file:line`` — a unit the unit table does not know (a typo would leave a unit untold), a key that is
not a route's, and anything that looks like a secret written in the file, comments included (the
problem says where, never what: ``validate``'s output must not repeat the secret it found).

Format (docs/notify.md)::

    units:
      省大数据局:
        wecom: {url_env: TZ_DSJ_WECOM, mention: [zhangsan]}
        dingtalk: {url_env: TZ_DSJ_DING, secret_env: TZ_DSJ_DING_SECRET, mention: ["13800000000"]}
        email: {to: [duban@dsj.example.gov.cn], cc: [ban@dsj.example.gov.cn]}
        webhook: {url_env: TZ_DSJ_HOOK}
    default:            # units without routes of their own (one office-wide group, say)
      wecom: {url_env: TZ_ALL_WECOM}
    links:              # where a unit finds its workbook and the report ({unit} is filled in)
      workbook: https://pan.example.gov.cn/台账/{unit}.xlsx
      report: https://oa.example.gov.cn/督查/report.html

A channel may also be a list of routes (two 企业微信 groups).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlancliError
from ..yamlio.reader import DataFileError, LineDict, load_yaml, read_text
from .model import Problem
from .units import UnitError, UnitTable

__all__ = ["CHANNELS", "CONTACTS_FILE", "ContactsError", "Route", "Contacts", "load_contacts", "contacts_path",
           "secret_lines", "ENV_NAME"]

CONTACTS_FILE = "contacts.yaml"
CHANNELS = ("wecom", "dingtalk", "email", "webhook")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# The keys each channel takes; a key named like a secret (url, secret, token, key, password) is refused
# with its own message, the rest as unknown keys.
_KEYS = {"wecom": {"url_env", "mention"}, "dingtalk": {"url_env", "secret_env", "mention"},
         "email": {"to", "cc"}, "webhook": {"url_env"}}
_REQUIRED = {"wecom": ("url_env",), "dingtalk": ("url_env",), "email": ("to",), "webhook": ("url_env",)}
_SECRET_KEYS = re.compile(r"^(url|webhook|secret|token|access_token|key|password|passwd|sign)$", re.I)
_LINK_KEYS = ("workbook", "report")
_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
_MOBILE = re.compile(r"^\+?\d{11,15}$")

# What a secret looks like where it must not be: a URL whose query carries a credential, a 钉钉 signing
# secret (SEC + 64 hex), a long run of hex or base64 (access tokens), a UUID (企业微信 robot keys).
_SECRET_PATTERNS = (
    re.compile(r"[?&](key|access_token|token|secret|sign|signature|password|pwd|apikey|api_key)=[^&\s'\"]{6,}", re.I),
    re.compile(r"\bSEC[0-9a-fA-F]{20,}\b"),
    re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"),
    re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])"),
    re.compile(r"://[^/\s:@]+:[^/\s@]+@"),  # user:password@host
)


class ContactsError(PlancliError):
    """A contacts file that cannot be used as written (its first problem, with file:line)."""


@dataclass(frozen=True)
class Route:
    """One way of telling a unit: a channel and where (names of environment variables, addresses)."""

    channel: str  # wecom | dingtalk | email | webhook
    url_env: str | None = None
    secret_env: str | None = None
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    mention: tuple[str, ...] = ()
    line: int = 0  # where it is written in contacts.yaml

    @property
    def target(self) -> str:
        """Who the route reaches, as the summary and the sent-log name it (never a URL): ``$TZ_DSJ_WECOM``
        or the addresses."""
        if self.channel == "email":
            return ", ".join(self.to + self.cc)
        return f"${self.url_env}"


@dataclass
class Contacts:
    path: Path | None
    units: dict[str, tuple[Route, ...]] = field(default_factory=dict)  # canonical unit name → routes
    default: tuple[Route, ...] = ()
    links: dict[str, str] = field(default_factory=dict)  # workbook / report → template with {unit}

    def routes(self, unit: str) -> tuple[Route, ...]:
        """The unit's routes: its own, else the default ones."""
        own = self.units.get(unit)
        return own if own is not None else self.default

    def link(self, kind: str, unit: str) -> str | None:
        t = self.links.get(kind)
        return t.replace("{unit}", unit) if t else None


def contacts_path(registry_file: Path) -> Path:
    """contacts.yaml beside the registry file (the index of a registry repository)."""
    return registry_file.parent / CONTACTS_FILE


def secret_lines(text: str) -> list[int]:
    """The lines of ``text`` that hold something shaped like a secret (comments included)."""
    return [i for i, line in enumerate(text.splitlines(), 1) if any(p.search(line) for p in _SECRET_PATTERNS)]


class _Problems:
    def __init__(self, path: Path):
        self.path, self.found = path, []

    def __call__(self, line, code: str, level: str = "error", **fields) -> None:
        err = ContactsError(code, path=self.path, line=line, **fields)
        self.found.append((err, level))

    def problems(self) -> list[Problem]:
        return [Problem.at(str(self.path), e.line, e.code, level, **e.fields) for e, level in self.found]


def _names(v, where: str, line: int, bad: _Problems, key: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str | int) and not isinstance(v, bool):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str | int) and not isinstance(x, bool) for x in v):
        bad(line, "contacts.not_a_list", where=where, key=key)
        return ()
    return tuple(str(x).strip() for x in v if str(x).strip())


def _route(channel: str, d, where: str, bad: _Problems) -> Route | None:
    line = getattr(d, "line", 0) or 0
    if not isinstance(d, dict):
        bad(line, "contacts.route_not_mapping", where=where, channel=channel)
        return None
    ok = True
    for k in d:
        kl = d.key_lines.get(k, line) if isinstance(d, LineDict) else line
        if k in _KEYS[channel]:
            continue
        ok = False
        if isinstance(k, str) and _SECRET_KEYS.match(k):
            bad(kl, "contacts.literal_secret_key", where=where, key=k, channel=channel)
        else:
            bad(kl, "contacts.unknown_key", where=where, key=k, known=sorted(_KEYS[channel]))
    for k in _REQUIRED[channel]:
        if not d.get(k):
            bad(line, "contacts.missing_key", where=where, key=k, channel=channel)
            ok = False
    for k in ("url_env", "secret_env"):
        v = d.get(k)
        if v is None or k not in _KEYS[channel]:
            continue
        kl = d.key_lines.get(k, line) if isinstance(d, LineDict) else line
        if not isinstance(v, str) or not ENV_NAME.match(v):
            ok = False
            looks_url = isinstance(v, str) and "://" in v
            bad(kl, "contacts.env_is_url" if looks_url else "contacts.env_name", where=where, key=k)
    mention = _names(d.get("mention"), where, line, bad, "mention")
    to = _names(d.get("to"), where, line, bad, "to")
    cc = _names(d.get("cc"), where, line, bad, "cc")
    for a in to + cc:
        if not _ADDRESS.match(a):
            ok = False
            bad(line, "contacts.bad_address", where=where, address=a)
    if channel == "wecom" and any(_MOBILE.match(m) or m.lower() in ("all", "@all") for m in mention):
        bad(line, "contacts.wecom_mobile", "warning", where=where)
    if not ok:
        return None
    return Route(channel, url_env=d.get("url_env"), secret_env=d.get("secret_env"), to=to, cc=cc,
                 mention=mention, line=line)


def _routes(d, where: str, bad: _Problems) -> tuple[Route, ...]:
    line = getattr(d, "line", 0) or 0
    if not isinstance(d, dict):
        bad(line, "contacts.unit_not_mapping", where=where)
        return ()
    out: list[Route] = []
    for channel, v in d.items():
        kl = d.key_lines.get(channel, line) if isinstance(d, LineDict) else line
        if channel not in CHANNELS:
            bad(kl, "contacts.unknown_channel", where=where, channel=channel, known=list(CHANNELS))
            continue
        for one in (v if isinstance(v, list) else [v]):
            r = _route(channel, one, where, bad)
            if r is not None:
                out.append(r)
    return tuple(out)


def load_contacts(path: str | Path, table: UnitTable | None = None) -> tuple[Contacts, list[Problem]]:
    """The contacts file and every problem in it (``validate`` prints them; ``notify`` refuses a file
    with errors). Unit names are read through ``table`` (aliases and short forms as ``--unit`` takes
    them) and kept canonical."""
    p = Path(path)
    bad = _Problems(p)
    _, text = read_text(p)
    for line in secret_lines(text):
        bad(line, "contacts.literal_secret")
    try:
        doc = load_yaml(p, text)
    except DataFileError as exc:
        return Contacts(p), [Problem.of(exc, str(p))] + bad.problems()
    if doc is None:
        doc = LineDict.at(1)
    if not isinstance(doc, dict):
        bad(1, "contacts.not_mapping")
        return Contacts(p), bad.problems()
    for k in doc:
        if k not in ("units", "default", "links"):
            bad(doc.key_lines.get(k, 1), "contacts.unknown_top", key=k)
    units: dict[str, tuple[Route, ...]] = {}
    raw_units = doc.get("units") or LineDict.at(doc.key_lines.get("units", 1))
    if not isinstance(raw_units, dict):
        bad(doc.key_lines.get("units", 1), "contacts.units_not_mapping")
        raw_units = {}
    for name, d in raw_units.items():
        line = raw_units.key_lines.get(name, 1) if isinstance(raw_units, LineDict) else 1
        canon = str(name)
        if table is not None:
            try:
                canon, guessed = table.match(str(name))
            except UnitError as exc:
                bad(line, "contacts.unknown_unit", unit=name, why=exc)
                _routes(d, str(name), bad)  # its routes are still checked: one run of validate finds all
                continue
            if guessed:  # a part of a name in a file others rely on: say the whole name
                bad(line, "contacts.partial_unit", "warning", unit=name, canon=canon)
        if canon in units:
            bad(line, "contacts.duplicate_unit", unit=name, canon=canon)
            continue
        units[canon] = _routes(d, str(name), bad)
    default = _routes(doc["default"], "default", bad) if doc.get("default") is not None else ()
    links: dict[str, str] = {}
    raw_links = doc.get("links")
    if raw_links is not None:
        if not isinstance(raw_links, dict):
            bad(doc.key_lines.get("links", 1), "contacts.links_not_mapping")
        else:
            for k, v in raw_links.items():
                kl = raw_links.key_lines.get(k, 1) if isinstance(raw_links, LineDict) else 1
                if k not in _LINK_KEYS:
                    bad(kl, "contacts.unknown_key", where="links", key=k, known=list(_LINK_KEYS))
                elif not isinstance(v, str) or not v.strip():
                    bad(kl, "contacts.link_text", key=k)
                else:
                    links[k] = v.strip()
    return Contacts(p, units, default, links), bad.problems()
