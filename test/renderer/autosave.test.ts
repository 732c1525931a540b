import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AutosaveQueue, flushAllQueues, type SaveState } from '../../src/renderer/src/lib/autosave'

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void
  let reject!: (e: unknown) => void
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

function watch(queue: AutosaveQueue): SaveState[] {
  const seen: SaveState[] = []
  queue.subscribe((s) => seen.push(s))
  return seen
}

describe('AutosaveQueue', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits for a pause in typing, then writes only the latest edit of a key', async () => {
    const queue = new AutosaveQueue(600)
    const seen = watch(queue)
    const written: string[] = []
    const edit = (text: string) => queue.schedule('note:q1', async () => void written.push(text))

    edit('h')
    await vi.advanceTimersByTimeAsync(300)
    edit('he')
    await vi.advanceTimersByTimeAsync(300)
    edit('hello')
    // The pause after the last edit is cut short by the 1 s ceiling counted from the first unsaved edit.
    await vi.advanceTimersByTimeAsync(399)
    expect(written).toEqual([])
    expect(queue.status).toBe('pending')

    await vi.advanceTimersByTimeAsync(1)
    expect(written).toEqual(['hello'])
    expect(queue.status).toBe('saved')
    expect(queue.hasPending()).toBe(false)
    expect(seen).toEqual(['pending', 'saving', 'saved'])
  })

  it('saves at least once a second while someone types without pause', async () => {
    const queue = new AutosaveQueue(600, 1000)
    const writtenAt: number[] = []
    const start = Date.now()
    for (let i = 0; i < 12; i++) {
      queue.schedule('note:q1', async () => void writtenAt.push(Date.now() - start))
      await vi.advanceTimersByTimeAsync(250)
    }
    expect(writtenAt.length).toBeGreaterThanOrEqual(2)
    for (const [i, at] of writtenAt.entries())
      expect(at - (i === 0 ? 0 : writtenAt[i - 1]!)).toBeLessThanOrEqual(1250)
  })

  it('stops retrying an edit whose interview no longer exists', async () => {
    const queue = new AutosaveQueue(100)
    let attempts = 0
    queue.schedule('note:q1', async () => {
      attempts++
      throw Object.assign(new Error('Interview x was not found.'), { code: 'NOT_FOUND' })
    })
    await vi.advanceTimersByTimeAsync(100)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempts).toBe(1)
    expect(queue.hasPending()).toBe(false)
  })

  it('writes each key’s latest edit, across keys', async () => {
    const queue = new AutosaveQueue(600)
    const written: string[] = []
    queue.schedule('a', async () => void written.push('a1'))
    queue.schedule('b', async () => void written.push('b1'))
    queue.schedule('a', async () => void written.push('a2'))
    await vi.advanceTimersByTimeAsync(600)
    expect(written.sort()).toEqual(['a2', 'b1'])
  })

  it('never overlaps two writes of one key: the second starts after the slow first finished', async () => {
    const queue = new AutosaveQueue(600)
    const log: string[] = []
    const first = deferred()
    queue.schedule('k', async () => {
      log.push('first:start')
      await first.promise
      log.push('first:end')
    })
    await vi.advanceTimersByTimeAsync(600)
    expect(log).toEqual(['first:start'])
    expect(queue.status).toBe('saving')

    queue.schedule('k', async () => void log.push('second:start'))
    await vi.advanceTimersByTimeAsync(600)
    expect(log).toEqual(['first:start']) // second is queued behind the first, not running beside it
    expect(queue.hasPending()).toBe(true)

    first.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(log).toEqual(['first:start', 'first:end', 'second:start'])
    expect(queue.status).toBe('saved')
  })

  it('flush() writes pending edits at once and waits for writes already in flight', async () => {
    const queue = new AutosaveQueue(600)
    const log: string[] = []
    const slow = deferred()
    queue.schedule('a', async () => {
      log.push('a:start')
      await slow.promise
      log.push('a:end')
    })
    await vi.advanceTimersByTimeAsync(600) // a is now in flight
    queue.schedule('b', async () => void log.push('b'))

    let flushed = false
    const flushing = queue.flush().then(() => (flushed = true))
    await vi.advanceTimersByTimeAsync(0) // no debounce wait for b
    expect(log).toEqual(['a:start', 'b'])
    expect(flushed).toBe(false) // a is still being written

    slow.resolve()
    await flushing
    expect(log).toEqual(['a:start', 'b', 'a:end'])
    expect(queue.status).toBe('saved')
    expect(queue.hasPending()).toBe(false)
  })

  it('passes keepalive through to the task when flushing as the page goes away', async () => {
    const queue = new AutosaveQueue(600)
    const task = vi.fn(async (_opts: { keepalive: boolean }) => {})
    queue.schedule('k', task)
    await queue.flush({ keepalive: true })
    expect(task).toHaveBeenCalledWith({ keepalive: true })
  })

  it('keeps a failed edit pending with status error, and a later flush retries it to saved', async () => {
    const queue = new AutosaveQueue(600)
    const seen = watch(queue)
    const attempts: string[] = []
    let failing = true
    queue.schedule('k', async () => {
      attempts.push('try')
      if (failing) throw new Error('disk full')
    })
    await vi.advanceTimersByTimeAsync(600)
    expect(attempts).toEqual(['try'])
    expect(queue.status).toBe('error')
    expect((queue.lastError as Error).message).toBe('disk full')
    expect(queue.hasPending()).toBe(true) // the edit is not dropped

    failing = false
    await queue.flush()
    expect(attempts).toEqual(['try', 'try'])
    expect(queue.status).toBe('saved')
    expect(queue.lastError).toBeNull()
    expect(queue.hasPending()).toBe(false)
    expect(seen).toEqual(['pending', 'saving', 'error', 'saving', 'saved'])
  })

  it('does not resurrect a failed edit over a newer one for the same key', async () => {
    const queue = new AutosaveQueue(600)
    const written: string[] = []
    const slow = deferred()
    queue.schedule('k', async () => {
      await slow.promise
      throw new Error('offline')
    })
    await vi.advanceTimersByTimeAsync(600) // old edit in flight
    queue.schedule('k', async () => void written.push('new'))
    slow.resolve()
    await queue.flush()
    expect(written).toEqual(['new'])
    expect(queue.hasPending()).toBe(false)
    expect(queue.status).toBe('saved')
  })

  it('stays in error while one key failed even if another key then saves', async () => {
    const queue = new AutosaveQueue(600)
    const slow = deferred()
    let failing = true
    queue.schedule('a', async () => {
      if (failing) throw new Error('offline')
    })
    queue.schedule('b', async () => slow.promise)
    await vi.advanceTimersByTimeAsync(600) // a has failed, b is still being written
    slow.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(queue.status).toBe('error')
    expect(queue.hasPending()).toBe(true)

    failing = false
    await queue.flush()
    expect(queue.status).toBe('saved')
    expect(queue.lastError).toBeNull()
  })

  it('stops notifying after unsubscribe', async () => {
    const queue = new AutosaveQueue(600)
    const listener = vi.fn()
    const off = queue.subscribe(listener)
    queue.schedule('k', async () => {})
    off()
    await vi.advanceTimersByTimeAsync(600)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith('pending')
  })
})

describe('AutosaveQueue retries by itself', () => {
  it('retries a failed write after 2 s, then backs off, and ends saved', async () => {
    vi.useFakeTimers()
    try {
      const q = new AutosaveQueue(100)
      let attempts = 0
      q.schedule('note:q1', async () => {
        attempts++
        if (attempts < 3) throw new Error('disk busy')
      })
      await vi.advanceTimersByTimeAsync(100)
      expect(attempts).toBe(1)
      expect(q.status).toBe('error')
      await vi.advanceTimersByTimeAsync(1_999)
      expect(attempts).toBe(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(attempts).toBe(2)
      // The second pause is twice as long.
      await vi.advanceTimersByTimeAsync(3_999)
      expect(attempts).toBe(2)
      await vi.advanceTimersByTimeAsync(1)
      expect(attempts).toBe(3)
      expect(q.status).toBe('saved')
      expect(q.hasPending()).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('AutosaveQueue: refusals and per-key status', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const tooLarge = () => Object.assign(new Error('This note has 5000000 characters'), { code: 'TOO_LARGE' })

  it('never retries a refusal no retry can change; a newer edit of that key that fits saves and clears it', async () => {
    const queue = new AutosaveQueue(100)
    const seen = watch(queue)
    let attempts = 0
    queue.schedule('note:q1', async () => {
      attempts++
      throw tooLarge()
    })
    await vi.advanceTimersByTimeAsync(100)
    await vi.advanceTimersByTimeAsync(120_000) // no retry storm: the backoff timer never runs for a refusal
    expect(attempts).toBe(1)
    expect(queue.status).toBe('refused')
    expect(queue.statusOf('note:q1')).toMatchObject({ state: 'refused', error: { code: 'TOO_LARGE' } })
    expect(queue.hasPending()).toBe(false)
    expect(await flushAllQueues()).toBe(false) // closing the window asks first

    // Typing on in the refused note keeps saying "refused" until the next write settles it.
    const written: string[] = []
    queue.schedule('note:q1', async () => void written.push('short'))
    expect(queue.statusOf('note:q1').state).toBe('refused')
    await vi.advanceTimersByTimeAsync(100)
    expect(written).toEqual(['short'])
    expect(queue.statusOf('note:q1').state).toBe('saved')
    expect(queue.status).toBe('saved')
    expect(seen).toEqual(['pending', 'saving', 'refused', 'pending', 'saving', 'saved'])
    queue.dispose()
  })

  it('treats VALIDATION as a refusal too, and keeps retrying transient failures', async () => {
    const queue = new AutosaveQueue(100)
    let invalid = 0
    let offline = 0
    queue.schedule('a', async () => {
      invalid++
      throw Object.assign(new Error('bad'), { code: 'VALIDATION' })
    })
    queue.schedule('b', async () => {
      offline++
      throw new TypeError('Failed to fetch')
    })
    await vi.advanceTimersByTimeAsync(100 + 2_000 + 4_000)
    expect(invalid).toBe(1)
    expect(offline).toBe(3)
    expect(queue.statusOf('a').state).toBe('refused')
    expect(queue.statusOf('b').state).toBe('error')
    expect(queue.status).toBe('error') // a retrying failure is the more urgent of the two
    queue.dispose()
  })

  it('keeps each key’s status apart: one question’s failure never shows on another', async () => {
    const queue = new AutosaveQueue(100)
    const changes = vi.fn()
    queue.subscribeKeys(changes)
    queue.schedule('note:q1', async () => {
      throw tooLarge()
    })
    queue.schedule('note:q2', async () => {})
    expect(queue.statusOf('note:q1').state).toBe('pending')
    expect(queue.statusOf('note:q2').state).toBe('pending')
    await vi.advanceTimersByTimeAsync(100)
    expect(queue.statusOf('note:q1').state).toBe('refused')
    expect(queue.statusOf('note:q2')).toEqual({ state: 'saved', error: null })
    expect([...queue.keyStatuses.keys()]).toEqual(['note:q1'])

    // Further edits of a key already pending change no status, so a screen does not re-render per keystroke.
    changes.mockClear()
    queue.schedule('note:q2', async () => {})
    queue.schedule('note:q2', async () => {})
    queue.schedule('note:q2', async () => {})
    expect(changes).toHaveBeenCalledTimes(1)
    queue.dispose()
  })
})
