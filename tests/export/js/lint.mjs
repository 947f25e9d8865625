// Lints BPMN files with bpmnlint's `recommended` rules, less three style rules,
// as the export tests run it: `node lint.mjs FILE...` prints one JSON object,
// file name → [{rule, id, message}], and exits 0 (findings are the test's business).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { BpmnModdle } from "bpmn-moddle";

const require = createRequire(import.meta.url);
const { Linter } = require("bpmnlint");
const NodeResolver = require("bpmnlint/lib/resolver/node-resolver");

const config = {
  extends: "bpmnlint:recommended",
  rules: { "fake-join": "off", "no-gateway-join-fork": "off", "label-required": "off" },
};

const found = {};
for (const file of process.argv.slice(2)) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(await readFile(file, "utf8"));
  const reports = warnings.map((w) => ({ rule: "import", id: "", message: w.message }));
  const linter = new Linter({ config, resolver: new NodeResolver({ require }) }); // rules keep state: one per file
  for (const [rule, items] of Object.entries(await linter.lint(rootElement))) {
    reports.push(...items.map((item) => ({ rule, id: item.id ?? "", message: item.message })));
  }
  found[file] = reports;
}
console.log(JSON.stringify(found, null, 1));
