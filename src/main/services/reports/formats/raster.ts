import { Resvg } from '@resvg/resvg-js'

/** Pixels per SVG unit: charts stay sharp on a projector and in a printed Word file. */
const SCALE = 2

/**
 * PNG of an SVG our own code drew (charts, the journey board), for the formats that need a raster beside or
 * instead of the vector (DOCX's fallback picture, PPTX). resvg runs in the main process with the system's
 * fonts, so it works the same in the desktop app, in browser mode and on the command line; a headless browser
 * was rejected for this: one per export is slow, and the command line may have none.
 */
export function rasterize(svg: string, width: number): Uint8Array {
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * SCALE) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  })
    .render()
    .asPng()
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
}
