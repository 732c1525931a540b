/**
 * The board as a one-page PDF: the picture the renderer already makes for the PNG export (the board SVG drawn on
 * a canvas, white background), saved as JPEG and wrapped in a minimal PDF 1.4 written here. No dependency and
 * no font: a vector PDF would need a Unicode font embedded for Cyrillic (the 14 standard PDF fonts have none),
 * which the app does not ship, while the picture shows whatever the browser drew, in any script, exactly like
 * the PNG. JPEG goes into PDF as it is (DCTDecode), so nothing has to be decoded here.
 *
 * The page is the board's size (CSS px at 96 per inch → points), scaled down if it would pass the 200-inch
 * page limit of PDF readers; draw the canvas at 2× for print.
 */
export interface BoardPicture {
  jpeg: Uint8Array
  /** The drawing's size in CSS px (the SVG's width and height), whatever the JPEG's pixel size. */
  width: number
  height: number
}

/** PDF readers refuse pages over 200 inches (14 400 pt) a side. */
const MAX_PT = 14_400

/** Pixel size and colour components from the JPEG's start-of-frame marker. */
export function jpegInfo(bytes: Uint8Array): { width: number; height: number; components: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('Not a JPEG image')
  let i = 2
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) throw new Error('Damaged JPEG image')
    const marker = bytes[i + 1] ?? 0
    if (marker === 0xff) {
      i += 1
      continue
    }
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)
    // SOF0…SOF15 carry the frame size; C4 (Huffman tables), C8 and CC (arithmetic coding) are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return {
        height: ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0),
        width: ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0),
        components: bytes[i + 9] ?? 0,
      }
    i += 2 + length
  }
  throw new Error('The JPEG image has no frame header')
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: any script, nothing to escape. */
function pdfText(s: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

const fmt = (v: number): string => String(Math.round(v * 100) / 100)

export function boardPdf(picture: BoardPicture, opts: { title: string }): Uint8Array {
  const { width: px, height: py, components } = jpegInfo(picture.jpeg)
  const colorSpace = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB'
  const scale = Math.min(0.75, MAX_PT / Math.max(picture.width, 1), MAX_PT / Math.max(picture.height, 1))
  const w = fmt(picture.width * scale)
  const h = fmt(picture.height * scale)
  const content = `q ${w} 0 0 ${h} 0 0 cm /Board Do Q\n`

  const enc = new TextEncoder()
  const chunks: Uint8Array[] = []
  const offsets: number[] = []
  let size = 0
  const put = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? enc.encode(part) : part
    chunks.push(bytes)
    size += bytes.length
  }
  const obj = (n: number, body: string | (string | Uint8Array)[]) => {
    offsets[n] = size
    put(`${n} 0 obj\n`)
    for (const part of typeof body === 'string' ? [body] : body) put(part)
    put('\nendobj\n')
  }
  // The binary comment line tells transfer tools the file is binary.
  put('%PDF-1.4\n')
  put(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]))
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
  obj(
    3,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] ` +
      '/Resources << /XObject << /Board 4 0 R >> >> /Contents 5 0 R >>',
  )
  obj(4, [
    `<< /Type /XObject /Subtype /Image /Width ${px} /Height ${py} /ColorSpace ${colorSpace} ` +
      `/BitsPerComponent 8 /Filter /DCTDecode /Length ${picture.jpeg.length} >>\nstream\n`,
    picture.jpeg,
    '\nendstream',
  ])
  obj(5, `<< /Length ${enc.encode(content).length} >>\nstream\n${content}endstream`)
  obj(6, `<< /Title ${pdfText(opts.title)} /Producer ${pdfText('Fieldnote')} >>`)
  const xref = size
  put(`xref\n0 7\n0000000000 65535 f \n`)
  for (let n = 1; n <= 6; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  put(`trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`)

  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
