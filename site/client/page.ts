/**
 * The script every page loads (deferred, as a module): the theme toggle, the
 * search box, unfolding for print, copy buttons, and the live islands' custom element. It stays small; search and
 * island code load on first interaction.
 */
import { initCopyButtons } from "./copy-button";
import { initLiveCells } from "./live-trigger";
import { initPrinting } from "./print";
import { initSearchBox } from "./search-box";
import { initThemeToggle } from "./theme";

initThemeToggle();
initSearchBox();
initPrinting();
initLiveCells();
initCopyButtons();

// The <hmf-island> element (src/client) upgrades notebook outputs into live
// recalculation islands. Imported through a glob so the site also builds
// before that part exists (the static fallbacks are complete on their own).
import.meta.glob("../../src/client/index.ts", { eager: true });
