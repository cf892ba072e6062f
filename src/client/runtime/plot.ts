/**
 * Observable Plot as cells see it in the browser: the members below, not the
 * whole namespace. The whole namespace is ~130 KB gz; these ~60 members were
 * ~97 KB gz, and the notebooks' own (plot, line, dot, barY, ruleX, ruleY,
 * text) alone ~87 KB gz, both before d3-geo left the worker (worker-geo.ts,
 * about 9 KB gz less): geo, raster, contour, density, hexbin, waffle, tree,
 * Delaunay and the like stay out. The marks, transforms and interactions a
 * reader is likely to try stay in. A member left out is named in a message
 * when a cell uses it (see plot-namespace.ts), never a silent `undefined`.
 */
export {
  plot, legend, scale, marks, valueof, identity, indexOf, transform, initializer, formatNumber,
  area, areaX, areaY, arrow, barX, barY, cell, cellX, cellY, dot, dotX, dotY, circle, frame, line, lineX, lineY, link, rect, rectX, rectY,
  ruleX, ruleY, text, textX, textY, tickX, tickY, tip, axisX, axisY, gridX, gridY, crosshair, crosshairX, crosshairY, pointer, pointerX, pointerY,
  bin, binX, binY, group, groupX, groupY, groupZ, stackX, stackY, normalize, normalizeX, normalizeY, window, windowX, windowY,
  map, mapX, mapY, filter, sort, reverse, select, selectFirst, selectLast, selectMaxX, selectMaxY, selectMinX, selectMinY,
} from "@observablehq/plot";
