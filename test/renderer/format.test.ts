import { describe, expect, it } from 'vitest'
import { fmtElapsed, parseMoneyToMinor } from '../../src/renderer/src/lib/format'

describe('fmtElapsed', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [5_000, '0:05'],
    [65_000, '1:05'],
    [600_000, '10:00'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_723_000, '1:02:03'],
    [36_000_000, '10:00:00'],
    [-5_000, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(fmtElapsed(ms)).toBe(text)
  })
})

describe('parseMoneyToMinor', () => {
  it.each([
    ['1200', 120_000],
    ['1 200,50', 120_050],
    ['1\u00a0200,50', 120_050],
    ['1,200.50', 120_050],
    ['1200.5', 120_050],
    ['1200,5', 120_050],
    ['0.07', 7],
    ['', 0],
    ['   ', 0],
  ])('%j → %i', (text, minor) => {
    expect(parseMoneyToMinor(text)).toBe(minor)
  })

  it.each(['abc', '-5', '12.345', '1.2.3', '€100', '1e3'])('%j is not an amount', (text) => {
    expect(parseMoneyToMinor(text)).toBeNull()
  })
})
