/**
 * Notebook 7's inputs: a preset id or a pasted config.json, chosen
 * explicitly (a pasted config wins), with problems reported in the reader's
 * words and positions instead of a stack trace from compiled files.
 */
import { ModelError } from "../core/errors";
import { importHfConfig, type ImportedModel } from "../core/hf/import";
import { presetById, PRESETS } from "../core/presets";

/** What the reader typed in the "Your inputs" cell. */
export interface ModelChoice {
  /** A preset id; used when `pastedConfig` is empty. */
  presetId: string;
  /** A Hugging Face config.json; when it holds anything but blanks it wins over `presetId`. */
  pastedConfig: string;
}

/** The model a choice names, and in words which one it is. */
export interface ChosenModel extends ImportedModel {
  /** "the pasted config.json" or "the preset qwen3-8b". */
  source: string;
  /** The preset's id when the model is a preset. */
  presetId?: string;
}

/**
 * A problem with the reader's inputs. Shown by tslab as its message and one
 * "at" line that says where to look in the cell, without a stack.
 */
export class InputError extends Error {
  constructor(message: string, where: string) {
    super(message);
    Object.defineProperty(this, "name", { value: "InputError", enumerable: false });
    this.stack = `InputError: ${message}\n    at ${where}`;
  }
}

/** The model the reader chose: the pasted config when there is one, else the preset. Prints which it used. */
export function chooseModel(choice: ModelChoice, log: (line: string) => void = console.log): ChosenModel {
  const pasted = choice.pastedConfig.trim() !== "";
  const chosen = pasted ? fromConfig(choice.pastedConfig) : fromPreset(choice.presetId);
  const ignored = pasted && choice.presetId.trim() !== "" ? ` (presetId ${JSON.stringify(choice.presetId)} is not used while a config is pasted)` : "";
  log(`Using ${chosen.source}: ${chosen.spec.name}${ignored}.`);
  return chosen;
}

function fromPreset(id: string): ChosenModel {
  if (id.trim() === "") throw new InputError("presetId is empty and no config.json is pasted: name a preset or paste a config", "the cell “Your inputs”, const presetId");
  if (!PRESETS.some((preset) => preset.id === id)) {
    throw new InputError(`presetId ${JSON.stringify(id.slice(0, 60))} is not a preset; the presets are ${PRESETS.map((preset) => preset.id).join(", ")}`, "the cell “Your inputs”, const presetId");
  }
  return { spec: presetById(id).spec, assumptions: [], unrecognized: [], source: `the preset ${id}`, presetId: id };
}

function fromConfig(text: string): ChosenModel {
  try {
    return { ...importHfConfig(text), source: "the pasted config.json" };
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    // The importer counts lines inside the pasted text; say which line that is, as the reader sees it.
    const position = /line (\d+) column (\d+)/.exec(error.message);
    const message = `the pasted config.json: ${error.message.replace(/^config: /, "")}`;
    if (position === null) return rethrow(message, error.field);
    const lines = text.split("\n");
    const lineNumber = Number(position[1]);
    const line = lines[lineNumber - 1] ?? "";
    throw new InputError(message, `line ${lineNumber} of the pasted config, column ${position[2]}: ${line.trim().slice(0, 80)}`);
  }
}

function rethrow(message: string, field: string): never {
  throw new InputError(message, field === "config" ? "the pasted config.json" : `the pasted config.json, key ${JSON.stringify(field)}`);
}

/** Props of the your-model island for the chosen model at `context`: the preset by id, a pasted config as its description. */
export function yourModelIslandProps(chosen: ChosenModel, context: number): { model: string; S: number } | { spec: ChosenModel["spec"]; notes: string[]; S: number } {
  if (chosen.presetId !== undefined) return { model: chosen.presetId, S: context };
  const listed = chosen.unrecognized.slice(0, 40).map((key) => key.slice(0, 40));
  const more = chosen.unrecognized.length > listed.length ? `, and ${chosen.unrecognized.length - listed.length} more` : "";
  const unknown = listed.length > 0 ? [`Keys not used by the count: ${listed.join(", ")}${more}`] : [];
  return { spec: chosen.spec, notes: [...chosen.assumptions, ...unknown], S: context };
}
