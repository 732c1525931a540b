/**
 * The command line, checked against the command it names: each command accepts only its own options, each
 * once, a value option with a non-empty value, and exactly the positional arguments it takes. Anything else is
 * a UsageError naming the option and the command, so a mistyped flag never quietly changes the result.
 */
export class UsageError extends Error {}

export type CommandName =
  | 'import companies'
  | 'import churn-survey'
  | 'import transcript'
  | 'rollup churn'
  | 'report'
  | 'insights list'
  | 'export json'
  | 'export qdpx'
  | 'export qdc'
  | 'import qdpx'
  | 'import qdc'
  | 'import json'

interface CommandSpec {
  /** Options taking a value (--name VALUE or --name=VALUE). */
  values: readonly string[]
  /** Options without a value. */
  switches: readonly string[]
  /** The FILE arguments it takes: exactly one (required, checked by the caller), one or more, or none. */
  files: 'one' | 'many' | 'none'
}

const COMMANDS: Record<CommandName, CommandSpec> = {
  'import companies': { values: ['library'], switches: ['skip-invalid', 'dry-run'], files: 'one' },
  'import churn-survey': {
    values: ['library', 'study'],
    switches: ['skip-invalid', 'dry-run'],
    files: 'one',
  },
  'import transcript': {
    values: ['library', 'study', 'participant', 'company'],
    switches: ['json'],
    files: 'many',
  },
  'rollup churn': { values: ['library', 'study'], switches: ['json'], files: 'none' },
  report: {
    values: ['library', 'study', 'format', 'out', 'language'],
    switches: ['anonymize'],
    files: 'none',
  },
  'insights list': { values: ['library', 'study'], switches: ['json'], files: 'none' },
  'export json': { values: ['library', 'study', 'out'], switches: [], files: 'none' },
  'import json': { values: ['library'], switches: ['json'], files: 'one' },
  'export qdpx': { values: ['library', 'study', 'out'], switches: [], files: 'none' },
  'export qdc': { values: ['library', 'out'], switches: [], files: 'none' },
  'import qdpx': { values: ['library'], switches: ['json'], files: 'one' },
  'import qdc': { values: ['library'], switches: ['json'], files: 'one' },
}
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[]
const VALUE_OPTIONS = new Set(COMMAND_NAMES.flatMap((c) => COMMANDS[c].values))

export interface ParsedCommand {
  command: CommandName
  /** The FILE arguments, in the order given (at most one unless the command takes many). */
  files: string[]
  /** Only the command's own options; a switch given is true. */
  options: Record<string, string | true>
}

interface OptionToken {
  /** As typed, without any =value: --jsn, -j. */
  raw: string
  /** Without the leading dashes. */
  name: string
  value: string | undefined
  /** A value option at the end of the line, or followed by another option. */
  missingValue: boolean
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  return d[a.length]![b.length]!
}

/** The one option of the command a mistyped name clearly stands for, if there is exactly one. */
function nearMatch(typed: string, options: readonly string[]): string | undefined {
  const t = typed.toLowerCase().replace(/_/g, '-')
  if (t === '') return undefined
  const unique = (list: string[]) => (list.length === 1 ? list[0] : undefined)
  const exact = options.filter((o) => o === t)
  if (exact.length) return exact[0]
  const limit = t.length <= 4 ? 1 : 2
  const scored = options.map((o) => ({ o, d: distance(t, o) })).filter((x) => x.d <= limit)
  const best = Math.min(...scored.map((x) => x.d))
  const close = unique(scored.filter((x) => x.d === best).map((x) => x.o))
  if (close) return close
  return t.length >= 3 ? unique(options.filter((o) => o.startsWith(t))) : undefined
}

/** "a", "a and b", "a, b and c". */
const listed = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

function unknownOption(token: OptionToken, command: CommandName): UsageError {
  const spec = COMMANDS[command]
  const own = [...spec.values, ...spec.switches]
  const elsewhere = COMMAND_NAMES.filter(
    (c) => c !== command && [...COMMANDS[c].values, ...COMMANDS[c].switches].includes(token.name),
  )
  const base = `unknown option ${token.raw} for "${command}"`
  if (token.raw.startsWith('--') && elsewhere.length)
    return new UsageError(`${base} (only ${listed(elsewhere)} take --${token.name})`)
  const guess = nearMatch(token.name, own)
  return new UsageError(guess ? `${base} (did you mean --${guess}?)` : base)
}

/**
 * Parses argv. Returns 'help' for --help / -h (anywhere); otherwise the command, its FILEs and its options,
 * or throws a UsageError. Required options (--library) and a missing FILE are left to the caller.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommand | 'help' {
  const words: string[] = []
  const tokens: OptionToken[] = []
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      words.push(...argv.slice(i + 1))
      break
    }
    if (a === '-h' || a === '--help') help = true
    else if (a.startsWith('-') && a.length > 1) {
      const eq = a.indexOf('=')
      const raw = eq < 0 ? a : a.slice(0, eq)
      const name = raw.replace(/^--?/, '')
      let value = eq < 0 ? undefined : a.slice(eq + 1)
      let missingValue = false
      // An option some command takes with a value takes the next word, so `--study Q1` stays one option.
      if (raw.startsWith('--') && VALUE_OPTIONS.has(name) && value === undefined) {
        const next = argv[i + 1]
        if (next === undefined || next.startsWith('--')) missingValue = true
        else {
          value = next
          i++
        }
      }
      tokens.push({ raw, name, value, missingValue })
    } else words.push(a)
  }
  if (help) return 'help'
  if (words.length === 0) throw new UsageError('No command given')
  // Commands are one word (report) or two (import companies): the longest that names one wins.
  const two = words.slice(0, 2).join(' ')
  const command = (COMMAND_NAMES as string[]).includes(two) ? two : words[0]!
  if (!(COMMAND_NAMES as string[]).includes(command)) throw new UsageError(`Unknown command: ${two}`)
  const name = command as CommandName
  const spec = COMMANDS[name]

  const options: Record<string, string | true> = {}
  for (const token of tokens) {
    const isValue = spec.values.includes(token.name)
    const isSwitch = spec.switches.includes(token.name)
    if (!token.raw.startsWith('--') || (!isValue && !isSwitch)) throw unknownOption(token, name)
    if (token.name in options) throw new UsageError(`option ${token.raw} is given twice for "${name}"`)
    if (isSwitch && token.value !== undefined)
      throw new UsageError(`option ${token.raw} for "${name}" takes no value`)
    if (isValue && (token.missingValue || token.value === undefined || token.value.trim() === ''))
      throw new UsageError(`option ${token.raw} for "${name}" needs a value`)
    options[token.name] = isValue ? token.value! : true
  }

  const rest = words.slice(name.split(' ').length)
  const allowed = spec.files === 'many' ? Infinity : spec.files === 'one' ? 1 : 0
  if (rest.length > allowed)
    throw new UsageError(
      `unexpected argument "${rest[allowed]}" for "${name}" (it takes ${spec.files === 'one' ? 'one FILE' : 'no FILE'})`,
    )
  return { command: name, files: rest, options }
}

export const USAGE = `Usage:
  fieldnote import companies FILE --library LIB [--skip-invalid] [--dry-run]
  fieldnote import churn-survey FILE --library LIB [--study NAME] [--skip-invalid] [--dry-run]
  fieldnote import transcript FILE... --library LIB --study NAME --participant NAME [--company NAME] [--json]
      One interview per file (.vtt, .srt, .txt, .docx), in the study, with the participant (of the company);
      a study, participant or company not in the library is created. One refused file imports nothing.
  fieldnote rollup churn --library LIB [--study NAME] [--json]
  fieldnote report --library LIB [--study NAME] --format html|pdf|docx|pptx|xlsx|csv|md [--anonymize]
                   [--language en|ru] --out PATH
      Every section the study has, in the app's order. PDF is printed by a local Chromium or Google Chrome
      (not Electron): install one, or set CHROMIUM_PATH. The file is written whole or not at all.
  fieldnote insights list --library LIB [--study NAME] [--json]
      Each insight's statement, confidence with its reasons, and evidence counts, most confident first.
  fieldnote export json --library LIB [--study NAME] --out PATH
      The library, or one study and what it uses, as one JSON file (docs/library-json.schema.json).
  fieldnote import json FILE --library LIB [--json]
      A new library at LIB from such a file (never over a file); the whole file is checked first.
  fieldnote export qdpx --library LIB [--study NAME] --out PATH
  fieldnote export qdc --library LIB --out PATH
      A REFI-QDA project (the study, or the library) or codebook, for NVivo, ATLAS.ti, MAXQDA, QualCoder.
  fieldnote import qdpx FILE --library LIB [--json]
  fieldnote import qdc FILE --library LIB [--json]
      A project becomes a new study (its codes join the codebook); a codebook merges into the library's.
Each command accepts only the options shown for it. A CSV must have the standard header (see README).
A missing library file is created by the import commands (import json makes only a new one). Exit code 0 on success, 1 on failure, 2 on a usage error.`
