import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { strFromU8, unzipSync } from 'fflate'
import { expect } from 'vitest'

/** The outside programs the export tests hand files to, when the machine has them (.ci/run installs them). */
export const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0

export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'fieldnote-export-'))
  try {
    return fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Well-formed XML by fast-xml-parser and, where installed, by libxml2's xmllint (a strict, real consumer). */
export function expectWellFormed(xml: string, what: string): void {
  expect(XMLValidator.validate(xml), what).toBe(true)
  if (!hasTool('xmllint')) return
  withTempDir((dir) => {
    const file = join(dir, 'doc.xml')
    writeFileSync(file, xml)
    const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' })
    expect(r.stderr, what).toBe('')
    expect(r.status, what).toBe(0)
  })
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
export const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITY[e] ?? '')

/** Text content of every element with this tag name, unescaped. */
export function textsOf(xml: string, tag: string): string[] {
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g')
  return [...xml.matchAll(re)].map((m) => unescapeXml(m[1] ?? ''))
}

/** Tag names and attribute names used anywhere in an XML document. */
export function vocabulary(xml: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>()
  const attributes = new Set<string>()
  for (const m of xml.matchAll(/<([a-zA-Z][\w:.-]*)([^>]*)>/g)) {
    tags.add(m[1] ?? '')
    for (const a of (m[2] ?? '').matchAll(/([\w:.-]+)\s*=/g)) attributes.add(a[1] ?? '')
  }
  return { tags, attributes }
}

/** The parts of a PPTX (a zip) as text, by path. */
export function pptxParts(bytes: Uint8Array): Map<string, string> {
  expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b])
  return new Map(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]))
}

/** The slide XMLs in slide order. */
export function slidesOf(parts: Map<string, string>): string[] {
  const names = [...parts.keys()].filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
  const num = (p: string) => Number(/(\d+)\.xml$/.exec(p)?.[1])
  return names.sort((a, b) => num(a) - num(b)).map((p) => parts.get(p) ?? '')
}

/** A text run's text, joined per paragraph: what PowerPoint shows as editable text. */
export const runs = (slide: string): string[] => textsOf(slide, 'a:t')
