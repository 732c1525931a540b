/** The command line, parsed: positional words and --flags (with a value unless listed as boolean). */
export interface ParsedArgs {
  words: string[]
  flags: Record<string, string | true>
}

const BOOLEAN_FLAGS = new Set(['json', 'skip-invalid', 'dry-run', 'help'])

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const words: string[] = []
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '-h') flags['help'] = true
    else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      if (BOOLEAN_FLAGS.has(name)) flags[name] = true
      else if (inline !== undefined) flags[name] = inline
      else {
        const value = argv[i + 1]
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`)
        flags[name] = value
        i++
      }
    } else words.push(a)
  }
  return { words, flags }
}

export const USAGE = `Usage:
  fieldnote import companies FILE --library LIB [--skip-invalid] [--dry-run]
  fieldnote import churn-survey FILE --library LIB [--study NAME] [--skip-invalid] [--dry-run]
  fieldnote rollup churn --library LIB [--study NAME] [--json]
A missing library file is created by the import commands. Exit code 0 on success, 1 on failure, 2 on a usage error.`
