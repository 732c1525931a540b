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
