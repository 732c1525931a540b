import { describe, expect, it } from 'vitest'
import { decodeTextBytes, TextDecodeError } from '../../src/shared/text/decode-bytes'

const TEXT = 'name,segment\nЁлка ООО,A\nCafé 😀,B\n'

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2)
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i)
    out[2 + 2 * i + (order === 'le' ? 0 : 1)] = u & 0xff
    out[2 + 2 * i + (order === 'le' ? 1 : 0)] = u >> 8
  }
  return out
}

function problem(bytes: Uint8Array): string {
  try {
    decodeTextBytes(bytes)
  } catch (err) {
    if (err instanceof TextDecodeError) return err.problem
    throw err
  }
  return 'none'
}

describe('one decoder for every text file a user hands us', () => {
  it('reads UTF-8 with and without a byte-order mark (the mark is dropped)', () => {
    const bytes = new TextEncoder().encode(TEXT)
    expect(decodeTextBytes(bytes)).toEqual({ text: TEXT, encoding: 'UTF-8' })
    expect(decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({
      text: TEXT,
      encoding: 'UTF-8',
    })
  })

  it('reads UTF-16 LE and BE with a byte-order mark, surrogate pairs included', () => {
    expect(decodeTextBytes(utf16(TEXT, 'le'))).toEqual({ text: TEXT, encoding: 'UTF-16LE' })
    expect(decodeTextBytes(utf16(TEXT, 'be'))).toEqual({ text: TEXT, encoding: 'UTF-16BE' })
  })

  it('reads UTF-16 without a byte-order mark from where its NUL bytes fall (English and Russian text)', () => {
    for (const text of [TEXT, 'Интервьюер: Почему вы ушли?\nДана: Цена выросла.\n'])
      for (const order of ['le', 'be'] as const)
        expect(decodeTextBytes(utf16(text, order).subarray(2))).toEqual({
          text,
          encoding: order === 'le' ? 'UTF-16LE' : 'UTF-16BE',
        })
  })

  it('refuses NUL bytes that are not UTF-16, and a NUL character inside UTF-16, as binary', () => {
    expect(problem(new Uint8Array([0x61, 0x00, 0x62]))).toBe('binary')
    expect(problem(new Uint8Array([0x6e, 0x61, 0x00, 0x6d, 0x65, 0x0a]))).toBe('binary')
    expect(problem(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(
      'binary',
    )
    expect(problem(utf16('a\u0000b', 'le'))).toBe('binary')
  })

  it("reads the Windows code pages our users' tools write: Cyrillic as Windows-1251, Western as Windows-1252", () => {
    const cp1251 = new Uint8Array(
      [...'Интервьюер: Почему вы ушли? Дана: Ёлки, цена!'].map((c) => {
        if (c === 'Ё') return 0xa8
        if (c === 'ё') return 0xb8
        const u = c.charCodeAt(0)
        return u >= 0x410 && u <= 0x44f ? u - 0x410 + 0xc0 : u
      }),
    )
    expect(decodeTextBytes(cp1251)).toEqual({
      text: 'Интервьюер: Почему вы ушли? Дана: Ёлки, цена!',
      encoding: 'Windows-1251',
    })
    // "Café Müller – “quoted”" in Windows-1252: accented letters alone between ASCII, curly quotes and a dash.
    const cp1252 = new Uint8Array([
      ...[...'Caf'].map((c) => c.charCodeAt(0)),
      0xe9,
      0x20,
      0x4d,
      0xfc,
      0x6c,
      0x6c,
      0x65,
      0x72,
      0x20,
      0x96,
      0x20,
      0x93,
      0x71,
      0x75,
      0x6f,
      0x74,
      0x65,
      0x64,
      0x94,
    ])
    expect(decodeTextBytes(cp1252)).toEqual({ text: 'Café Müller – “quoted”', encoding: 'Windows-1252' })
    expect(decodeTextBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({
      text: 'Café',
      encoding: 'Windows-1252',
    })
  })

  it('refuses bytes that no encoding it knows reads cleanly (undefined code points, control characters)', () => {
    expect(problem(new Uint8Array([0x43, 0x61, 0x66, 0x81, 0x8d, 0x20, 0x98]))).toBe('encoding')
    expect(problem(new Uint8Array([0x48, 0x69, 0x01, 0x02, 0x03, 0xff]))).toBe('encoding')
    expect(problem(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toBe('encoding')
  })
})
