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
    expect(decodeTextBytes(bytes)).toBe(TEXT)
    expect(decodeTextBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe(TEXT)
  })

  it('reads UTF-16 LE and BE with a byte-order mark, surrogate pairs included', () => {
    expect(decodeTextBytes(utf16(TEXT, 'le'))).toBe(TEXT)
    expect(decodeTextBytes(utf16(TEXT, 'be'))).toBe(TEXT)
  })

  it('refuses NUL bytes without a UTF-16 mark, and a NUL character inside UTF-16, as binary', () => {
    expect(problem(utf16(TEXT, 'le').subarray(2))).toBe('binary')
    expect(problem(new Uint8Array([0x61, 0x00, 0x62]))).toBe('binary')
    expect(problem(utf16('a\u0000b', 'le'))).toBe('binary')
  })

  it('refuses text that is not UTF-8 (a Latin-1 "é") instead of guessing', () => {
    expect(problem(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toBe('encoding')
  })
})
