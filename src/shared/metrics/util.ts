/**
 * Shared helpers for the metric formulas. Pure functions only: no I/O, no Node built-ins.
 */

/**
 * Round a metric for display, half away from zero (so 46.666… → 46.7 and −3.35 → −3.4).
 * The metric functions themselves never round; call this at the presentation edge.
 * Binary floating-point noise (1.005 stored as 1.00499…) is absorbed before rounding.
 */
export function roundMetric(x: number, digits = 1): number {
  if (!Number.isFinite(x)) throw new RangeError(`Cannot round a non-finite value: ${x}`)
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) {
    throw new RangeError(`digits must be an integer from 0 to 10, got ${digits}`)
  }
  const factor = 10 ** digits
  const scaled = Number((Math.abs(x) * factor).toPrecision(15))
  const rounded = (Math.sign(x) * Math.round(scaled)) / factor
  // Avoid returning -0 (e.g. for -0.04 at 1 digit), which would display as "-0".
  return rounded === 0 ? 0 : rounded
}

/** @internal Throws unless `value` is an integer in [min, max]. */
export function assertIntegerInRange(value: unknown, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer from ${min} to ${max}, got ${String(value)}`)
  }
  return value
}

/** @internal Throws unless `value` is a finite number ≥ 0. */
export function assertNonNegativeFinite(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite number ≥ 0, got ${String(value)}`)
  }
  return value
}

/** @internal Throws unless `value` is a safe integer ≥ 0 (counts, money in minor units). */
export function assertNonNegativeSafeInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number ≥ 0, got ${String(value)}`)
  }
  return value
}

/**
 * @internal `part / whole × 100`, computed as `(part × 100) / whole` so that integer inputs give
 * a correctly rounded result (e.g. 100/200 → exactly 50). `whole` must be non-zero.
 */
export function percentOf(part: number, whole: number): number {
  return (part * 100) / whole
}
