import type { Pseudonym } from '../../../shared/reports/anonymize'
import type { ServiceContext } from '../../db/context'

/**
 * Every participant and company of the library with its pseudonym (P3, C12, from the number each got at
 * creation): an anonymized report removes every listed name, not only those in its scope, because a quote
 * from one study may name a customer interviewed in another.
 */
export function pseudonyms(ctx: ServiceContext): Pseudonym[] {
  const participants = ctx.sqlite
    .prepare('select name, email, phone, alias_number as n from participants order by alias_number')
    .all() as { name: string; email: string; phone: string; n: number }[]
  const companies = ctx.sqlite
    .prepare('select name, alias_number as n from companies order by alias_number')
    .all() as { name: string; n: number }[]
  return [
    ...participants.map((p) => ({
      kind: 'participant' as const,
      name: p.name,
      alias: `P${p.n}`,
      email: p.email,
      phone: p.phone,
    })),
    ...companies.map((c) => ({ kind: 'company' as const, name: c.name, alias: `C${c.n}` })),
  ]
}
