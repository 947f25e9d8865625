"""The VS Code extension: a valid manifest that starts `procdoc lsp`, and JavaScript that parses."""

import json
import shutil
import subprocess

import pytest

from tests.lsp.client import ROOT

EXTENSION = ROOT / "editors" / "vscode"


def manifest() -> dict:  # type: ignore[type-arg]
    return json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


def test_the_manifest_names_the_server_command_and_its_entry_point() -> None:
    package = manifest()
    settings = package["contributes"]["configuration"]["properties"]
    assert settings["procdoc.server.command"]["default"] == ["procdoc", "lsp"]
    assert settings["procdoc.files"]["default"] == ""
    assert package["activationEvents"] == ["onLanguage:yaml"]
    assert (EXTENSION / package["main"]).is_file()
    assert "vscode-languageclient" in package["dependencies"] and "@vscode/vsce" in package["devDependencies"]
    assert package["engines"]["vscode"].startswith("^1.")


def test_the_lock_file_pins_what_the_manifest_asks_for() -> None:
    lock = json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"][""]
    assert (pinned["dependencies"], pinned["devDependencies"]) == (manifest()["dependencies"],
                                                                    manifest()["devDependencies"])


def test_the_extension_reads_the_settings_it_declares_and_parses() -> None:
    source = (EXTENSION / "extension.js").read_text(encoding="utf-8")
    assert 'getConfiguration("procdoc")' in source
    assert 'config.get("server.command"' in source and 'config.get("files"' in source
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (make setup installs it)")
    done = subprocess.run([node, "--check", str(EXTENSION / "extension.js")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_node_modules_and_packages_are_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/editors/vscode/node_modules/" in ignored and "/editors/vscode/*.vsix" in ignored
