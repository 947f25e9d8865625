"""Rule documentation from the declarations: `procdoc rules` and docs/rules.md."""

from __future__ import annotations

import json

from procdoc.checks.registry import FAMILIES, Rule, all_rules


def listing(output_format: str = "text") -> str:
    rules = all_rules().values()
    if output_format == "json":
        return json.dumps([_as_dict(r) for r in rules], ensure_ascii=False, indent=2) + "\n"
    width = max(len(r.name) for r in rules)
    lines = [f"{r.code}  {r.name:<{width}}  {r.severity.label:<7}  {_fix_mark(r):<6}  {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"


def fixability(rule: Rule) -> str:
    """"safe", "unsafe" or "" (no fix): how `check --fix` treats the rule's findings."""
    if rule.fix is None:
        return ""
    return "safe" if rule.fix.safe else "unsafe"


def _fix_mark(rule: Rule) -> str:
    return {"safe": "fix", "unsafe": "unsafe", "": ""}[fixability(rule)]


def _as_dict(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code, "name": rule.name, "family": rule.family, "severity": rule.severity.label,
        "summary": rule.summary, "why": rule.why, "example": rule.example, "options": dict(rule.options),
        "fix": fixability(rule) or None,
    }


def explain(code_or_name: str) -> str | None:
    from procdoc.checks.registry import find

    rule = find(code_or_name)
    return None if rule is None else _section(rule, heading="#")


def _section(rule: Rule, heading: str) -> str:
    parts = [
        f"{heading} {rule.code} {rule.name}",
        "",
        f"Family: {rule.family} · default severity: {rule.severity.label}{_fix_line(rule)}",
        "",
        f"{heading}# What it does",
        "",
        rule.summary,
        "",
        f"{heading}# Why is this bad?",
        "",
        rule.why,
        "",
        f"{heading}# Example",
        "",
        "```yaml",
        rule.example,
        "```",
    ]
    if rule.options:
        parts += ["", f"{heading}# Options", ""]
        for key, value in rule.options.items():
            doc = rule.option_docs.get(key, "")
            parts.append(f"- `{key}` (default `{json.dumps(value, ensure_ascii=False)}`): {doc}".rstrip(": "))
        parts += ["", f"Set in procdoc.toml as `[check.options.{rule.code}]`."]
    return "\n".join(parts) + "\n"


def _fix_line(rule: Rule) -> str:
    kind = fixability(rule)
    if not kind:
        return ""
    return " · fix: `procdoc check --fix`" if kind == "safe" else " · fix: `procdoc check --fix --unsafe-fixes`"


def markdown() -> str:
    """The whole of docs/rules.md (kept current by a test)."""
    rules = list(all_rules().values())
    out = [
        "# procdoc rules",
        "",
        "Generated from the rule declarations by `python -m procdoc.checks.ruledocs`; do not edit by hand.",
        "`procdoc rules CODE` prints the same text in a terminal.",
        "",
        "The fix column marks rules whose findings `procdoc check --fix` repairs (safe), or repairs only",
        "with `--unsafe-fixes` because the fix changes what the process means (unsafe).",
        "",
        "| code | name | family | severity | fix | summary |",
        "|---|---|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](#{r.anchor}) | {r.name} | {r.family} | {r.severity.label} | {fixability(r)} | {r.summary} |"
        for r in rules
    ]
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.family == family]
        if members:
            out += ["", f"## {title}", ""]
            out += [_section(r, heading="###") for r in members]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
