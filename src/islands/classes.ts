/**
 * The class names by which the browser client finds an island's two regions
 * (see frame.ts): plain strings in a module of their own, so the client's
 * first script can use them without any island code.
 */

/** Class of the controls fieldset. */
export const CONTROLS_CLASS = "hmf-island-controls";
/** Class of the output region. */
export const OUTPUT_CLASS = "hmf-island-output";
