"""佐证材料: evidence kept with the ledger — text, a link, or a file copied into the evidence store.

A record's evidence is what a unit sends with its figure: a document number (text), a link, or a
file. A file is never referred to where it was found (an inbox, a download folder, another
colleague's disk): it is copied into the **evidence store** beside the ledger, named by its content,

    evidence/<sha256[:2]>/<sha256>.<ext>

and the record keeps that path (relative to the ledger's directory, the repository's root in a
repository ``plancli init`` made), the file's sha256 and size, and the name it was sent under
(``evidence_name``). So the ledger holds no absolute local path, the same file sent twice is stored
once, and a fresh clone has every file the ledger names: ``validate`` checks each one's digest.

What may be named, and by whom:

* ``record --evidence PATH`` (the person at the terminal): any readable file; it is copied in.
* A workbook's 佐证材料 cell (``import``, a file from outside): only a file in the workbook's own
  folder or below, after resolving symlinks. Anything else (``/etc/passwd``, ``../../x``, ``~/x``, a
  symlink out of the folder) is refused by row without being opened, and the refusal is the same
  whether such a file exists or not, so a workbook learns nothing about the machine that reads it.
* A text that looks like a file name (ends in .pdf, .docx, .jpg …) but names no file sent with the
  workbook is refused: the evidence would point at nothing.

A file is read in chunks (``CHUNK``), never whole, and refused above ``max_bytes()``
(``PLANCLI_EVIDENCE_MAX_MB``, default ``DEFAULT_MAX_MB``); docs/roundtrip.md says how to keep large
evidence out of git (Git LFS). Nothing is copied until the records are written: ``import --dry-run``
leaves the store alone.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .record import LedgerError

__all__ = ["EVIDENCE_DIR", "DEFAULT_MAX_MB", "EvidenceFile", "Proof", "max_bytes", "digest", "looks_like_file",
           "proof_given", "proof_from_workbook", "keep", "stored_path", "is_stored_path"]

EVIDENCE_DIR = "evidence"
CHUNK = 1 << 16
DEFAULT_MAX_MB = 20  # a scanned report or a few photos; larger files belong in Git LFS (docs/roundtrip.md)
ENV_MAX = "PLANCLI_EVIDENCE_MAX_MB"

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
# The extensions of files offices send as 佐证: documents, scans, photos, archives, video.
_FILE_EXT = re.compile(
    r"\.(?:pdf|ofd|docx?|wps|xlsx?|xlsm|et|ods|odt|pptx?|dps|txt|rtf|csv|md|html?|xml|json|jpe?g|png|gif|bmp|"
    r"tiff?|webp|heic|zip|rar|7z|tar|gz|mp4|mov|avi|wmv|mp3|wav|m4a)$", re.I)
_PATHLIKE = re.compile(r"^(?:/|~|\\\\|[A-Za-z]:[\\/]|\.\.?[\\/])")


class EvidenceError(LedgerError):
    """Evidence that cannot be kept: too large, unreadable, outside where it may come from."""


def max_bytes() -> int:
    """The largest evidence file kept (``PLANCLI_EVIDENCE_MAX_MB`` megabytes, default 20)."""
    raw = os.environ.get(ENV_MAX, "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        raise EvidenceError("evidence.bad_limit", var=ENV_MAX, given=raw) from None
    if mb <= 0:
        raise EvidenceError("evidence.bad_limit", var=ENV_MAX, given=raw)
    return int(mb * 1024 * 1024)


def looks_like_file(text: str) -> bool:
    """Whether ``text`` names a file rather than a document: an extension files have, or a path."""
    t = text.strip()
    return bool(_FILE_EXT.search(t) or _PATHLIKE.match(t))


def _ext(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


@dataclass(frozen=True)
class EvidenceFile:
    """A file to keep: where it is now (never written anywhere), its digest, size and the name it was
    sent under."""

    source: Path
    sha256: str
    size: int
    name: str

    @property
    def stored(self) -> str:
        """Its path in the store, relative to the ledger's directory (what the ledger holds)."""
        return stored_path(self.sha256, _ext(self.name))


def stored_path(sha256: str, ext: str = "") -> str:
    return f"{EVIDENCE_DIR}/{sha256[:2]}/{sha256}{ext}"


def is_stored_path(text: str) -> bool:
    """Whether ``text`` is a path of the evidence store (as a ledger holds it)."""
    return bool(re.fullmatch(rf"{EVIDENCE_DIR}/[0-9a-f]{{2}}/[0-9a-f]{{64}}(?:\.[a-z0-9]{{1,8}})?", text))


@dataclass(frozen=True)
class Proof:
    """The evidence fields of a record, and the file to copy into the store when it is written."""

    fields: dict = field(default_factory=dict)
    file: EvidenceFile | None = None

    def __bool__(self) -> bool:
        return bool(self.fields)


def digest(path: Path, limit: int | None = None, *, shown: str | None = None) -> tuple[str, int]:
    """(sha256, size) of a file read in chunks; refused past ``limit`` bytes (default ``max_bytes()``)."""
    limit = max_bytes() if limit is None else limit
    h, n = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            n += len(chunk)
            if n > limit:
                raise EvidenceError("evidence.too_large", file=shown or path.name, mb=_mb(limit))
            h.update(chunk)
    return h.hexdigest(), n


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.3g}"


def _file(path: Path, name: str) -> EvidenceFile:
    limit = max_bytes()
    try:
        if path.stat().st_size > limit:
            raise EvidenceError("evidence.too_large", file=name, mb=_mb(limit))
        sha, size = digest(path, limit, shown=name)
    except OSError as exc:
        raise EvidenceError("evidence.unreadable", file=name, error=exc.strerror or str(exc)) from None
    return EvidenceFile(path, sha, size, name)


def _proof(f: EvidenceFile) -> Proof:
    return Proof({"evidence": f.stored, "evidence_sha256": f.sha256, "evidence_size": f.size,
                  "evidence_name": f.name}, f)


def _is_file(p: Path) -> bool:
    """``p.is_file()``, False where the text cannot be a path at all: evidence is often a sentence,
    and 87 Chinese characters are 261 bytes, past the 255 a file name may have (ENAMETOOLONG)."""
    try:
        return p.is_file()
    except (OSError, ValueError):
        return False


def proof_given(text: str | None, ledger_path: Path) -> Proof:
    """The evidence of ``record --evidence``: a URL or text as given; a file (any the person at the
    terminal can read) to be copied into the store; a file of the store as it is."""
    text = (text or "").strip() or None
    if text is None:
        return Proof()
    if _URL.match(text):
        return Proof({"evidence": text})
    p = Path(text).expanduser()
    if _is_file(p):
        return _proof(_file(p, p.name))
    if is_stored_path(text) and (ledger_path.parent / text).is_file():
        return _proof(_file(ledger_path.parent / text, Path(text).name))
    if looks_like_file(text):
        raise EvidenceError("evidence.no_file", file=text)
    return Proof({"evidence": text})


def proof_from_workbook(text: str | None, folder: Path) -> Proof:
    """The evidence a workbook's 佐证材料 cell names: a URL or text as written; a file only in the
    workbook's ``folder`` or below (after resolving symlinks). A path outside is refused without
    being opened, in the same words whether it exists or not."""
    text = (text or "").strip() or None
    if text is None:
        return Proof()
    if _URL.match(text):
        return Proof({"evidence": text})
    if not looks_like_file(text) and not any(s in text for s in "/\\"):
        return Proof({"evidence": text})
    if _PATHLIKE.match(text) or ".." in re.split(r"[\\/]", text):
        raise EvidenceError("evidence.outside", file=text)
    root = folder.resolve()
    try:
        where = (root / text.replace("\\", "/")).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        raise EvidenceError("evidence.outside", file=text) from None
    if not where.is_relative_to(root):
        raise EvidenceError("evidence.outside", file=text)
    if not _is_file(where):
        if looks_like_file(text):
            raise EvidenceError("evidence.not_sent", file=text)
        return Proof({"evidence": text})  # 省科技厅/省财政厅联合通报: text with a slash, no such file
    return _proof(_file(where, where.name))


def _store_inside(folder: Path, store: Path) -> None:
    """Refuse a store that leads out of the ledger's folder: a symlink committed as ``evidence`` (or
    below) would have a unit's file written wherever it points (docs/security.md)."""
    if not Path(os.path.realpath(store)).is_relative_to(os.path.realpath(folder)):
        raise EvidenceError("security.store_outside", store=store.relative_to(folder))


def keep(ledger_path: Path, f: EvidenceFile) -> Path:
    """Copy ``f`` into the store beside ``ledger_path`` (in chunks, hashed again as it is copied, then
    renamed into place: a reader never sees half a file). A file the store has already is kept once."""
    final = ledger_path.parent / f.stored
    _store_inside(ledger_path.parent, final.parent)  # before anything is written or created
    if final.is_file() and final.stat().st_size == f.size:
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    _store_inside(ledger_path.parent, final.parent)  # and once it exists (a folder swapped meanwhile)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".", suffix=".tmp")
    try:
        h, n = hashlib.sha256(), 0
        with os.fdopen(fd, "wb") as out, open(f.source, "rb") as src:
            while chunk := src.read(CHUNK):
                n += len(chunk)
                if n > f.size:
                    break
                h.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if h.hexdigest() != f.sha256 or n != f.size:
            raise EvidenceError("evidence.changed", file=f.name)
        os.chmod(tmp, 0o644)
        os.replace(tmp, final)
    except OSError as exc:
        raise EvidenceError("evidence.unreadable", file=f.name, error=exc.strerror or str(exc)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return final
