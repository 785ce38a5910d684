// Validates JSON documents against a JSON Schema (draft 2020-12) with ajv, all errors collected.
// Usage: node validate-schema.mjs <schema.json> <file>...
// Prints one JSON line per file, {"file":…, "valid":true|false, "errors":[…]}, and exits 1 if any file is invalid,
// so that a test counts every error from the machine-readable output instead of reading text.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fs from "fs";

const [schemaPath, ...files] = process.argv.slice(2);
// strict: "log" keeps ajv's strict checks but as warnings on stderr: the SARIF schema, which we do not own, uses
// keywords (such as "deprecated") that strict mode would refuse to compile.
const ajv = new Ajv2020({ strict: "log", allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let invalid = 0;
for (const file of files) {
  let errors = [];
  try {
    if (!validate(JSON.parse(fs.readFileSync(file, "utf8")))) errors = validate.errors;
  } catch (e) {
    errors = [{ parse: String(e) }];
  }
  if (errors.length) invalid++;
  console.log(JSON.stringify({ file, valid: errors.length === 0, errors }));
}
process.exit(invalid ? 1 : 0);
