/** ANSI colour and cursor sequences, which tslab and Node put into plain-text output and tracebacks. */
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** The first non-empty line, shortened, for messages. */
export function firstLine(text: string, max = 160): string {
  const line = stripAnsi(text).split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
