/**
 * User text bound for an Office file's XML. docx and exceljs escape the five XML specials themselves, but not
 * the characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF): one of those
 * in a note pasted from a terminal makes Word or Excel refuse the whole file, so they are dropped here.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export const xmlText = (text: string): string => text.replace(NOT_XML, '')

/** The text's lines, for formats that write a line break as an element of its own (DOCX's w:br). */
export const textLines = (text: string): string[] => xmlText(text).replace(/\r\n?/g, '\n').split('\n')
