import { decodeTextBytes, TextDecodeError, type TextEncodingName } from '../text/decode-bytes'
import { TranscriptError } from './common'

export const MAX_TRANSCRIPT_BYTES = 10 * 1024 * 1024

export type DecodedFile =
  { kind: 'text'; text: string; encoding: TextEncodingName } | { kind: 'docx'; bytes: Uint8Array }

function base64Bytes(b64: string): Uint8Array {
  let bin: string
  try {
    bin = atob(b64.replace(/\s+/g, ''))
  } catch {
    throw new TranscriptError('could not be read (the file data is damaged)')
  }
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/**
 * The checks every file passes before parsing: size limit, not empty, not binary, an encoding the shared
 * decoder recognises (named in the result, so the import report can say a file was converted). Word files
 * come back as bytes for mammoth.
 */
export function decodeTranscriptFile(file: {
  name: string
  text?: string | undefined
  base64?: string | undefined
}): DecodedFile {
  const isDocx = /\.docx$/i.test(file.name)
  if (file.base64 === undefined && file.text === undefined) throw new TranscriptError('has no content')
  const limit = `${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB`
  if (file.base64 !== undefined) {
    if (Math.floor((file.base64.length * 3) / 4) > MAX_TRANSCRIPT_BYTES + 2)
      throw new TranscriptError(`is larger than the ${limit} limit for a transcript`)
    const bytes = base64Bytes(file.base64)
    if (bytes.length > MAX_TRANSCRIPT_BYTES)
      throw new TranscriptError(`is larger than the ${limit} limit for a transcript`)
    if (bytes.length === 0) throw new TranscriptError('is empty')
    if (isDocx) {
      if (!isZip(bytes)) throw new TranscriptError('is not a Word (.docx) document')
      return { kind: 'docx', bytes }
    }
    if (isZip(bytes))
      throw new TranscriptError('is a binary file (a zip archive or Office document), not a text transcript')
    try {
      const { text, encoding } = decodeTextBytes(bytes)
      return textChecks(text, encoding)
    } catch (err) {
      if (!(err instanceof TextDecodeError)) throw err
      throw new TranscriptError(
        err.problem === 'binary'
          ? 'is a binary file, not a text transcript (it contains NUL bytes)'
          : 'is in an encoding Fieldnote cannot recognise (not UTF-8, UTF-16, Windows-1251 or Windows-1252); save it as UTF-8 and import it again',
      )
    }
  }
  if (isDocx) throw new TranscriptError('is a Word document but was not read as one')
  const text = file.text as string
  if (new TextEncoder().encode(text).length > MAX_TRANSCRIPT_BYTES)
    throw new TranscriptError(`is larger than the ${limit} limit for a transcript`)
  if (text.includes('\u0000'))
    throw new TranscriptError('is a binary file, not a text transcript (it contains NUL bytes)')
  if (text.includes('\uFFFD'))
    throw new TranscriptError('is not valid UTF-8 text; save it as UTF-8 and import it again')
  // Text handed over as a string was decoded by the caller already.
  return textChecks(text, 'UTF-8')
}

function textChecks(text: string, encoding: TextEncodingName): DecodedFile {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new TranscriptError('is empty')
  if (text.includes('\u0000'))
    throw new TranscriptError('is a binary file, not a text transcript (it contains NUL bytes)')
  return { kind: 'text', text, encoding }
}
