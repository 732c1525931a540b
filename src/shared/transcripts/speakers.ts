import { splitSpeakerPrefix } from './common'

/**
 * Names taken from "Name: text" prefixes, only where the file uses them as a convention: half of its lines
 * or more carry a prefix, or the names that start two lines or more together start a quarter of them. A
 * name the file already gives as a WebVTT voice counts wherever it is a prefix. So a subtitle file whose
 * one line reads "Rule number one: never give up" keeps that line whole, and a Zoom caption file, where
 * every cue starts "Ann Lee: ", gets its speakers. (docs/decisions.md: speakers from transcripts.)
 */
export function consistentSpeakerPrefixes(
  lines: readonly string[],
  voices: ReadonlySet<string> = new Set(),
): Set<string> {
  const counts = new Map<string, number>()
  for (const line of lines) {
    const { speaker } = splitSpeakerPrefix(line)
    if (speaker) counts.set(speaker, (counts.get(speaker) ?? 0) + 1)
  }
  const prefixed = [...counts.values()].reduce((a, b) => a + b, 0)
  if (prefixed >= lines.length * 0.5) return new Set(counts.keys())
  const repeated = [...counts].filter(([, n]) => n >= 2)
  const names = new Set([...counts.keys()].filter((name) => voices.has(name)))
  if (repeated.reduce((sum, [, n]) => sum + n, 0) >= lines.length * 0.25)
    for (const [name] of repeated) names.add(name)
  return names
}

/** The line's speaker when its prefix is one of the file's speaker names; the line whole otherwise. */
export function takeSpeakerPrefix(
  line: string,
  names: ReadonlySet<string>,
): { speaker: string | null; text: string } {
  const split = splitSpeakerPrefix(line)
  return split.speaker && names.has(split.speaker) ? split : { speaker: null, text: line }
}
