import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { boardPdf, jpegInfo } from '../../src/shared/boards/board-pdf'
import { hasTool, withTempDir } from './boards-export-tools'

/** An 8 × 4 JPEG, all red (#dc2626), as a browser's canvas.toBlob('image/jpeg') writes it. */
const RED_JPEG = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAEAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABwj/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCPgCxeb//Z',
    'base64',
  ),
)

const pdf = boardPdf({ jpeg: RED_JPEG, width: 800, height: 400 }, { title: 'Карта <пути> & (SaaS)' })
const text = new TextDecoder('latin1').decode(pdf)

describe('board PDF', () => {
  it('reads the picture size from the JPEG and refuses anything else', () => {
    expect(jpegInfo(RED_JPEG)).toEqual({ width: 8, height: 4, components: 3 })
    expect(() => jpegInfo(new TextEncoder().encode('<svg/>'))).toThrow(/Not a JPEG/)
    expect(() => jpegInfo(RED_JPEG.slice(0, 30))).toThrow(/no frame header/)
  })

  it('is one PDF page the size of the board, the JPEG embedded as it is, every xref offset right', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true)
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true)
    // 800 × 400 CSS px at 96 dpi = 600 × 300 pt.
    expect(text).toContain('/MediaBox [0 0 600 300]')
    expect(text).toContain('/Width 8 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode')
    const at = text.indexOf('stream\n', text.indexOf('/DCTDecode')) + 'stream\n'.length
    expect([...pdf.slice(at, at + RED_JPEG.length)]).toEqual([...RED_JPEG])
    const xref = Number(/startxref\n(\d+)\n/.exec(text)?.[1])
    expect(text.slice(xref, xref + 4)).toBe('xref')
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]))
    expect(offsets).toHaveLength(6)
    offsets.forEach((o, i) => expect(text.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`))
    // The title in UTF-16: any script, and nothing in it can end the string.
    expect(text).toContain('/Title <FEFF041A0430044004420430')
  })

  it('keeps a huge board inside the 200-inch page limit of PDF readers', () => {
    const big = new TextDecoder('latin1').decode(
      boardPdf({ jpeg: RED_JPEG, width: 40_000, height: 2_000 }, { title: 'x' }),
    )
    expect(big).toContain('/MediaBox [0 0 14400 720]')
  })

  it.skipIf(!hasTool('pdfinfo') || !hasTool('pdftoppm'))(
    'poppler reads it: title, one page, the picture drawn',
    () =>
      withTempDir((dir) => {
        const file = join(dir, 'board.pdf')
        writeFileSync(file, pdf)
        const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
        expect(info.stderr).toBe('')
        expect(info.stdout).toMatch(/Title:\s+Карта <пути> & \(SaaS\)/)
        expect(info.stdout).toMatch(/Pages:\s+1\n/)
        expect(info.stdout).toMatch(/Page size:\s+600 x 300 pts/)
        const r = spawnSync('pdftoppm', ['-r', '9', file, join(dir, 'page')], { encoding: 'utf8' })
        expect(r.status, r.stderr).toBe(0)
        const ppm = readFileSync(join(dir, 'page-1.ppm'))
        const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'))!
        const px = ppm.subarray(header[0].length)
        // Every pixel red, like the picture.
        let other = 0
        for (let i = 0; i + 2 < px.length; i += 3)
          if (px[i]! < 180 || px[i + 1]! > 80 || px[i + 2]! > 80) other++
        expect(px.length).toBeGreaterThan(1_000)
        expect(other).toBe(0)
      }),
  )
})
