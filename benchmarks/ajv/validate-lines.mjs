// ajv as a JavaScript team would use it on a JSON Lines dataset: stream the file line by line, JSON.parse each line
// and check it against the ConflictModel schema's own entry for its `type` (#/$defs/<type>Line; the header against
// #/$defs/datasetLine), with formats, all errors collected.
// Usage: node validate-lines.mjs <schema.json> <file.jsonl>
// Prints one JSON object: {"lines":N,"invalid":N,"invalidLines":[first 1000 line numbers],"errors":N}; exits 1 if any line is invalid.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fs from "fs";
import readline from "readline";

const [schemaPath, file] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
ajv.addSchema(schema);
const byType = new Map();
for (const type of ["dataset", "source", "actor", "event", "casualtyEstimate", "attribution", "claim", "ceasefire", "mediation", "agreement"]) {
  byType.set(type, ajv.getSchema(`${schema.$id}#/$defs/${type}Line`));
}

let lines = 0, invalid = 0, errors = 0;
const invalidLines = [];
const input = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
for await (const text of input) {
  lines++;
  if (!text.trim()) continue;
  let ok = false;
  try {
    const value = JSON.parse(text);
    const check = value && typeof value === "object" ? byType.get(value.type) : undefined;
    if (check) {
      ok = check(value);
      if (!ok) errors += check.errors.length;
    } else {
      errors++;
    }
  } catch {
    errors++;
  }
  if (!ok) {
    invalid++;
    if (invalidLines.length < 1000) invalidLines.push(lines);
  }
}
console.log(JSON.stringify({ lines, invalid, invalidLines, errors }));
process.exit(invalid ? 1 : 0);
