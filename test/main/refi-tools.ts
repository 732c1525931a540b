import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const XSD = join(import.meta.dirname, '..', 'fixtures', 'refi-qda', 'Project-mrt2019.xsd')

/** xmllint's complaints about a project.qde against the REFI-QDA schema; '' when it validates. */
export function qdeSchemaErrors(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldnote-qde-'))
  try {
    writeFileSync(join(dir, 'project.qde'), xml)
    execFileSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'project.qde')], { stdio: 'pipe' })
    return ''
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer }
    if (e.code === 'ENOENT') return 'xmllint is not installed (Debian package libxml2-utils)'
    return e.stderr?.toString() ?? String(err)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
