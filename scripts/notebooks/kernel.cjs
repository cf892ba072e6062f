// The project kernel's entry point (kernel.json runs it with the project's pinned Node).
// Jupyter starts a kernel in the notebook's folder, but tslab compiles and resolves
// imports relative to its working directory, so cells could not import "./src/…".
// Moving to the repository root first makes the same imports work in every notebook.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error("kernel.cjs: missing the connection file argument (Jupyter passes {connection_file})");
  process.exit(2);
}
process.chdir(root);
// tslab publishes a status message after each request; when Jupyter shuts the
// kernel down at that moment, zeromq rejects the send with EBUSY ("Socket is
// blocked by a bind or unbind operation"). It is harmless, but unhandled it
// prints a stack trace on the kernel's stderr, which the runner's caller sees.
// Any other unhandled rejection still ends the kernel, as Node would.
process.on("unhandledRejection", (reason) => {
  if (reason && reason.code === "EBUSY" && /Socket is blocked by a bind or unbind operation/.test(String(reason.message))) return;
  throw reason;
});
// enableFindLocal: false because this already is the repository's own tslab.
require(path.join(root, "node_modules", "tslab", "dist", "main.js")).startKernel({
  configPath: connectionFile,
  enableFindLocal: false,
});
