import { assertNonNegativeFinite } from './util'

/**
 * CLV (Customer Lifetime Value), domain brief 1.6.4:
 * CLV = average purchase value × purchases per year × relationship length in years.
 * The result is in the same money unit as `averagePurchaseValue`.
 */
export interface ClvInput {
  averagePurchaseValue: number
  purchasesPerYear: number
  years: number
}

/** Throws RangeError on negative or non-finite inputs. */
export function computeClv(input: ClvInput): number {
  const value = assertNonNegativeFinite(input.averagePurchaseValue, 'Average purchase value')
  const perYear = assertNonNegativeFinite(input.purchasesPerYear, 'Purchases per year')
  const years = assertNonNegativeFinite(input.years, 'Relationship length in years')
  return value * perYear * years
}
