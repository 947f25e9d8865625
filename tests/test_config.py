"""Settings: finding procdoc.toml or [tool.procdoc], and refusing what they cannot mean.

Reading the file is procdoc.config's job (unknown keys, types, the org
catalogue); naming rules is procdoc.checks.selection's (unknown codes,
severities, per-file ignores, options). Both errors end the run with exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from procdoc.checks.registry import all_rules
from procdoc.checks.selection import Selection, resolve
from procdoc.config import CatalogueEntry, OrgUnit, RenderConfig, Settings, find_config, load_settings
from procdoc.diagnostics import Severity
from procdoc.errors import UserError

RULES = all_rules()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def settings(tmp_path: Path, text: str) -> Settings:
    return load_settings(str(write(tmp_path / "procdoc.toml", text)))


def selection(tmp_path: Path, text: str) -> Selection:
    return resolve(settings(tmp_path, text).check, RULES)


def config_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(UserError) as caught:
        settings(tmp_path, text)
    return str(caught.value)


# --- discovery ----------------------------------------------------------------------------------------------------


def test_the_nearest_procdoc_toml_above_the_path_is_used(tmp_path: Path) -> None:
    top = write(tmp_path / "repo/procdoc.toml", "")
    process = write(tmp_path / "repo/quality/complaints/p.yaml", "procdoc: 1\n")
    assert find_config(str(process)) == str(top)
    assert find_config(str(process.parent)) == str(top)
    nearer = write(tmp_path / "repo/quality/procdoc.toml", "")
    assert find_config(str(process)) == str(nearer)


def test_pyproject_with_a_tool_procdoc_table_counts(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "repo/pyproject.toml", '[tool.procdoc.check]\nselect = ["S"]\n')
    assert find_config(str(tmp_path / "repo/p.yaml")) == str(pyproject)
    assert load_settings(None, str(tmp_path / "repo/p.yaml")).check.select == ("S",)


def test_pyproject_without_the_table_or_unreadable_is_passed_over(tmp_path: Path) -> None:
    top = write(tmp_path / "procdoc.toml", "")
    write(tmp_path / "repo/pyproject.toml", '[tool.ruff]\nline-length = 100\n')
    write(tmp_path / "repo/sub/pyproject.toml", "[tool.procdoc\n")
    assert find_config(str(tmp_path / "repo/sub/p.yaml")) == str(top)


def test_procdoc_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.procdoc]\n")
    own = write(tmp_path / "procdoc.toml", "")
    assert find_config(str(tmp_path / "p.yaml")) == str(own)


def test_no_settings_file_means_defaults(tmp_path: Path) -> None:
    found = load_settings(None, str(write(tmp_path / "p.yaml", "procdoc: 1\n")))
    assert (found.source, found.paths, found.check.select) == (None, (".",), ())


def test_paths_are_relative_to_the_settings_file(tmp_path: Path) -> None:
    found = settings(tmp_path, 'paths = ["processes", "shared"]\nexclude = ["drafts"]\n')
    assert found.paths == (str(tmp_path / "processes"), str(tmp_path / "shared"))
    assert (found.root, found.exclude) == (str(tmp_path), ("drafts",))


def test_extend_ignore_adds_to_ignore(tmp_path: Path) -> None:
    found = settings(tmp_path, '[check]\nignore = ["X"]\nextend-ignore = ["G001"]\n')
    assert found.check.ignore == ("X", "G001")


# --- what the file says -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('pahts = ["p"]\n', "unknown setting `pahts`; did you mean `paths`?", id="top"),
        pytest.param('[check]\nignroe = ["X"]\n', "unknown setting `check.ignroe`; did you mean `check.ignore`?",
                     id="check"),
        pytest.param(
            "[check]\nper_file_ignores = {}\n",
            "unknown setting `check.per_file_ignores`; did you mean `check.per-file-ignores`?",
            id="underscore",
        ),
        pytest.param("[fmt]\nline_length = 90\n", "unknown setting `fmt.line_length`; did you mean `fmt.line-length`?",
                     id="fmt"),
        pytest.param('[org.qa]\nname = "质量部"\nalias = ["QA"]\n',
                     "unknown setting `org.qa.alias`; did you mean `org.qa.aliases`?", id="org"),
        pytest.param("colour = true\n",
                     "unknown setting `colour`; allowed: check, exclude, fmt, org, paths, processes, render",
                     id="no-close-match"),
        pytest.param('[render]\npage_size = "A4"\n',
                     "unknown setting `render.page_size`; did you mean `render.page-size`?", id="render"),
    ],
)
def test_unknown_keys_are_errors_with_a_suggestion(tmp_path: Path, text: str, message: str) -> None:
    assert config_error(tmp_path, text) == f"{tmp_path / 'procdoc.toml'}: {message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("[check\n", "invalid TOML", id="toml"),
        pytest.param("check = 3\n", "[check] must be a table", id="check-not-a-table"),
        pytest.param('[check]\nselect = ["S", 1]\n', "`check.select` must be a list of strings", id="select"),
        pytest.param("paths = 3\n", "`paths` must be a list of strings", id="paths"),
        pytest.param('[check]\nseverity = "error"\n', "`check.severity` must be a table", id="severity"),
        pytest.param('[check.per-file-ignores]\n"*.yaml" = [1]\n',
                     "`check.per-file-ignores.*.yaml` must be a list of strings", id="per-file-ignores"),
        pytest.param('[check.options]\nX001 = 60\n', "`check.options.X001` must be a table", id="options"),
        pytest.param('[render]\npage-size = "Letter"\n', "`render.page-size` is 'Letter'; use one of: A4, A3",
                     id="page-size"),
        pytest.param('[render]\norientation = "sideways"\n',
                     "`render.orientation` is 'sideways'; use one of: auto, portrait, landscape", id="orientation"),
        pytest.param("[render]\ndocx-template = 3\n", "`render.docx-template` must be the path of a .docx file",
                     id="docx-template"),
    ],
)
def test_wrong_shapes_are_errors(tmp_path: Path, text: str, message: str) -> None:
    assert message in config_error(tmp_path, text)


def test_a_settings_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_bytes("[check]\nselect = ['流程']\n".encode("gb18030"))
    with pytest.raises(UserError, match="not UTF-8 text"):
        load_settings(str(tmp_path / "procdoc.toml"))


def test_a_missing_explicit_settings_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot read"):
        load_settings(str(tmp_path / "nowhere.toml"))


def test_strict_must_be_true_or_false(tmp_path: Path) -> None:
    assert "`check.strict` must be true or false" in config_error(tmp_path, '[check]\nstrict = "false"\n')


def test_today_must_be_a_date(tmp_path: Path) -> None:
    assert "`check.today` must be a date" in config_error(tmp_path, '[check]\ntoday = "tomorrow"\n')


def test_today_may_be_a_toml_date(tmp_path: Path) -> None:
    assert settings(tmp_path, "[check]\ntoday = 2026-11-25\n").check.today == "2026-11-25"


# --- the org catalogue --------------------------------------------------------------------------------------------


def test_org_catalogue(tmp_path: Path) -> None:
    found = settings(
        tmp_path,
        '[org.marketing]\nname = "营销部"\naliases = ["营销部门", "市场营销部"]\nen = "Marketing Dept"\n'
        '[org.customer]\nname = "客户"\nkind = "external"\n',
    )
    assert found.org == {
        "marketing": OrgUnit("marketing", "营销部", ("营销部门", "市场营销部"), "department", "Marketing Dept"),
        "customer": OrgUnit("customer", "客户", (), "external", None),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('[org.qa]\naliases = ["QA"]\n', '[org.qa] needs `name = "…"`', id="no-name"),
        pytest.param('[org.qa]\nname = " "\n', '[org.qa] needs `name = "…"`', id="blank-name"),
        pytest.param('[org.qa]\nname = "质量部"\nkind = "team"\n',
                     "org.qa.kind 'team' is not one of department, external, role, system", id="kind"),
        pytest.param('[org]\nqa = "质量部"\n', "[org.qa] must be a table", id="not-a-table"),
        pytest.param('[org.qa]\nname = "质量部"\naliases = "QA"\n', "", id="one-alias-is-fine"),
        pytest.param('[org.qa]\nname = "质量部"\naliases = [1]\n', "`org.qa.aliases` must be a list of strings",
                     id="aliases"),
    ],
)
def test_org_catalogue_errors(tmp_path: Path, text: str, message: str) -> None:
    if message:
        assert message in config_error(tmp_path, text)
    else:
        assert settings(tmp_path, text).org["qa"].aliases == ("QA",)


def test_process_catalogue(tmp_path: Path) -> None:
    found = settings(
        tmp_path,
        '[processes."MM-02"]\nname = "采购入库流程"\nen = "Purchase to stock"\nstatus = "planned"\n'
        'category = "business"\nlevel = "L3"\nparent = "MM"\n[processes.MM]\nname = "物料管理"\nlevel = "L2"\n',
    )
    assert found.processes == {
        "MM-02": CatalogueEntry("MM-02", "采购入库流程", "Purchase to stock", "planned", "business", "L3", "MM"),
        "MM": CatalogueEntry("MM", "物料管理", level="L2"),
    }
    assert found.processes["MM-02"].planned and not found.processes["MM"].planned


def test_no_catalogue_means_no_planned_processes(tmp_path: Path) -> None:
    assert settings(tmp_path, 'paths = ["."]\n').processes == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('[processes.MM]\nlevel = "L2"\n', '[processes."MM"] needs `name = "…"`', id="no-name"),
        pytest.param('[processes.MM]\nname = "物料管理"\nstatu = "planned"\n',
                     'unknown setting `processes."MM".statu`; did you mean `processes."MM".status`?', id="typo"),
        pytest.param('[processes.MM]\nname = "物料管理"\nstatus = "plannd"\n',
                     "processes.\"MM\".status 'plannd' is not one of planned, draft, in-review, approved, retired; "
                     "did you mean 'planned'?", id="status"),
        pytest.param('[processes.MM]\nname = "物料管理"\nlevel = "L5"\n', "level 'L5' is not one of L1, L2, L3, L4",
                     id="level"),
        pytest.param('[processes.MM]\nname = "物料管理"\ncategory = "core"\n',
                     "category 'core' is not one of strategic, business, support", id="category"),
        pytest.param('[processes.MM]\nname = 2\n', '`processes."MM".name` must be text', id="name-type"),
        pytest.param('[processes]\nMM = "物料管理"\n', '[processes."MM"] must be a table', id="not-a-table"),
        pytest.param('[process.MM]\nname = "物料管理"\n', "unknown setting `process`; did you mean `processes`?",
                     id="section-typo"),
    ],
)
def test_process_catalogue_errors(tmp_path: Path, text: str, message: str) -> None:
    assert message in config_error(tmp_path, text)


# --- naming rules -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "selector"),
    [
        pytest.param('[check]\nselect = ["S001", "S0001"]\n', "S0001", id="select"),
        pytest.param('[check]\nignore = ["structur"]\n', "structur", id="ignore"),
        pytest.param('[check]\nextend-select = ["Z"]\n', "Z", id="extend-select"),
        pytest.param('[check]\nextend-ignore = ["dead-ends"]\n', "dead-ends", id="extend-ignore"),
        pytest.param('[check.severity]\nQ001 = "warning"\n', "Q001", id="severity"),
        pytest.param('[check.per-file-ignores]\n"legacy/*.yaml" = ["P02"]\n', "P02", id="per-file-ignores"),
        pytest.param('[check.options.X099]\nmax-steps = 60\n', "X099", id="options"),
    ],
)
def test_unknown_rule_codes_are_errors_not_silence(tmp_path: Path, text: str, selector: str) -> None:
    with pytest.raises(UserError, match=f"unknown rule or selector '{selector}'"):
        selection(tmp_path, text)


def test_selection_by_settings(tmp_path: Path) -> None:
    chosen = selection(tmp_path, '[check]\nselect = ["structure", "P002"]\nignore = ["S01"]\nextend-select = ["M"]\n')
    structure = {code for code, rule in RULES.items() if rule.family == "structure" and not code.startswith("S01")}
    assert chosen.enabled == structure | {"P002", "M001", "M002"}


def test_no_select_means_every_rule(tmp_path: Path) -> None:
    assert selection(tmp_path, "").enabled == set(RULES)


def test_severity_by_code_family_or_name(tmp_path: Path) -> None:
    chosen = selection(tmp_path, '[check.severity]\nstructure = "warning"\nno-owner = "error"\nM001 = "info"\n')
    assert chosen.severity["S001"] is Severity.WARNING and chosen.severity["S015"] is Severity.WARNING
    assert (chosen.severity["P001"], chosen.severity["M001"]) == (Severity.ERROR, Severity.INFO)
    assert "P002" not in chosen.severity


def test_bad_severity(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"check\.severity\.S001: unknown severity 'fatal'"):
        selection(tmp_path, '[check.severity]\nS001 = "fatal"\n')


def test_per_file_ignores_match_the_path_or_the_file_name(tmp_path: Path) -> None:
    chosen = selection(tmp_path, '[check.per-file-ignores]\n"legacy/*.yaml" = ["P", "T001"]\n"draft-*.yaml" = ["G"]\n')
    people = {code for code in RULES if code.startswith("P")}
    assert chosen.active_for("legacy/old.yaml") == set(RULES) - people - {"T001"}
    assert chosen.active_for("quality/draft-7.yaml") == {c for c in RULES if not c.startswith("G")}
    assert chosen.active_for("quality/old.yaml") == set(RULES)


def test_options_by_code_or_name_override_the_defaults(tmp_path: Path) -> None:
    text = '[check.options.X001]\nmax-steps = 80\n[check.options.vague-party]\nvague-names = ["待定"]\n'
    chosen = selection(tmp_path, text)
    assert chosen.options["X001"] == {"max-steps": 80}
    assert chosen.options["P003"] == {"vague-names": ["待定"]}
    assert chosen.options["X002"] == dict(RULES["X002"].options)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '[check.options.X001]\nmax-steps = "80"\n', "check.options.X001.max-steps must be of type int",
            id="text-for-a-number",
        ),
        pytest.param(
            '[check.options.P003]\nvague-names = "TBD"\n', "check.options.P003.vague-names must be of type list",
            id="text-for-a-list",
        ),
        pytest.param(
            "[check.options.X001]\nmax-step = 80\n",
            "check.options.X001: rule X001 has no option 'max-step' (options: max-steps)",
            id="unknown-option",
        ),
        pytest.param(
            "[check.options.S001]\nmax = 1\n", "rule S001 has no option 'max' (options: none)", id="no-options"
        ),
        pytest.param("[check.options.X]\nmax-steps = 80\n", "check.options.X: name one rule", id="several-rules"),
    ],
)
def test_bad_options_are_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        selection(tmp_path, text)
    assert message in str(caught.value)


def test_a_boolean_is_not_a_number(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="max-steps must be of type int"):
        selection(tmp_path, "[check.options.X001]\nmax-steps = true\n")


def test_render_settings_are_read_with_the_template_relative_to_the_file(tmp_path: Path) -> None:
    text = '[render]\npage-size = "a3"\norientation = "landscape"\ndocx-template = "word/company.docx"\n'
    (tmp_path / "procdoc.toml").write_text(text, encoding="utf-8")
    settings = load_settings(None, str(tmp_path))
    assert settings.render == RenderConfig("A3", "landscape", str(tmp_path / "word" / "company.docx"))


def test_render_settings_default_to_a4_auto_and_no_template(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text("[render]\n", encoding="utf-8")
    assert load_settings(None, str(tmp_path)).render == RenderConfig("A4", "auto", None)
@pytest.mark.parametrize("value", ["20", "true", '"wide"', "80.5"])
def test_fmt_line_length_must_be_a_sensible_number(tmp_path: Path, value: str) -> None:
    (tmp_path / "procdoc.toml").write_text(f"[fmt]\nline-length = {value}\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"`fmt\.line-length` must be a whole number of at least 40"):
        load_settings(str(tmp_path / "procdoc.toml"))


def test_fmt_line_length_is_read(tmp_path: Path) -> None:
    (tmp_path / "procdoc.toml").write_text("[fmt]\nline-length = 100\n", encoding="utf-8")
    assert load_settings(str(tmp_path / "procdoc.toml")).fmt.line_length == 100
