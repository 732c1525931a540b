import { boardSvg } from '../../src/shared/boards/board-svg'
import { drawChart } from '../../src/shared/reports/charts'
import type { ReportDocument } from '../../src/shared/reports/model'
import { exportBoard, exportInsights } from './boards-export-fixture'

/**
 * A hand-made report for the format tests: every block kind, a Pareto, tables of money, percents, integers
 * and dates, an insight with a quote against it, the journey board as a figure, and user text chosen to
 * break each format: markup, event handlers, javascript: and external links, spreadsheet formulas, Cyrillic.
 */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  link: '<a href="javascript:alert(1)">click</a>',
  external: '<img src="https://evil.example/pixel.png">',
  hyperlink: '=HYPERLINK("http://evil.example","click")',
  plus: '+1 call the customer',
  minus: '-2 seats',
  at: '@SUM(A1)',
  cyrillic: 'Клиент сравнивает цены перед продлением',
} as const

const board = exportBoard()
const figureSvg = boardSvg(board, exportInsights(), { language: 'en' })
const size = /width="([\d.]+)" height="([\d.]+)"/.exec(figureSvg)!

export const PARETO = drawChart({
  title: 'Churn reasons by companies <top 10>',
  unit: 'companies',
  bars: [
    { label: 'PRC-01 Price too high', value: 9, cumulativeShare: 0.45 },
    { label: 'ONB-02 Onboarding took weeks', value: 5, cumulativeShare: 0.7 },
    { label: HOSTILE.script, value: 3, cumulativeShare: 0.85 },
    { label: 'INT-04 Нет интеграции с 1С', value: 2, cumulativeShare: 0.95 },
    { label: 'OTH Other', value: 1, cumulativeShare: 1 },
  ],
})

export function reportFixture(): ReportDocument {
  return {
    title: 'Churn study Q3 <2026> & onboarding',
    subtitle: 'Study: Churn & onboarding · Segment B · Made on 2026-11-30',
    language: 'en',
    createdOn: '2026-11-30',
    anonymized: false,
    sections: [
      {
        id: 'summary',
        title: 'Summary',
        blocks: [
          {
            kind: 'paragraph',
            runs: [
              { text: 'Price is the ' },
              { text: 'main', bold: true },
              { text: ' reason customers leave; ' },
              { text: `see ${HOSTILE.link} and ${HOSTILE.img}`, italic: true },
            ],
          },
          {
            kind: 'bullets',
            items: [
              [{ text: 'Nine of twenty churned companies name price first.' }],
              [{ text: HOSTILE.external }],
              [{ text: HOSTILE.cyrillic }],
            ],
          },
        ],
      },
      {
        id: 'insights',
        title: 'Key insights',
        blocks: [
          {
            kind: 'insight',
            statement: [
              { text: 'Teams on the Basic plan leave when the renewal price jumps ' },
              { text: '>20%', bold: true },
            ],
            status: 'validated',
            confidence: {
              score: 0.78,
              label: 'High',
              reasons: ['7 companies, 9 participants', 'segments A and B', '1 quote against', HOSTILE.script],
            },
            quotes: [
              {
                text: 'We compared three vendors before the renewal, "price" was the only thing finance asked about.',
                attribution: "Ann O'Neil, Acme & Co · Exit interview",
                stance: 'for',
              },
              { text: HOSTILE.cyrillic, attribution: 'Иван, ООО «Ромашка»', stance: 'for' },
              {
                text: `Price was fine, the missing export made us go. ${HOSTILE.hyperlink}`,
                attribution: 'Bob, Globex · Exit interview',
                stance: 'against',
              },
            ],
          },
        ],
      },
      {
        id: 'churn',
        title: 'Churn reasons',
        blocks: [
          { kind: 'chart', chart: PARETO },
          {
            kind: 'table',
            caption: 'Churn reasons',
            sheetName: 'Churn reasons',
            columns: [
              { header: 'Code', type: 'text' },
              { header: 'Reason', type: 'text' },
              { header: 'Companies', type: 'integer' },
              { header: 'Share', type: 'percent' },
              { header: 'Lost MRR', type: 'money', currency: 'USD' },
              { header: 'Prevention', type: 'text' },
            ],
            rows: [
              ['PRC-01', 'Price too high', 9, 0.45, 1234567, HOSTILE.hyperlink],
              ['ONB-02', 'Onboarding, "slow"\nand manual', 5, 0.25, 250000, HOSTILE.plus],
              ['INT-04', HOSTILE.cyrillic, 2, 0.1, 99, HOSTILE.minus],
              ['XSS', HOSTILE.script, 3, 0.15, 0, HOSTILE.at],
              ['OTH', 'Other', 1, 0.05, null, ''],
            ],
          },
        ],
        children: [
          {
            title: 'Quotes: Price too high',
            blocks: [
              {
                kind: 'quote',
                text: 'It doubled overnight.',
                attribution: 'Carol, Initech · Exit interview, Q3',
              },
              { kind: 'quote', text: HOSTILE.img, attribution: HOSTILE.script },
              {
                kind: 'paragraph',
                runs: [
                  { text: 'Prevention: ', bold: true },
                  { text: 'announce price changes a quarter ahead' },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'journey',
        title: 'Customer journey',
        blocks: [
          {
            kind: 'figure',
            caption: board.name,
            svg: figureSvg,
            width: Number(size[1]),
            height: Number(size[2]),
            alt: `Journey board ${board.name}: 5 stages, emotion dips at renewal`,
          },
        ],
      },
      {
        id: 'people',
        title: 'Participants and companies',
        blocks: [
          {
            kind: 'table',
            caption: 'Companies',
            sheetName: 'Companies',
            columns: [
              { header: 'Company', type: 'text' },
              { header: 'MRR', type: 'money', currency: 'EUR' },
              { header: 'Seats', type: 'integer' },
              { header: 'NPS', type: 'decimal' },
              { header: 'Customer since', type: 'date' },
            ],
            rows: [
              ['Acme & Co', 450000, 42, 7.5, '2023-04-01'],
              ['ООО «Ромашка»', 12050, 3, -2.25, '2025-12-31'],
              [HOSTILE.at, 0, 0, 0, null],
            ],
          },
        ],
      },
    ],
  }
}
