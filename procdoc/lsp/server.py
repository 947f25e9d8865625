"""The language server: the protocol's requests, answered from `project` and `navigation`.

Diagnostics follow every change after a short pause (typing a word sends a
change per key; only the last one is linted). Everything else reads the
findings last published and the buffer's model, loaded when first asked
for after a change.
"""

from __future__ import annotations

import asyncio
import os
import re

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from procdoc import __version__, loader
from procdoc.checks.registry import all_rules, find
from procdoc.checks.ruledocs import explain
from procdoc.checks.summary import ProcessSummary
from procdoc.diagnostics import Diagnostic, Severity
from procdoc.errors import UserError
from procdoc.lsp import navigation
from procdoc.lsp.positions import Lines
from procdoc.lsp.project import Projects
from procdoc.model import Process
from procdoc.report.formats import doc_url

#: how long the buffer must be left alone before it is linted (seconds)
DEBOUNCE = 0.05
#: a scalar as written: quoted, or plain up to a comment, a flow collection's separator or the line's end
_VALUE = re.compile(r"\"[^\"]*\"?|'[^']*'?|[^,\]}]+?(?=\s+#|\s*[,\]}]|\s*$)")
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class ProcdocServer(LanguageServer):
    """A pygls server that remembers, per open document, its findings and its last model that loaded."""

    def __init__(self) -> None:
        super().__init__("procdoc", __version__)
        self.projects = Projects()
        self.findings: dict[str, list[Diagnostic]] = {}
        self.versions: dict[str, int | None] = {}  # the document version the findings are of
        self.models: dict[str, tuple[int | None, Process | None]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.shut_down = False

    def document(self, uri: str) -> tuple[TextDocument, str]:
        doc = self.workspace.get_text_document(uri)
        return doc, loader.display_path(doc.path)

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client (UTF-16 unless it offered another)."""
        return str(self.workspace.position_encoding or "utf-16")

    def lines(self, doc: TextDocument) -> Lines:
        """The document's lines, measured in the position encoding agreed with the client."""
        return Lines.of(doc.lines, self.encoding)

    def publish(self, uri: str) -> bool:
        """Lint the buffer of `uri` as `procdoc check` would, and send what was found.

        True when the cross-file findings had to be computed again: the
        other open files' findings may have changed with this one.
        """
        doc, path = self.document(uri)
        changed = False
        try:
            project = self.projects.of(path)
            before = project.store.cross
            found = project.lint(path, doc.source, self.buffers(uri))
            changed = project.store.cross is not before
        except (UserError, OSError) as err:
            hint = getattr(err, "hint", "")
            found = [Diagnostic(path, 0, 0, "", Severity.ERROR, str(err), hint)]
        self.findings[uri], self.versions[uri] = found, doc.version
        lines = self.lines(doc)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri, [lsp_diagnostic(d, lines) for d in found], doc.version))
        return changed

    def buffers(self, except_uri: str) -> dict[str, str]:
        """The other open documents' texts by path: they replace their files for cross-file rules."""
        docs = self.workspace.text_documents
        return {loader.display_path(d.path): d.source for u, d in docs.items() if u != except_uri}

    def later(self, uri: str) -> None:
        """Publish `uri`'s diagnostics once the changes stop for `DEBOUNCE` seconds."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._after_pause(uri))

    async def _after_pause(self, uri: str) -> None:
        await asyncio.sleep(DEBOUNCE)
        self.pending.pop(uri, None)
        documents = self.workspace.text_documents
        if uri in documents and self.publish(uri):
            for other in [u for u in documents if u != uri]:
                self.publish(other)

    def model(self, uri: str, line: int) -> Process | None:
        """The buffer's process, for navigating from 0-based `line`.

        Mid-typing the text often does not load; then the text without the
        line being typed, the last version that loaded, or the saved file will.
        """
        doc, path = self.document(uri)
        version, process = self.models.get(uri, (None, None))
        if version == doc.version and process is not None:
            return process
        lines = doc.source.splitlines(keepends=True)
        without = "".join([*lines[:line], "\n", *lines[line + 1:]])
        for text in (doc.source, without):
            loaded = loader.load_text(text, path).process
            if loaded is not None:
                self.models[uri] = (doc.version, loaded)
                return loaded
        return process or loader.load_file(path).process

    def processes(self, uri: str) -> dict[str, ProcessSummary]:
        """The repository's processes by id; none while its settings cannot be read (the findings say why)."""
        try:
            return self.projects.of(self.document(uri)[1]).summaries()
        except (UserError, OSError):
            return {}


def lsp_diagnostic(found: Diagnostic, lines: Lines) -> types.Diagnostic:
    """A procdoc diagnostic in the protocol's terms, its rule code linking to the rule's documentation."""
    rule = find(found.code) if found.code else None
    message = f"{found.message}\n{found.hint}" if found.hint else found.message
    return types.Diagnostic(
        range=diagnostic_range(found, lines),
        message=message,
        severity=SEVERITIES[found.severity],
        code=found.code or None,
        code_description=types.CodeDescription(href=doc_url(rule)) if rule is not None else None,
        source="procdoc",
    )


def diagnostic_range(found: Diagnostic, lines: Lines) -> types.Range:
    """Where the finding points; without an end, the value that starts there (up to a comment or a flow's `,`)."""
    start = lines.to_lsp(found.line, found.column)
    if found.end_line:
        end = lines.to_lsp(found.end_line, found.end_column)
    elif found.line:
        value = _VALUE.match(lines.line(found.line - 1), max(found.column - 1, 0))
        end = lines.to_lsp(found.line, found.column + max(len(value.group()) if value else 0, 1))
    else:
        end = start
    return types.Range(types.Position(*start), types.Position(*end))


def _contains(span: types.Range, position: types.Position) -> bool:
    start, end = span.start, span.end
    after_start = (position.line, position.character) >= (start.line, start.character)
    before_end = (position.line, position.character) <= (end.line, end.character)
    return after_start and before_end


def create_server() -> ProcdocServer:
    """The server with every feature registered (a function, so that tests and `procdoc lsp` get a fresh one)."""
    server = ProcdocServer()

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ProcdocServer, params: None) -> None:
        ls.shut_down = True

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ProcdocServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ProcdocServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ProcdocServer, params: types.DidSaveTextDocumentParams) -> None:
        _, path = ls.document(params.text_document.uri)
        ls.projects.of(path).rescan()
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ProcdocServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.findings.pop(uri, None)
        ls.versions.pop(uri, None)
        ls.models.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ProcdocServer, params: types.DefinitionParams) -> types.Location | None:
        found = _target(ls, params.text_document.uri, params.position)
        return found[1] if found is not None else None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ProcdocServer, params: types.HoverParams) -> types.Hover | None:
        return _hover(ls, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[" ", ":", "[", ","]))
    def completion(ls: ProcdocServer, params: types.CompletionParams) -> types.CompletionList | None:
        return _completion(ls, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: ProcdocServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return _quick_fixes(ls, params.text_document.uri, params.range)

    return server


def _quick_fixes(ls: ProcdocServer, uri: str, span: types.Range) -> list[types.CodeAction]:
    """A code action for each finding in `span` whose rule can fix it here, the safe ones preferred."""
    from procdoc.lsp.fixes import fixable, quick_fix  # the round-trip YAML reader: only when asked

    doc, path = ls.document(uri)
    if ls.versions.get(uri) != doc.version:
        ls.publish(uri)  # the findings must be those of the text the edits apply to
    try:
        org = ls.projects.of(path).settings.org
    except (UserError, OSError):
        return []
    lines, rules, actions = ls.lines(doc), all_rules(), []
    for found in ls.findings.get(uri, []):
        shown = diagnostic_range(found, lines)
        if not fixable(found, rules) or not _overlaps(shown, span):
            continue
        edit = quick_fix(path, doc.source, found, rules, org)
        if edit is None:
            continue
        change = types.TextEdit(types.Range(types.Position(edit.start, 0), types.Position(edit.end, 0)), edit.text)
        title = f"Fix {found.code}: {found.message}" + ("" if edit.safe else " (changes what the process says)")
        actions.append(types.CodeAction(
            title, kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diagnostic(found, lines)],
            edit=types.WorkspaceEdit(changes={uri: [change]}), is_preferred=edit.safe))
    return actions


def _overlaps(shown: types.Range, span: types.Range) -> bool:
    """Whether the lines of a finding and of the editor's selection (or cursor) meet."""
    return shown.start.line <= span.end.line and span.start.line <= shown.end.line


def _reference(ls: ProcdocServer, uri: str, position: types.Position) -> navigation.Reference | None:
    doc, _ = ls.document(uri)
    if not loader.is_process_text(doc.source):
        return None  # an editor may send every YAML file; only process files have references
    lines = ls.lines(doc)
    return navigation.reference_at(list(lines.text), position.line, lines.index(position.line, position.character))


def _target(ls: ProcdocServer, uri: str, position: types.Position
            ) -> tuple[navigation.Target, types.Location] | None:
    ref = _reference(ls, uri, position)
    if ref is None or not ref.word:
        return None
    _, path = ls.document(uri)
    found = navigation.target(ref, path, ls.model(uri, position.line), ls.processes(uri))
    if found is None:
        return None
    target_uri = uri if found.path == path else _file_uri(found.path)
    lines = _lines_of(ls, target_uri, found.path)
    line, column = found.pos
    column += lines.line(line - 1)[column - 1:column] in ("\"", "'")  # the id, not its opening quote
    start, end = lines.to_lsp(line, column), lines.to_lsp(line, column + found.length)
    return found, types.Location(target_uri, types.Range(types.Position(*start), types.Position(*end)))


def _file_uri(path: str) -> str:
    from pygls.uris import from_fs_path

    return from_fs_path(os.path.abspath(path)) or path


def _lines_of(ls: ProcdocServer, uri: str, path: str) -> Lines:
    """The lines of an open document, or of the file on disk."""
    if uri in ls.workspace.text_documents:
        return ls.lines(ls.workspace.get_text_document(uri))
    text = loader.read_file(path)[0] or ""
    return Lines.of(text.splitlines(), ls.encoding)


def _hover(ls: ProcdocServer, uri: str, position: types.Position) -> types.Hover | None:
    """The named object's description on a reference, and each finding's rule documentation under the cursor."""
    doc, _ = ls.document(uri)
    parts = []
    named = _target(ls, uri, position)
    if named is not None:
        parts.append(f"**{named[0].description}**")
    for found in ls.findings.get(uri, []):
        if found.code and _contains(diagnostic_range(found, ls.lines(doc)), position):
            parts.append(explain(found.code) or f"{found.code}: {found.message}")
    if not parts:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)))


def _completion(ls: ProcdocServer, uri: str, position: types.Position) -> types.CompletionList | None:
    """The ids that may be written where the cursor is, with their names."""
    ref = _reference(ls, uri, position)
    if ref is None:
        return None
    lines = ls.lines(ls.document(uri)[0])
    text = lines.line(position.line)
    span = types.Range(types.Position(*lines.to_lsp(position.line + 1, ref.start + 1)),
                       types.Position(*lines.to_lsp(position.line + 1, ref.end + 1)))
    items = [
        types.CompletionItem(label=ident, detail=name, kind=types.CompletionItemKind.Reference,
                             text_edit=types.TextEdit(span, _quoted(ident, text)))
        for ident, name in navigation.candidates(ref.kind, ls.model(uri, position.line), ls.processes(uri))
    ]
    return types.CompletionList(is_incomplete=False, items=items)


def _quoted(ident: str, line: str) -> str:
    """Ids YAML would read as numbers (step "1.2") are written quoted, unless the line already quotes."""
    try:
        float(ident)
    except ValueError:
        return ident
    return ident if '"' in line or "'" in line else f'"{ident}"'


def serve() -> int:
    """Answer an editor over standard input and output until it says `exit`; the exit code.

    The protocol gets its own copies of the two streams, and standard output
    becomes standard error: a stray print cannot corrupt a message, and the
    server closing its stream at `exit` leaves the command's own intact.
    """
    wire_in, wire_out = os.fdopen(os.dup(0), "rb"), os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    server = create_server()
    server.start_io(wire_in, wire_out)
    return 0 if server.shut_down else 1  # the protocol's rule: `exit` without `shutdown` first is a failure
