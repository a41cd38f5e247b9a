// Exits with status 1, saying why, if stdin does not parse as a classic script: one that a worker
// started without {type: "module"} can run (no import.meta, no import or export statements).
//
//   node tools/check-classic-script.mjs NAME < script
import fs from "node:fs";
import vm from "node:vm";

const name = process.argv[2] ?? "stdin";
try {
  new vm.Script(fs.readFileSync(0, "utf8"), { filename: name });
} catch (error) {
  console.error(`${name} is not a classic script: ${error.message}`);
  process.exit(1);
}
