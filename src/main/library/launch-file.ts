import { LIBRARY_EXTENSION } from './library-manager'

/**
 * The library a launch asks for: the packaged app is started with the file the user opened (double-click,
 * "Open with", the installers' .fieldnote association) as an argument. Electron's and Chromium's own switches
 * and the app folder of a development start (`electron .`) are not libraries; the last library named wins, as
 * the one the user clicked last.
 */
export function libraryFileFromArgv(argv: readonly string[]): string | undefined {
  return argv
    .slice(1)
    .filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith(LIBRARY_EXTENSION))
    .at(-1)
}
