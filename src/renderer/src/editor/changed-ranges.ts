import type { Transaction } from '@tiptap/pm/state'
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform'

/**
 * The ranges, in the final document, that a series of transactions inserted or replaced (with `marks`, also
 * those whose marks changed), sorted and merged:
 * walking overlapping ranges one by one would visit the same nodes again (a paste of thousands of paragraphs,
 * then this plugin's own thousands of attribute steps, made that quadratic).
 */
export function changedRanges(
  transactions: readonly Transaction[],
  opts: { marks?: boolean } = {},
): [number, number][] {
  let ranges: [number, number][] = []
  for (const t of transactions)
    for (const step of t.steps) {
      const map = step.getMap()
      ranges = ranges.map(([a, b]) => [map.map(a, -1), map.map(b, 1)])
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([newStart, newEnd]))
      // A mark step moves no positions (its map is empty) but changes the text it covers.
      if (opts.marks && (step instanceof AddMarkStep || step instanceof RemoveMarkStep))
        ranges.push([step.from, step.to])
      if (ranges.length > 64) ranges = merge(ranges)
    }
  return merge(ranges)
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0])
  const out: [number, number][] = []
  for (const [a, b] of sorted) {
    const last = out[out.length - 1]
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}
