import type { ScriptBody } from '../src/shared/domain/script'
import type { Prng } from './prng'
/** Names, roles and dates shared by the bench's generated libraries (deterministic fixture vocabulary). */
export type Method = 'jtbd_switch' | 'exit' | 'journey' | 'discovery'

export const TEMPLATE_KEY: Record<Method, string> = {
  jtbd_switch: 'jtbd-switch',
  exit: 'exit',
  journey: 'journey',
  discovery: 'journey',
}

export const FIRST = [
  'Ann',
  'Boris',
  'Chen',
  'Dana',
  'Emil',
  'Fatima',
  'Gleb',
  'Hana',
  'Ivan',
  'Julia',
  'Kofi',
  'Lena',
  'Marco',
  'Nina',
  'Oleg',
  'Priya',
  'Rosa',
  'Sven',
  'Tara',
  'Yuri',
]

export const LAST = [
  'Lee',
  'Petrov',
  'Garcia',
  'Novak',
  'Smith',
  'Ivanova',
  'Khan',
  'Rossi',
  'Sato',
  'Müller',
  'Brown',
  'Kuznetsov',
  'Silva',
  'Olsen',
  'Dubois',
]

export const ROLES = [
  'Head of Operations',
  'CFO',
  'Product Manager',
  'Support Lead',
  'Analyst',
  'CTO',
  'Office Manager',
  'Sales Director',
  'Founder',
  'Team Lead',
]

export const PLANS = ['Starter', 'Team', 'Business', 'Enterprise']

export const DAY = 86_400_000

export const iso = (ms: number) => new Date(ms).toISOString()

export const isoDate = (ms: number) => iso(ms).slice(0, 10)

/** A company's segment and MRR (minor units): a segment mix with a long tail of small accounts. */
export function segmentAndMrr(rng: Prng): { segment: string | null; mrr: number } {
  const segment = rng.weighted<string | null>([
    ['A', 10],
    ['B', 20],
    ['C', 35],
    ['D', 20],
    [null, 15],
  ])
  const mrr =
    segment === 'A'
      ? rng.int(500_000, 5_000_000)
      : segment === 'B'
        ? rng.int(100_000, 500_000)
        : rng.int(2_000, 100_000)
  return { segment, mrr }
}

export const INTERVIEWERS = ['Maria K.', 'Tom R.', 'Aisha B.', 'Pavel S.']

export function questionIds(body: ScriptBody): string[] {
  return body.sections.flatMap((s) => s.questions.map((q) => q.id))
}
