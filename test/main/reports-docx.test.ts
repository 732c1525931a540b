import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reportDocx } from '../../src/main/services/reports/formats/docx'
import { PICTURE_BOX } from '../../src/main/services/reports/formats/docx-styles'
import type { ReportDocument } from '../../src/shared/reports/model'
import { expectWellFormed, textsOf, withTempDir } from '../shared/boards-export-tools'
import { HOSTILE, PARETO, reportFixture } from '../shared/report-fixture'
import { office, officePdf, run, zipParts } from './reports-office'

const doc = reportFixture()
const { xml, files } = zipParts(await reportDocx(doc))
const body = xml.get('word/document.xml')!
const styles = xml.get('word/styles.xml')!

interface Para {
  style: string
  text: string
  xml: string
}

/** Every paragraph of the body, in order, with its style and its text (a line break as \n). */
function paragraphs(part: string): Para[] {
  return [...part.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const p = m[1] ?? ''
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
      text: textsOf(p.replace(/<w:br\/>/g, '<w:t>\n</w:t>'), 'w:t').join(''),
      xml: p,
    }
  })
}
const paras = paragraphs(body)
const styled = (style: string) => paras.filter((p) => p.style === style).map((p) => p.text)

describe('report DOCX', () => {
  it('is a well-formed Word package with the title, subtitle and the document language', async () => {
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml', 'word/settings.xml'])
      expectWellFormed(xml.get(part)!, part)
    expect(styled('Title')).toEqual([doc.title])
    expect(styled('Subtitle')).toEqual([doc.subtitle])
    expect(styles).toContain('<w:lang w:val="en-US"/>')
    expect(xml.get('docProps/core.xml')).toContain('<dc:creator>Fieldnote</dc:creator>')
    const ru = zipParts(await reportDocx({ ...doc, language: 'ru', anonymized: true })).xml
    expect(ru.get('word/styles.xml')).toContain('<w:lang w:val="ru-RU"/>')
    const ruParas = paragraphs(ru.get('word/document.xml')!)
    expect(ruParas.find((p) => p.style === 'Note')?.text).toContain('Обезличено')
    expect(ruParas.find((p) => p.style === 'TOCHeading')?.text).toBe('Содержание')
    const empty = zipParts(await reportDocx({ ...doc, sections: [] })).xml.get('word/document.xml')!
    expect(paragraphs(empty).map((p) => p.style)).toEqual(['Title', 'Subtitle'])
    expect(empty).not.toContain('<w:sdt>')
  })

  it('gives Word its outline: sections as Heading 1, sub-sections as Heading 2, and a TOC field', () => {
    expect(styled('Heading1')).toEqual(doc.sections.map((s) => s.title))
    expect(styled('Heading2')).toEqual(doc.sections.flatMap((s) => (s.children ?? []).map((c) => c.title)))
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">/)
    expect(styled('TOCHeading')).toEqual(['Contents'])
    expect(body).toContain('<w:docPartGallery w:val="Table of Contents"/>')
    expect(body).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>')
    // Filled in from the headings, with page numbers, for viewers that never update a field.
    const toc = paras.filter((p) => /^TOC\d$/.test(p.style)).map((p) => p.text)
    const titles = doc.sections.flatMap((s) => [s.title, ...(s.children ?? []).map((c) => c.title)])
    expect(toc.map((t) => t.replace(/\d+$/, ''))).toEqual(titles)
    for (const t of toc) expect(t).toMatch(/\D[1-9]\d*$/)
    expect(toc[0]).toBe('Summary2')
    expect(xml.get('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/)
  })

  it('leaves a long report’s page numbers to Word, and says how to fill them in', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => [`row ${i}`])
    const long = await reportDocx({
      ...doc,
      sections: [
        {
          id: 'appendix',
          title: 'Appendix',
          blocks: [
            {
              kind: 'table',
              caption: 'Long',
              sheetName: 'Long',
              columns: [{ header: 'A', type: 'text' }],
              rows,
            },
          ],
        },
      ],
    })
    const longParas = paragraphs(zipParts(long).xml.get('word/document.xml')!)
    expect(longParas.filter((p) => /^TOC\d$/.test(p.style)).map((p) => p.text)).toEqual(['Appendix'])
    expect(longParas.map((p) => p.text)).toContain(
      'Right-click and choose Update Field to fill in the table of contents.',
    )
    expect(paras.map((p) => p.text).join('\n')).not.toContain('Update Field')
  })

  it('writes paragraphs with their marks and bullets as a real bullet list', () => {
    const first = paras.find((p) => p.text.startsWith('Price is the '))!
    expect(first.xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">main<\/w:t>/)
    expect(first.xml).toMatch(/<w:i\/>[\s\S]*<w:t xml:space="preserve">see /)
    const bullets = paras.filter((p) => p.xml.includes('<w:numPr>'))
    expect(bullets.map((p) => p.text)).toEqual([
      'Nine of twenty churned companies name price first.',
      HOSTILE.external,
      HOSTILE.cyrillic,
      '7 companies, 9 participants',
      'segments A and B',
      '1 quote against',
      HOSTILE.script,
    ])
    expect(xml.get('word/numbering.xml')).toContain('<w:numFmt w:val="bullet"/>')
  })

  it('writes quotes in the Quote style, the attribution after, an insight’s quotes marked for or against', () => {
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Quote">\s*<w:name w:val="Quote"\/>/)
    expect(styled('Quote')).toEqual([
      'For: We compared three vendors before the renewal, "price" was the only thing finance asked about.',
      `For: ${HOSTILE.cyrillic}`,
      `Against: Price was fine, the missing export made us go. ${HOSTILE.hyperlink}`,
      'It doubled overnight.',
      HOSTILE.img,
    ])
    const i = paras.findIndex((p) => p.text === 'It doubled overnight.')
    expect(paras[i + 1]).toMatchObject({
      style: 'QuoteAttribution',
      text: '— Carol, Initech · Exit interview, Q3',
    })
    expect(styled('InsightStatement')).toEqual([
      'Teams on the Basic plan leave when the renewal price jumps >20%',
    ])
    expect(styled('InsightConfidence')).toEqual(['Confidence: High (78%) · Status: validated'])
  })

  it('writes each table as a Word table with a repeated header row and numbers right-aligned', () => {
    const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1] ?? '')
    expect(tables).toHaveLength(2)
    for (const t of tables) {
      const rows = t.split('<w:tr>').slice(1)
      expect(rows[0]).toContain('<w:tblHeader/>')
      expect(rows.slice(1).join('')).not.toContain('<w:tblHeader/>')
      expect(t).toContain('<w:tblLayout w:type="fixed"/>')
    }
    const cells = (row: string) => paragraphs(row)
    const churn = tables[0]!.split('<w:tr>').slice(1)
    expect(cells(churn[0]!).map((c) => c.text)).toEqual([
      'Code',
      'Reason',
      'Companies',
      'Share',
      'Lost MRR',
      'Prevention',
    ])
    const first = cells(churn[1]!)
    expect(first.map((c) => c.text)).toEqual([
      'PRC-01',
      'Price too high',
      '9',
      '45%',
      '$12,345.67',
      HOSTILE.hyperlink,
    ])
    expect(first.map((c) => c.xml.includes('<w:jc w:val="right"/>'))).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
    ])
    expect(cells(churn[2]!)[1]!.text).toBe('Onboarding, "slow"\nand manual')
    const companies = tables[1]!.split('<w:tr>').slice(1)
    expect(cells(companies[2]!).map((c) => c.text)).toEqual([
      'ООО «Ромашка»',
      '€120.50',
      '3',
      '-2.25',
      '2025-12-31',
    ])
    // The columns share the text width, no wider.
    for (const t of tables) {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
      expect(grid.reduce((a, b) => a + b, 0)).toBe(10092)
    }
  })

  it('draws the chart and the board as SVG with a PNG fallback, page-wide at most, with alt text', () => {
    const media = [...files.keys()].filter((p) => p.startsWith('word/media/')).sort()
    expect(media.filter((p) => p.endsWith('.svg'))).toHaveLength(2)
    expect(media.filter((p) => p.endsWith('.png'))).toHaveLength(2)
    for (const p of media.filter((m) => m.endsWith('.png')))
      expect([...files.get(p)!.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(new TextDecoder().decode(files.get(media.find((p) => p.endsWith('.svg'))!))).toBe(PARETO.svg)
    expect(body.match(/<asvg:svgBlip /g)).toHaveLength(2)
    const pictures = [
      ...body.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<wp:docPr [^>]*descr="([^"]*)"/g),
    ]
    expect(pictures).toHaveLength(2)
    const figure = doc.sections[3]!.blocks[0] as Extract<
      ReportDocument['sections'][0]['blocks'][0],
      { kind: 'figure' }
    >
    const sizes = [
      [PARETO.width, PARETO.height],
      [figure.width, figure.height],
    ]
    pictures.forEach((m, i) => {
      const [cx, cy] = [Number(m[1]), Number(m[2])]
      expect(cx).toBeLessThanOrEqual(PICTURE_BOX.width * 9525)
      expect(cx / cy).toBeCloseTo(sizes[i]![0]! / sizes[i]![1]!, 2)
    })
    expect(pictures[0]![3]).toBe('Churn reasons by companies &lt;top 10&gt; (companies)')
    expect(pictures[1]![3]).toContain('Journey board')
  })

  it('numbers the pages in the footer', () => {
    const footer = xml.get('word/footer1.xml')!
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/)
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/)
  })

  it('keeps every hostile string as text, escaped, and drops characters XML cannot hold', async () => {
    for (const [path, part] of xml)
      expect(part, path).not.toMatch(/<script|<img|<a href|javascript:alert\(1\)"/i)
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;')
    const all = paras.map((p) => p.text).join('\n')
    for (const t of Object.values(HOSTILE)) expect(all).toContain(t)
    const odd = zipParts(
      await reportDocx({
        ...doc,
        title: 'Bell\u0007 and \u000bform\ufffe feed',
        sections: [
          {
            id: 'summary',
            title: 'Line\u0000s',
            blocks: [{ kind: 'paragraph', runs: [{ text: 'one\r\ntwo\u001b' }] }],
          },
        ],
      }),
    ).xml
    const oddParas = paragraphs(odd.get('word/document.xml')!)
    expect(oddParas.find((p) => p.style === 'Title')?.text).toBe('Bell and form feed')
    expect(oddParas.find((p) => p.style === 'Heading1')?.text).toBe('Lines')
    expect(oddParas.map((p) => p.text)).toContain('one\ntwo')
  })
})

describe.skipIf(!office)('report DOCX in LibreOffice', () => {
  it(
    'opens in Writer with every section title and quote as text, and page 1 renders',
    { timeout: 180_000 },
    async () => {
      const bytes = await reportDocx(doc)
      withTempDir((dir) => {
        const pdf = officePdf(dir, 'report.docx', bytes)
        const words = run('pdftotext', [pdf, '-'])
        for (const s of doc.sections) expect(words).toContain(s.title)
        for (const t of [
          'It doubled overnight.',
          'Quotes: Price too high',
          HOSTILE.cyrillic,
          '$12,345.67',
          HOSTILE.script,
        ])
          expect(words).toContain(t)
        run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(dir, 'page')])
        expect(statSync(join(dir, 'page-1.png')).size).toBeGreaterThan(3_000)
      })
    },
  )
})
