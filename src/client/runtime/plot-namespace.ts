/**
 * The namespace `import * as Plot from "@observablehq/plot"` gives a cell in
 * the browser: the bundled members (plot.ts), and for a member of Plot that
 * is not bundled, an error that names it and says how to run it (Jupyter has
 * the whole of Plot). Names that are not Plot's read as `undefined`, as on a
 * real module namespace.
 */
import * as bundled from "./plot";
import type { ModuleNamespace } from "./modules";

/** Every export of @observablehq/plot 0.6 (a test keeps this equal to the installed package's). */
export const PLOT_EXPORTS: readonly string[] = [
  "Area", "Arrow", "BarX", "BarY", "Cell", "Contour", "Density", "Dot", "Frame", "Geo", "Hexgrid", "Image", "Line", "Link", "Mark", "Raster", "Rect", "RuleX", "RuleY", "Text", "TickX", "TickY", "Tip", "Vector", "WaffleX", "WaffleY",
  "area", "areaX", "areaY", "arrow", "auto", "autoSpec", "axisFx", "axisFy", "axisX", "axisY", "barX", "barY", "bin", "binX", "binY", "bollinger", "bollingerX", "bollingerY", "boxX", "boxY",
  "cell", "cellX", "cellY", "centroid", "circle", "cluster", "column", "contour", "crosshair", "crosshairX", "crosshairY", "delaunayLink", "delaunayMesh", "density", "differenceX", "differenceY",
  "dodgeX", "dodgeY", "dot", "dotX", "dotY", "filter", "find", "formatIsoDate", "formatMonth", "formatNumber", "formatWeekday", "frame", "geo", "geoCentroid", "graticule", "gridFx", "gridFy",
  "gridX", "gridY", "group", "groupX", "groupY", "groupZ", "hexagon", "hexbin", "hexgrid", "hull", "identity", "image", "indexOf", "initializer", "interpolateNearest", "interpolateNone",
  "interpolatorBarycentric", "interpolatorRandomWalk", "legend", "line", "lineX", "lineY", "linearRegressionX", "linearRegressionY", "link", "map", "mapX", "mapY", "marks", "normalize",
  "normalizeX", "normalizeY", "numberInterval", "plot", "pointer", "pointerX", "pointerY", "raster", "rect", "rectX", "rectY", "reverse", "ruleX", "ruleY", "scale", "select", "selectFirst",
  "selectLast", "selectMaxX", "selectMaxY", "selectMinX", "selectMinY", "shiftX", "shiftY", "shuffle", "sort", "sphere", "spike", "stackX", "stackX1", "stackX2", "stackY", "stackY1", "stackY2",
  "text", "textX", "textY", "tickX", "tickY", "timeInterval", "tip", "transform", "tree", "treeLink", "treeNode", "utcInterval", "valueof", "vector", "vectorX", "vectorY", "voronoi",
  "voronoiMesh", "waffleX", "waffleY", "window", "windowX", "windowY",
];

const ALL = new Set(PLOT_EXPORTS);

/** The reader's message for a Plot member the browser does not bundle. */
export function notBundledMessage(name: string): string {
  return `Plot.${name} is part of Observable Plot but not of the smaller Plot this page loads in your browser (it bundles the common marks and transforms: ${Object.keys(bundled).sort().join(", ")}); download the notebook (.ipynb) and run this cell in Jupyter, which has all of Plot`;
}

export function plotNamespace(): ModuleNamespace {
  return new Proxy(bundled as unknown as ModuleNamespace, {
    get(target, name, receiver) {
      if (typeof name === "string" && !(name in target) && ALL.has(name)) throw new ReferenceError(notBundledMessage(name));
      return Reflect.get(target, name, receiver);
    },
  });
}
