/**
 * Display helpers for the tslab notebooks. Each `show…` call sends one rich
 * output to the running cell; each is a thin wrapper over a pure `…Bundle`
 * function that returns the MIME bundle (what the tests snapshot).
 *
 *   import { showTable, showPlot, notebookDocument } from "./src/notebook/index"
 */
export * from "./bundle";
export * from "./document";
export * from "./plot";
export * from "./table";
export * from "./formula";
export * from "./island";
export * from "./markdown";
export * from "./display";
export * from "./show";
export * from "./show-island";
export * from "./your-model";
