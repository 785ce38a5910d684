// Validates datasets against the ConflictModel JSON Schema with ajv in strict mode (draft 2020-12).
// Usage: node validate-json.mjs <schema.json> <file>...   (.jsonl files are checked line by line against #/$defs/jsonLine)
// Prints one line per file, "VALID <file>" or "INVALID <file> <errors as JSON>"; exits 1 if any file is invalid.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fs from "fs";

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
const document = ajv.compile(schema);
const line = ajv.getSchema(schema.$id + "#/$defs/jsonLine");
let invalid = 0;
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  const errors = [];
  try {
    if (file.endsWith(".jsonl")) {
      text.split("\n").forEach((content, index) => {
        if (content.trim() && !line(JSON.parse(content))) errors.push({ line: index + 1, errors: line.errors });
      });
    } else if (!document(JSON.parse(text))) {
      errors.push(...document.errors);
    }
  } catch (e) {
    errors.push({ parse: String(e) });
  }
  if (errors.length) { invalid++; console.log(`INVALID ${file} ${JSON.stringify(errors)}`); } else { console.log(`VALID ${file}`); }
}
process.exit(invalid ? 1 : 0);
