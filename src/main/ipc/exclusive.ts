/**
 * A long import writes in batches inside one transaction and lets the event loop breathe between them, so
 * the app can report its progress. While it runs it holds the library alone: every other call waits for it
 * (a call that ran in between would join its transaction and be undone with it on a failure), except the
 * few marked `concurrent`, which answer from memory.
 */
const running = new WeakMap<object, Promise<unknown>>()

export async function waitForExclusive(owner: object): Promise<void> {
  for (let job = running.get(owner); job; job = running.get(owner)) await job.catch(() => undefined)
}

export function runExclusive<T>(owner: object, job: () => Promise<T>): Promise<T> {
  // Chained synchronously, so two jobs started together still run one after the other.
  const before = running.get(owner) ?? Promise.resolve()
  const mine = before.catch(() => undefined).then(job)
  running.set(owner, mine)
  const release = () => {
    if (running.get(owner) === mine) running.delete(owner)
  }
  mine.then(release, release)
  return mine
}

export function isExclusiveRunning(owner: object): boolean {
  return running.has(owner)
}
