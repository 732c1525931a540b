import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const TOKEN_FILE = 'web-token'
const TOKEN_PATTERN = /^[0-9a-f]{64}$/

/** 256 random bits as hex: long enough that guessing is hopeless, plain enough for a URL. */
export function newToken(): string {
  return randomBytes(32).toString('hex')
}

/**
 * The browser-mode access token, kept in the data folder so that a tab opened before a restart (which holds
 * the token in its sessionStorage) keeps working after it. Readable by the owner only (0600), like an SSH
 * key; a missing, damaged or `renew`ed file gets a fresh random token.
 */
export function loadOrCreateToken(dataDir: string, opts: { renew?: boolean } = {}): string {
  const file = join(dataDir, TOKEN_FILE)
  if (!opts.renew && existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim()
    if (TOKEN_PATTERN.test(saved)) {
      // An older copy or a restored backup may have looser permissions: tighten them rather than refuse.
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
      return saved
    }
  }
  const token = newToken()
  // Written beside and renamed over: a crash mid-write never leaves a half token that locks the user out.
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${token}\n`, { mode: 0o600 })
  chmodSync(temp, 0o600)
  renameSync(temp, file)
  return token
}
