/**
 * Draws an SVG document on a canvas and returns the picture's bytes: the PNG and PDF exports are pictures of
 * the same SVG the exports write, so what the reader sees is what the SVG file holds. The SVG goes in as a
 * data: URL (no object URL to leak, and a data: image cannot load anything else); the CSP allows data: images.
 * The canvas has a white background because JPEG has no transparency and a PNG pasted on a dark slide must
 * still be readable.
 */
export interface Raster {
  bytes: Uint8Array
  /** The drawing's size in CSS px (from the SVG), whatever the scale the pixels were drawn at. */
  width: number
  height: number
}

/** Browsers refuse canvases past about 16k px a side (Chromium: 32 767, Safari: 16 384 and 16.7M px in all). */
const MAX_SIDE = 16_000
const MAX_PIXELS = 16_000_000

export async function rasterizeSvg(
  svg: string,
  opts: { type: 'image/png' | 'image/jpeg'; scale?: number; quality?: number },
): Promise<Raster> {
  const { width, height } = svgSize(svg)
  const wanted = opts.scale ?? 2
  const scale = Math.min(
    wanted,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_PIXELS / (width * height)),
  )
  const img = new Image()
  img.decoding = 'async'
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(width * scale))
  canvas.height = Math.max(1, Math.round(height * scale))
  const g = canvas.getContext('2d')
  if (!g) throw new Error('This window cannot draw pictures (no 2D canvas).')
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, canvas.width, canvas.height)
  g.drawImage(img, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, opts.type, opts.quality ?? 0.92))
  if (!blob) throw new Error('The picture is too large to draw.')
  return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height }
}

/** The width and height attributes of the root <svg> element (our builders always write both, in px). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1])
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1])
  if (!(width > 0) || !(height > 0)) throw new Error('The drawing has no size.')
  return { width, height }
}
