import { describe, expect, it } from 'vitest'
import { libraryFileFromArgv } from '../../src/main/library/launch-file'

describe('the library a launch asks for', () => {
  it('is the .fieldnote file the packaged app was started with', () => {
    expect(libraryFileFromArgv(['/opt/Fieldnote/fieldnote', '/home/a/Research.fieldnote'])).toBe(
      '/home/a/Research.fieldnote',
    )
    expect(libraryFileFromArgv(['C:\\Fieldnote\\Fieldnote.exe', 'D:\\Study Q3.FIELDNOTE'])).toBe(
      'D:\\Study Q3.FIELDNOTE',
    )
  })

  it('is none for a plain start, a development start or switches only', () => {
    expect(libraryFileFromArgv(['/opt/Fieldnote/fieldnote'])).toBeUndefined()
    expect(
      libraryFileFromArgv(['/repo/node_modules/electron/dist/electron', '.', '--no-sandbox']),
    ).toBeUndefined()
    expect(
      libraryFileFromArgv(['/opt/Fieldnote/fieldnote', '--user-data-dir=/tmp/x.fieldnote']),
    ).toBeUndefined()
    expect(libraryFileFromArgv(['/home/a/Research.fieldnote'])).toBeUndefined() // argv[0] is the executable
  })

  it('is the last file named when several are', () => {
    expect(libraryFileFromArgv(['fieldnote', '/a/one.fieldnote', '/a/notes.txt', '/a/two.fieldnote'])).toBe(
      '/a/two.fieldnote',
    )
  })
})
