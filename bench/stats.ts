import { performance } from 'node:perf_hooks'

/** Nearest-rank percentile (p in 0..100) of a list of samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] as number
}

export const median = (samples: readonly number[]): number => percentile(samples, 50)
export const max = (samples: readonly number[]): number => Math.max(...samples)

/**
 * Times `runs` calls of fn after `warmup` untimed ones. fn gets the call's index (warm-up calls included), so
 * it can rotate through inputs prepared beforehand; only the call itself is inside the timed span.
 */
export async function sample(
  opts: { warmup: number; runs: number },
  fn: (i: number) => Promise<unknown> | unknown,
): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn(i)
  const out: number[] = []
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now()
    await fn(opts.warmup + i)
    out.push(performance.now() - t0)
  }
  return out
}

/**
 * Two paths timed in alternation, sample by sample (first a then b, then b then a), so drift on the machine
 * (other load, heap growth, clock changes) weighs on both alike instead of on whichever series ran later.
 */
export async function samplePaired(
  opts: { warmup: number; runs: number },
  a: (i: number) => Promise<unknown> | unknown,
  b: (i: number) => Promise<unknown> | unknown,
): Promise<[number[], number[]]> {
  for (let i = 0; i < opts.warmup; i++) {
    await a(i)
    await b(i)
  }
  const outA: number[] = []
  const outB: number[] = []
  const time = async (fn: typeof a, i: number, out: number[]) => {
    const t0 = performance.now()
    await fn(i)
    out.push(performance.now() - t0)
  }
  for (let i = 0; i < opts.runs; i++) {
    const n = opts.warmup + i
    if (i % 2 === 0) {
      await time(a, n, outA)
      await time(b, n, outB)
    } else {
      await time(b, n, outB)
      await time(a, n, outA)
    }
  }
  return [outA, outB]
}
