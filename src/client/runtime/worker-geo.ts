/**
 * What Plot gets for d3-geo in the runtime's worker (astro.config.mjs aliases it there only).
 * Plot reaches d3-geo for map projections alone: the `projection` option, `clip: "sphere"` or a
 * GeoJSON clip, and the geo marks (which the browser's Plot leaves out, see plot.ts). Charts on x and
 * y never call it, so the worker ships these stand-ins, which refuse with a message in the reader's
 * words, instead of d3-geo (about 9 KB gz). Jupyter has the real d3-geo.
 */

/** The message a cell gets when its chart asks for a map projection in the browser. */
export const PROJECTION_REFUSED =
  "map projections (Plot's projection option, clip: \"sphere\" or a GeoJSON clip) are not available in the browser's notebook runtime, which draws charts on x and y; download the notebook (.ipynb) and run this cell in Jupyter to draw maps";

function refused(): never {
  throw new Error(PROJECTION_REFUSED);
}

/**
 * Plot builds one transform when it loads (its "reflect-y" projection), so this one returns a
 * transform whose stream refuses: loading Plot works, projecting with it does not.
 */
export function geoTransform(_methods: unknown): { stream(sink: unknown): never } {
  return { stream: refused };
}

// The other names Plot 0.6 imports from d3-geo (a test keeps the list equal to Plot's imports).
export {
  refused as geoAlbers,
  refused as geoAlbersUsa,
  refused as geoAzimuthalEqualArea,
  refused as geoAzimuthalEquidistant,
  refused as geoCentroid,
  refused as geoClipRectangle,
  refused as geoConicConformal,
  refused as geoConicEqualArea,
  refused as geoConicEquidistant,
  refused as geoEqualEarth,
  refused as geoEquirectangular,
  refused as geoGnomonic,
  refused as geoGraticule10,
  refused as geoMercator,
  refused as geoOrthographic,
  refused as geoPath,
  refused as geoStereographic,
  refused as geoStream,
  refused as geoTransverseMercator,
};
