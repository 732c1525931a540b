/**
 * Value-axis ticks at round steps (1, 2 or 5 × a power of ten), at most `most` intervals, from 0 to the
 * first tick at or above `max`. On a count axis (`integer`) the step is at least 1: half a company is not
 * a value anyone can have, so an axis whose largest bar is 1 reads 0, 1 — never 0, 0.5, 1.
 */
export function axisTicks(max: number, { integer, most = 4 }: { integer: boolean; most?: number }): number[] {
  if (!(max > 0)) return [0, 1]
  const raw = max / most
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  let step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw - 1e-12) ?? 10 * magnitude
  if (integer) step = Math.max(1, Math.ceil(step))
  const top = Math.ceil(max / step - 1e-9) * step
  const ticks: number[] = []
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v / step) * step)
  return ticks
}
