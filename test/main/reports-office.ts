import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { XMLValidator } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import { expect } from 'vitest'
import { hasTool } from '../shared/boards-export-tools'

/** The report office files as their readers see them: the zip's parts, and LibreOffice's PDF of them. */

export const office = hasTool('soffice') && hasTool('pdftoppm') && hasTool('pdftotext')
if (!office)
  console.warn(
    'reports office tests: soffice or poppler missing, the LibreOffice checks are skipped ' +
      '(apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)',
  )

/** Every part of an OOXML zip; the XML ones as text, each checked to be well-formed. */
export function zipParts(bytes: Uint8Array): { xml: Map<string, string>; files: Map<string, Uint8Array> } {
  expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b])
  const files = new Map(Object.entries(unzipSync(bytes)))
  const xml = new Map<string, string>()
  for (const [path, data] of files)
    if (/\.(xml|rels)$/.test(path)) {
      const text = strFromU8(data)
      expect(XMLValidator.validate(text), path).toBe(true)
      xml.set(path, text)
    }
  return { xml, files }
}

export function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 150_000 })
  expect(r.status, `${cmd}: ${r.stderr}`).toBe(0)
  return r.stdout
}

/** LibreOffice's PDF of the file, with a profile of its own so an open LibreOffice does not get in the way. */
export function officePdf(dir: string, name: string, bytes: Uint8Array): string {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  run('soffice', [
    `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    dir,
    file,
  ])
  const pdf = file.replace(/\.\w+$/, '.pdf')
  expect(existsSync(pdf)).toBe(true)
  return pdf
}
