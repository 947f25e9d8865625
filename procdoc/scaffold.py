"""`procdoc new`: a commented process file that already passes the checker.

Templates are real, commented YAML files (procdoc/templates/new). They are
edited with ruamel.yaml's round-trip mode so the teaching comments survive;
this is where ruamel.yaml earns its place (the loader's hot path uses
libyaml, which drops comments).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from procdoc.config import OrgUnit, find_config, load_settings
from procdoc.errors import UserError
from procdoc.i18n import LANGS, has_chinese
from procdoc.writer import temporary_beside, write_text_atomic

TEMPLATES = ("basic", "approval", "complaint")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")



@dataclass(frozen=True)
class Request:
    name: str
    process_id: str
    lanes: tuple[str, ...]
    owner: str | None
    template: str
    lang: str

    @classmethod
    def build(
        cls,
        *,
        name: str | None,
        process_id: str | None,
        owner: str | None,
        lanes: str | None,
        template: str,
        lang: str | None,
    ) -> Request:
        if template not in TEMPLATES:
            raise UserError(f"unknown template {template!r}", f"use one of: {', '.join(TEMPLATES)}")
        if lang is not None and lang not in LANGS:
            raise UserError(f"unknown language {lang!r}", "use --lang zh or --lang en")
        chosen_lang = lang or ("zh" if name and has_chinese(name) else "en" if name else "zh")
        title = (name or "").strip() or ("新流程" if chosen_lang == "zh" else "New process")
        code = (process_id or suggest_id(title)).strip()
        if not _CODE.match(code) or len(code) > 64:
            raise UserError(f"invalid process id {code!r}", "use letters, digits, '.', '-' and '_', e.g. QM-07")
        names = tuple(dict.fromkeys(p.strip() for p in re.split(r"[,，、]", lanes or "") if p.strip()))
        if owner and names and owner not in names:
            raise UserError(f"owner {owner!r} is not one of the lanes", f"use one of: {', '.join(names)}")
        return cls(title, code, names, owner, template, chosen_lang)


def suggest_id(name: str | None) -> str:
    """Initials of a Latin name (`After-sales service` → `AS-01`), else `P-01`."""
    words = re.findall(r"[A-Za-z]+", name or "")
    initials = "".join(w[0] for w in words[:2]).upper()
    return f"{initials or 'P'}-01"


def default_lanes(name: str | None, lang: str | None) -> str:
    chosen = lang or ("zh" if name and has_chinese(name) else "en")
    return "申请人,经办部门" if chosen == "zh" else "Requester,Handling department"


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_template(template: str, lang: str, today: datetime.date | None = None) -> Any:
    """A template as a round-trip document (comments kept), its first revision dated `today`."""
    source = resources.files("procdoc.templates.new").joinpath(f"{template}.{lang}.yaml")
    doc = _yaml().load(source.read_text(encoding="utf-8"))
    doc["revisions"][0]["date"] = (today or datetime.date.today()).isoformat()
    return doc


def dump(doc: Any) -> str:
    """A round-trip document as text, formatted the way the templates are."""
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def render(request: Request, org: dict[str, OrgUnit] | None = None, today: datetime.date | None = None) -> str:
    """The new file's text."""
    doc = load_template(request.template, request.lang, today)
    doc["id"] = request.process_id
    doc["name"] = request.name
    if request.lanes:
        _apply_lanes(doc, request, org or {})
    return dump(doc)


def _lane_id(name: str, org: dict[str, OrgUnit], taken: set[str]) -> str:
    """The catalogue id when the name is known, else a readable id of the name."""
    unit = next((u for u in org.values() if name in (u.name, u.en, *u.aliases)), None)
    base = unit.id if unit else (re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").lower() if name.isascii() else name)
    base = re.sub(r"\s+", "", base) or "lane"
    if len(base) > 48:  # ids are at most 64 characters; keep long names distinct with a short hash
        base = f"{base[:40]}_{hashlib.sha1(name.encode('utf-8')).hexdigest()[:6]}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def _apply_lanes(doc: Any, request: Request, org: dict[str, OrgUnit]) -> None:
    """Map the template's roles onto the user's lanes, in the user's order."""
    template_lanes = {lane["id"]: lane for lane in doc["lanes"]}
    roles = list(template_lanes)
    names = list(request.lanes)
    taken: set[str] = set()
    ids = {name: _lane_id(name, org, taken) for name in names}
    assigned = _assign_roles(roles, names, request.owner)
    lanes = CommentedSeq()
    for name in names:
        role = next((r for r in roles if assigned[r] == name), None)
        entry = template_lanes[role] if role else CommentedMap([("duties", "TODO")])
        entry["id"], entry["name"] = ids[name], name
        lanes.append(_ordered(entry))
    doc["lanes"] = lanes
    for step in doc["steps"]:
        step["lane"] = ids[assigned[step["lane"]]]
    doc["owner"] = ids[assigned[doc["owner"]]]
    extra = [name for name in names if name not in assigned.values()]
    _insert_extra_steps(doc, [ids[name] for name in extra], request.lang)


def _ordered(entry: CommentedMap) -> CommentedMap:
    """Put `id` and `name` first, keeping the other keys and their comments."""
    for key in ("name", "id"):
        entry.move_to_end(key, last=False)
    return entry


def _assign_roles(roles: list[str], names: list[str], owner: str | None) -> dict[str, str]:
    """Template role → user lane name: first role first, last role last, owner handles."""
    count = len(names)
    assigned = {role: names[min(i, count - 1)] for i, role in enumerate(roles)}
    if count > len(roles):
        assigned[roles[-1]] = names[-1]
    if owner and "handler" in assigned:
        assigned["handler"] = owner
    return assigned


def _insert_extra_steps(doc: Any, lane_ids: list[str], lang: str) -> None:
    """One TODO step per lane the template has no role for, after the first key step."""
    steps = doc["steps"]
    anchor_index = next(i for i, s in enumerate(steps) if s.get("key"))
    anchor = steps[anchor_index]
    after = anchor["next"]
    for n, lane_id in reversed(list(enumerate(lane_ids, start=1))):
        step = CommentedMap()
        step["id"] = f"{anchor['id']}.{n}"
        step["name"] = f"TODO {lane_id} 的工作" if lang == "zh" else f"TODO work of {lane_id}"
        step["lane"] = lane_id
        if "phase" in anchor:
            step["phase"] = anchor["phase"]
        step["next"] = after
        after = step["id"]
        steps.insert(anchor_index + 1, step)
    anchor["next"] = after


SCHEMA_FILE = "procdoc.schema.json"


def write(request: Request, target: Path, *, force: bool = False) -> Path | None:
    """Write the new file; never replace an existing one unless `force`.

    Returns the editor schema file when this call created it.
    """
    if target.exists() and not force:
        raise UserError(f"{target} already exists", "choose another name with -o, or --force to replace it")
    if target.is_dir():
        raise UserError(f"{target} is a directory", "give a file name with -o")
    org = _catalogue(target)
    schema_file, created = _editor_schema(target)
    modeline = f"# yaml-language-server: $schema={os.path.relpath(schema_file, target.parent).replace(os.sep, '/')}\n"
    text = modeline + render(request, org)
    if force:
        write_text_atomic(target, text)
    else:
        _create_exclusive(target, text)
    return schema_file if created else None


def _create_exclusive(target: Path, text: str) -> None:
    """Write a new file, complete, under a name that must not exist yet (not even meanwhile)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(target)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.link(temporary, target)  # fails if the file appeared meanwhile
    except FileExistsError:
        raise UserError(
            f"{target} already exists", "choose another name with -o, or --force to replace it"
        ) from None
    finally:
        temporary.unlink(missing_ok=True)


def _editor_schema(target: Path) -> tuple[Path, bool]:
    """The repository's copy of the JSON Schema that editors validate against.

    Kept beside procdoc.toml (else beside the new file) so the modeline works
    offline and on every machine that clones the repository. An existing copy
    is refreshed only when it is procdoc's own (same $id), never replaced otherwise.
    """
    from procdoc.schema import schema, schema_text

    config = find_config(str(target.parent if target.parent.exists() else Path.cwd()))
    folder = Path(config).parent if config else target.parent
    path = folder / SCHEMA_FILE
    existed = path.exists()
    try:
        current = path.read_text(encoding="utf-8") if existed else ""
    except OSError:
        return path, False
    if current != schema_text() and (not existed or schema()["$id"] in current):
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(), encoding="utf-8")
    return path, not existed


def _catalogue(target: Path) -> dict[str, OrgUnit]:
    """The org catalogue of the repository the new file lands in, if any."""
    found = find_config(str(target.parent if target.parent.exists() else Path.cwd()))
    if found is None:
        return {}
    try:
        return load_settings(found).org
    except UserError:
        return {}
