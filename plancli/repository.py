"""A registry repository a team shares in git: what ``plancli init`` writes.

The repository holds the registry (an index ``registry.yaml`` and its documents, sources and unit
tables), the ledger (``progress.yaml``, one record per line), and what git needs so that records merge:
``.gitattributes`` merges the ledger line by line (``merge=union``: both sides' records are kept, a
record is one line so none is interleaved), ``.gitignore`` keeps the lock and temporary files out of
``git add -A``. Commands run anywhere inside it find it (``find_repository``), as git finds ``.git``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .errors import PlancliError
from .ledger.storage import HEADER
from .registry.loading import INDEX_NAME, index_around, shipped_registry_path

__all__ = ["InitError", "Made", "init_repository", "GITATTRIBUTES", "GITIGNORE", "REGISTRY_INDEX", "find_repository",
           "registry_path"]

REGISTRY_INDEX = INDEX_NAME


def find_repository(start: Path | None = None) -> Path | None:
    """The index of the registry repository around ``start`` (default: the current directory): the
    nearest ``registry.yaml`` with a ``documents:`` list in it or a parent, as git finds ``.git``."""
    try:
        here = start or Path.cwd()
    except OSError:  # the current directory was deleted under us
        return None
    return index_around(here)


def registry_path(given: str | Path | None = None) -> Path:
    """The registry a run uses: ``--registry``/PLANCLI_REGISTRY when given, else the registry
    repository around the current directory (``plancli init``), else the shipped one."""
    return Path(given) if given is not None else (find_repository() or shipped_registry_path())


class InitError(PlancliError):
    """A registry repository that cannot be made where asked."""


GITATTRIBUTES = """\
# plancli: the ledger is one record per line, order does not matter; merge it line by line so that
# records added on two branches are all kept, with no conflict (docs/team.md in plancli).
progress.yaml merge=union
*.yaml text eol=lf
*.txt text eol=lf
"""

GITIGNORE = """\
# plancli: the ledger's lock and the temporary files of its atomic writes are never committed.
*.lock
.*.tmp
__pycache__/
"""

CI_SCRIPT = """\
#!/bin/sh
# CI gate of this registry repository (call it from your CI: GitLab, GitHub Actions, Jenkins …).
# Needs plancli installed (pip install from your plancli wheel or repository). Exit 1 fails the build.
set -e
cd "$(dirname "$0")/.."
# The registry and the ledger: schema, ids, quotes against the sources, unit names, record ids,
# retractions, merge-conflict markers. --strict: warnings fail the build too.
plancli validate --strict
# Every number and date of the sources is registered or excluded with a reason.
plancli coverage
# Optional: fail while anything is overdue (a nightly job rather than every push).
# plancli overdue --fail
"""

README = """\
# 台账 registry (plancli)

This repository is a plancli registry repository: the documents tracked (`registry.yaml`, the files
it lists, their sources and unit tables) and the progress ledger (`progress.yaml`). Run plancli
anywhere inside it; it finds this repository the way git finds `.git`.

## How a team works in it

- Each colleague works in a clone; record progress with `plancli record ID --status … --on DATE
  --source …`, commit `progress.yaml`, push or open a merge request.
- Records are one line each and carry their own id (`rid`); `.gitattributes` merges the ledger line
  by line, so two branches that record different items (or the same one) merge with no conflict,
  in either order, to the same statuses. A correction is `plancli record ID --retract --note why`:
  it names the record it withdraws, nothing is edited or deleted.
- Before pushing: `plancli validate --strict` (the CI gate, `.ci/plancli-check`). It names
  duplicate record ids, retractions of unknown records, and merge-conflict markers left in a file
  (`progress.yaml:12: unresolved merge conflict …`).
- Edit the registry (`*.yaml` documents) by merge request; `plancli validate` checks every quote
  against its source. A document no longer tracked moves from `documents:` to `archived:` in
  `registry.yaml`.
- `git add -A` adds nothing of plancli's own besides records: the ledger lock and temporary files
  are in `.gitignore`.

## CI

Run `.ci/plancli-check` on every push, with plancli installed from your wheel or repository
(`$PLANCLI` below, e.g. `plancli-0.3.0-py3-none-any.whl` or `git+https://…/plancli.git`):

```yaml
# GitLab (.gitlab-ci.yml)
plancli:
  image: python:3.11
  script: [pip install "$PLANCLI", .ci/plancli-check]
# GitHub Actions (.github/workflows/plancli.yml), as steps of a job
- uses: actions/setup-python@v5
  with: {python-version: "3.11"}
- run: pip install "$PLANCLI" && .ci/plancli-check
```

and, nightly, `plancli overdue --fail --format plain` to turn the build red while anything is overdue.
"""

EXAMPLE_SOURCE = """\
示例行动计划（2025—2026年）

## 一、总体目标

到2026年，全市新增高新技术企业 200 家以上。

## 二、主要任务

1.建设平台。2025年12月底前，建成全市统一的项目管理平台。（牵头单位：市大数据局）
"""

EXAMPLE_DOCUMENT = """\
# An example document: replace it with your own (docs/registry-format.md in plancli), or draft one
# from a source text with `plancli extract SOURCE.txt -o documents/mine.yaml`.
meta:
  document:
    code: example
    number: 示例〔2025〕1号
    title: 示例行动计划（2025—2026年）
    issuer: 示例市人民政府
    date: "2025-01-10"
  period: {start: "2025-01-01", end: "2026-12-31"}
  source: {file: ../source/example.txt}
  units_file: ../units.yaml
  plans:
    - code: slzx
      name: 示例行动计划
      short: 示例
      group: 示例
      first_line: 1
      last_line: 9
      complete: true
      coordinator: [市科技局]
entries:
  - id: slzx-001
    kind: target
    plan: slzx
    section: 总体目标
    task: null
    metric: 新增高新技术企业数量
    value_text: 200 家
    value: 200
    unit: 家
    comparator: ">="
    deadline_text: 到2026年
    deadline: "2026-12-31"
    deadline_inferred: false
    lead: [市科技局]
    support: []
    units_inferred: true
    quote: 到2026年，全市新增高新技术企业 200 家以上
    line: 5
  - id: slzx-002
    kind: milestone
    plan: slzx
    section: 主要任务
    task: 1
    metric: 建成项目管理平台
    deadline_text: 2025年12月底前
    deadline: "2025-12-31"
    deadline_inferred: false
    lead: [市大数据局]
    support: []
    units_inferred: false
    quote: 2025年12月底前，建成全市统一的项目管理平台
    line: 9
exclusions: []
"""

EXAMPLE_UNITS = """\
# This repository's own unit table: every unit its documents name, with the other names people type.
units:
  - name: 市科技局
    aliases: [示例市科学技术局]
  - name: 市大数据局
    aliases: [示例市大数据管理局]
"""

EMPTY_INDEX = """\
# The documents this repository tracks (docs/registry-format.md in plancli). Move a document no
# longer tracked to `archived:` (kept and validated, left out of the default lists).
documents:
  - documents/example.yaml
ledger: progress.yaml
# The language of what leaves the office: per-unit workbooks, bulletin, report, digest, calendar
# (zh or en; --lang or PLANCLI_LANG still decide for one run).
lang: zh
"""

SHIPPED_INDEX = """\
# The documents this repository tracks (docs/registry-format.md in plancli). Move a document no
# longer tracked to `archived:` (kept and validated, left out of the default lists).
documents:
{current}
archived:
{archived}
ledger: progress.yaml
# The language of what leaves the office: per-unit workbooks, bulletin, report, digest, calendar
# (zh or en; --lang or PLANCLI_LANG still decide for one run).
lang: zh
"""


class Made(NamedTuple):  # what init made (a named tuple: a dataclass costs every run's start-up)
    root: Path
    files: list[str]
    git: bool  # a git repository was initialised


def _shipped_files() -> list[Path]:
    data = shipped_registry_path().parent
    return [p for p in sorted(data.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
            and p.suffix in (".yaml", ".txt", ".md") and not p.name.startswith(("progress.", "."))]


def init_repository(root: Path, *, empty: bool = False, git: bool = True) -> Made:
    """Make a registry repository in ``root`` (new or empty): the shipped registry (``empty``: one
    example document), an empty ledger, README, git attributes and ignore rules, a CI script."""
    root = Path(root)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InitError("init.not_empty", root=root)
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, str | Path] = {}
    if empty:
        files |= {REGISTRY_INDEX: EMPTY_INDEX, "documents/example.yaml": EXAMPLE_DOCUMENT,
                  "source/example.txt": EXAMPLE_SOURCE, "units.yaml": EXAMPLE_UNITS}
    else:
        from .registry.loading import load_registry

        data = shipped_registry_path().parent
        for p in _shipped_files():
            files[p.relative_to(data).as_posix()] = p
        reg = load_registry(shipped_registry_path())
        rel = [d.path.relative_to(data).as_posix() for d in reg.documents]
        cur = [r for r, d in zip(rel, reg.documents, strict=True) if not d.archived]
        old = [r for r, d in zip(rel, reg.documents, strict=True) if d.archived]
        files[REGISTRY_INDEX] = SHIPPED_INDEX.format(
            current="\n".join(f"  - {r}" for r in cur),
            archived="\n".join(f"  - {r}" for r in old) or "  []").replace("archived:\n  []", "archived: []")
    files |= {"progress.yaml": HEADER, "README.md": README, ".gitattributes": GITATTRIBUTES,
              ".gitignore": GITIGNORE, ".ci/plancli-check": CI_SCRIPT}
    for name, content in files.items():
        dest = root / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            import shutil

            shutil.copyfile(content, dest)
        else:
            dest.write_text(content, encoding="utf-8")
    (root / ".ci/plancli-check").chmod(0o755)
    did_git = git and _git_init(root)
    return Made(root, sorted(files), did_git)


def _git_init(root: Path) -> bool:
    """``git init`` the new repository unless git is missing or it is inside a work tree already."""
    import shutil
    import subprocess  # here, not at the top: every run finds the repository, only init starts git

    git = shutil.which("git")
    if git is None:
        return False
    inside = subprocess.run([git, "-C", str(root), "rev-parse", "--is-inside-work-tree"],
                            capture_output=True, text=True, check=False)
    if inside.returncode == 0 and inside.stdout.strip() == "true":
        return False
    return subprocess.run([git, "init", "-q", str(root)], capture_output=True, check=False).returncode == 0
