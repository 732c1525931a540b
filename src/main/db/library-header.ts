import { closeSync, openSync, readSync, statSync } from 'node:fs'

const SQLITE_MAGIC = 'SQLite format 3\u0000'
/** How far into the file a damaged header is told apart from a file that never was SQLite (see below). */
const SCAN_BYTES = 256 * 1024

export interface LibraryHeader {
  size: number
  magicOk: boolean
  applicationId: number
  pageSize: number
  /**
   * The size the header says the database has (pages × page size), when SQLite still vouches for it (the
   * change counter equals "version valid for"); null when the header does not say.
   */
  declaredBytes: number | null
  /**
   * No SQLite header, but the rest reads like a SQLite database: page 1's b-tree header right after the
   * 100-byte file header, and schema text ("CREATE TABLE") near the start. A library whose first bytes were
   * overwritten, not a file that never was one.
   */
  headerOverwritten: boolean
}

/** Reads what the first bytes of a file say, without opening it as a database. */
export function readLibraryHeader(path: string): LibraryHeader {
  const size = statSync(path).size
  const none = { size, magicOk: false, applicationId: 0, pageSize: 0, declaredBytes: null }
  if (size < 100) return { ...none, headerOverwritten: false }
  const buf = Buffer.alloc(Math.min(size, SCAN_BYTES))
  const fd = openSync(path, 'r')
  try {
    readSync(fd, buf, 0, buf.length, 0)
  } finally {
    closeSync(fd)
  }
  if (buf.toString('latin1', 0, 16) !== SQLITE_MAGIC)
    return {
      ...none,
      headerOverwritten:
        buf.length > 100 && [0x05, 0x0d].includes(buf[100] as number) && buf.includes('CREATE TABLE'),
    }
  const rawPageSize = buf.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pages = buf.readUInt32BE(28)
  const vouched = pages > 0 && buf.readUInt32BE(24) === buf.readUInt32BE(92)
  return {
    size,
    magicOk: true,
    applicationId: buf.readUInt32BE(68),
    pageSize,
    declaredBytes: vouched ? pages * pageSize : null,
    headerOverwritten: false,
  }
}
