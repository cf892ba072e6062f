import { escapeUnsafe } from "../core/errors";

/**
 * One line of terminal text from anything a user controls (a model name from
 * config.json, a file path, an unknown key, an error message that quotes
 * them): line breaks, ESC, CR and the other control and invisible characters
 * are shown as \uXXXX escapes, so the text can neither start a new line nor
 * drive the terminal.
 */
export function oneLine(text: string): string {
  return escapeUnsafe(text);
}

/**
 * The last guard before stdout and stderr: every line made safe as by
 * `oneLine`, the line breaks between them kept. JSON output stays valid: its
 * strings already escape C0 characters, and the \uXXXX escapes added for the
 * others are JSON's own.
 */
export function terminalLines(text: string): string {
  return text.split("\n").map(escapeUnsafe).join("\n");
}
