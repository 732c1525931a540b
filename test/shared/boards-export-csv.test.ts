import { describe, expect, it } from 'vitest'
import { BOARD_CSV_HEADERS, boardCsv, csvCell } from '../../src/shared/boards/board-csv'
import { looksLikeFormula, parseCsv } from '../../src/shared/csv/parse'
import { exportBoard, exportInsights, NASTY } from './boards-export-fixture'

const board = exportBoard()
const csv = boardCsv(board, exportInsights())
const table = parseCsv(csv)
const row = (id: string) => table.rows.find((r) => r[0] === id)
const col = (name: (typeof BOARD_CSV_HEADERS)[number]) => BOARD_CSV_HEADERS.indexOf(name)

describe('board CSV', () => {
  it('is UTF-8 with a BOM for Excel, CRLF line ends, fixed headers, one row per card', () => {
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.endsWith('\r\n')).toBe(true)
    // Outside quoted fields every line ends in CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '')
    expect(unquoted.split('\r\n')).toHaveLength(board.content.cards.length + 2)
    expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(table.headers).toEqual([...BOARD_CSV_HEADERS])
    // Every card, hidden stages and lanes too: the CSV is the data, not the picture.
    expect(table.rows).toHaveLength(board.content.cards.length)
    expect(row('c-hidden-lane')?.[col('lane')]).toBe('Backstage')
    expect(row('c-hidden-stage')?.[col('stage')]).toBe('Internal hand-off')
  })

  it('lists cards stage by stage, lane by lane, in their order within a cell', () => {
    expect(table.rows.map((r) => r[0])).toEqual([
      'c-nasty',
      'c-formula',
      'c-touch',
      'c-hidden-lane',
      'c-minus',
      'c-plus',
      'c-opp',
      'c-at',
      'c-tab',
      'c-touch2',
      'c-hidden-stage',
      'c-quote',
      'c-mermaid',
      'c-ru',
      'c-long',
      'c-nps',
    ])
  })

  it('carries every field: lane kind, channel, teams, owner, priority, status, tag, evidence counts', () => {
    expect(row('c-touch')).toEqual([
      'c-touch',
      'Awareness',
      'Touchpoints',
      'touchpoints',
      'Webinar',
      'Zoom',
      'marketing;sales',
      '',
      '',
      '',
      '',
      '1',
      '1',
    ])
    expect(row('c-opp')?.slice(col('owner'), col('status') + 1)).toEqual(['Dana', 'high', 'planned'])
    expect(row('c-nasty')?.slice(col('evidence'))).toEqual(['2', '2'])
    expect(row('c-formula')?.slice(col('evidence'))).toEqual(['0', '0'])
  })

  it('quotes commas, quotes and line breaks (RFC 4180) and reads back to the same text', () => {
    expect(csv).toContain('"Line one, ""quoted""\nline two"')
    expect(row('c-quote')?.[col('text')]).toBe('Line one, "quoted"\nline two')
    expect(row('c-nasty')?.[col('text')]).toBe(NASTY)
    expect(row('c-ru')?.[col('text')]).toBe('Клиент сравнивает цены перед продлением')
    expect(row('c-long')?.[col('text')]).toBe(board.content.cards.find((c) => c.id === 'c-long')?.text)
    expect(row('c-nasty')?.[col('stage')]).toBe('Awareness')
  })

  it('puts an apostrophe before a cell a spreadsheet would run as a formula, like the imports flag them', () => {
    expect(row('c-formula')?.[col('text')]).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(row('c-minus')?.[col('text')]).toBe(`'-2+3 hidden sum`)
    expect(row('c-plus')?.[col('text')]).toBe(`'+cmd|/c calc`)
    expect(row('c-at')?.[col('text')]).toBe(`'@SUM(1+1)`)
    expect(row('c-tab')?.[col('text')]).toBe(`'\tstarts with a tab`)
    for (const r of table.rows) for (const cell of r) expect(looksLikeFormula(cell), cell).toBe(false)
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
    expect(csvCell(' =1+1')).toBe(`' =1+1`)
    // Signed numbers stay numbers, as on import.
    expect(csvCell('-5')).toBe('-5')
    expect(csvCell('+3.5')).toBe('+3.5')
    expect(csvCell('a=b')).toBe('a=b')
  })
})
