// The procdoc extension: starts `procdoc lsp` once a process file is opened, and lets it do the rest.
// Process files are YAML files with a top-level `procdoc:` key, or those the `procdoc.files` glob names.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

const MARKER = /^procdoc\s*:/m;
let client;

function settings() {
  const config = vscode.workspace.getConfiguration("procdoc");
  return { command: config.get("server.command", ["procdoc", "lsp"]), files: config.get("files", "") };
}

function isProcessFile(document, files) {
  if (document.languageId !== "yaml" || document.uri.scheme !== "file") {
    return false;
  }
  if (files) {
    return vscode.languages.match({ language: "yaml", scheme: "file", pattern: files }, document) > 0;
  }
  return MARKER.test(document.getText());
}

function workspaceFolder() {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length ? folders[0].uri.fsPath : undefined;
}

function start() {
  const { command, files } = settings();
  const folder = workspaceFolder();
  const expand = (part) => (folder ? part.replace("${workspaceFolder}", folder) : part);
  const [program, ...args] = command.map(expand);
  const server = { command: program, args, transport: TransportKind.stdio, options: { cwd: folder } };
  const selector = [{ language: "yaml", scheme: "file", ...(files ? { pattern: files } : {}) }];
  client = new LanguageClient("procdoc", "procdoc", server, { documentSelector: selector });
  client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `procdoc: could not start \`${command.join(" ")}\` (${error.message}). ` +
        "Install procdoc, or set procdoc.server.command to its path."
    );
  });
}

function startFor(document) {
  if (!client && isProcessFile(document, settings().files)) {
    start();
  }
}

function activate(context) {
  vscode.workspace.textDocuments.forEach(startFor);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startFor));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (client && event.affectsConfiguration("procdoc")) {
        await client.stop();
        client = undefined;
        vscode.workspace.textDocuments.forEach(startFor);
      }
    })
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
