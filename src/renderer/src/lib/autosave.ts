/** 'error': a write failed and will be retried; 'refused': the library refused it and a retry cannot help. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'refused'

/** One key's state and, when it failed or was refused, why. */
export interface KeyStatus {
  state: SaveState
  error: unknown
}
const SAVED: KeyStatus = { state: 'saved', error: null }

/** Error codes for which the same write would be refused again: never retried, shown to the user instead. */
const PERMANENT_CODES = new Set(['TOO_LARGE', 'VALIDATION'])

/** Every live queue, so the app can flush them all when the window is about to close. */
const liveQueues = new Set<AutosaveQueue>()

/** Writes everything pending in every queue; resolves true only if all of it reached the library. */
export async function flushAllQueues(): Promise<boolean> {
  const queues = [...liveQueues]
  await Promise.all(queues.map((q) => q.flush()))
  return queues.every((q) => !q.hasPending() && q.status !== 'error' && q.status !== 'refused')
}
export type SaveTask = (opts: { keepalive: boolean }) => Promise<unknown>

/**
 * Debounced, per-key autosave. Only the latest edit of a key is written; writes of one key never overlap;
 * flush() writes everything pending now (switching question, interview or window). A failed write keeps
 * the edit pending and retries on the next change or flush, and by itself after a growing pause
 * (2 s, doubling up to 30 s), so nothing typed is dropped. A refusal that cannot change on retry (TOO_LARGE,
 * VALIDATION) is not retried: the key is 'refused' until a newer edit of it is written. Each key has its own
 * status (statusOf), so a screen can show a failure beside what failed.
 */
export class AutosaveQueue {
  private pending = new Map<string, SaveTask>()
  private inFlight = new Map<string, Promise<void>>()
  /** The newest edit scheduled per key: only that one may be put back after a failed write. */
  private latest = new Map<string, SaveTask>()
  /** Keys whose last write failed; the status stays 'error' until each of them is written. */
  private failed = new Set<string>()
  /** Keys whose last write was refused for good, with the refusal. */
  private refused = new Map<string, unknown>()
  /** Per-key status; a key not in the map is saved. Replaced (not mutated) so snapshots stay comparable. */
  private keys = new Map<string, KeyStatus>()
  private keyListeners = new Set<() => void>()
  private timer: ReturnType<typeof setTimeout> | null = null
  static readonly FIRST_RETRY_MS = 2_000
  static readonly MAX_RETRY_MS = 30_000
  private retryMs = AutosaveQueue.FIRST_RETRY_MS
  private listeners = new Set<(s: SaveState) => void>()
  private state: SaveState = 'saved'
  lastError: unknown = null

  /** When the first of the pending edits was scheduled: typing without pause still saves within maxWaitMs. */
  private firstPendingAt: number | null = null

  constructor(
    private readonly delayMs = 600,
    private readonly maxWaitMs = 1000,
  ) {
    liveQueues.add(this)
  }

  /** Count this queue among those flushed before the window closes (again, after dispose()). */
  track(): void {
    liveQueues.add(this)
  }

  /** Stop tracking this queue (its screen is gone); a flush already started still finishes. */
  dispose(): void {
    liveQueues.delete(this)
  }

  get status(): SaveState {
    return this.state
  }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The status of one key: 'saved' when nothing of it is waiting, failed or refused. */
  statusOf(key: string): KeyStatus {
    return this.keys.get(key) ?? SAVED
  }

  /** Every key that is not saved; a new Map object after each change (for useSyncExternalStore). */
  get keyStatuses(): ReadonlyMap<string, KeyStatus> {
    return this.keys
  }

  /** Called whenever any key's status changes (not on every edit of a key already pending). */
  subscribeKeys(listener: () => void): () => void {
    this.keyListeners.add(listener)
    return () => this.keyListeners.delete(listener)
  }

  schedule(key: string, task: SaveTask): void {
    this.pending.set(key, task)
    this.latest.set(key, task)
    // A failed or refused key keeps saying so until a newer edit's write settles it, rather than flickering.
    const was = this.statusOf(key).state
    if (was === 'saved' || was === 'saving') this.setKey(key, 'pending', null)
    this.setState('pending')
    const now = Date.now()
    this.firstPendingAt ??= now
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPendingAt + this.maxWaitMs - now))
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), wait)
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0
  }

  async flush(opts: { keepalive?: boolean } = {}): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.firstPendingAt = null
    const batch = [...this.pending.entries()]
    this.pending.clear()
    await Promise.all(batch.map(([key, task]) => this.run(key, task, opts.keepalive ?? false)))
    await Promise.all(this.inFlight.values())
  }

  private run(key: string, task: SaveTask, keepalive: boolean): Promise<void> {
    const previous = this.inFlight.get(key) ?? Promise.resolve()
    this.setState('saving')
    const next = previous.then(async () => {
      if (this.statusOf(key).state === 'pending') this.setKey(key, 'saving', null)
      try {
        await task({ keepalive })
        this.failed.delete(key)
        this.refused.delete(key)
        if (this.failed.size === 0) {
          this.lastError = null
          this.retryMs = AutosaveQueue.FIRST_RETRY_MS
        }
        if (this.latest.get(key) === task) this.latest.delete(key)
        this.settleKey(key)
      } catch (err) {
        if (isGone(err)) {
          // The interview (or note's owner) was deleted: there is nowhere left to save to, so stop retrying.
          if (this.latest.get(key) === task) this.latest.delete(key)
          this.settleKey(key)
          return
        }
        if (isPermanent(err)) {
          // Sending the same edit again would be refused again: wait for a newer edit of this key instead.
          this.failed.delete(key)
          this.refused.set(key, err)
          if (this.latest.get(key) === task) this.latest.delete(key)
          this.setKey(key, 'refused', err)
          return
        }
        this.lastError = err
        this.failed.add(key)
        this.refused.delete(key)
        this.setKey(key, 'error', err)
        // Keep the edit unless a newer one for this key replaced it (pending, or already taken by a flush and
        // queued behind this write): retrying a stale edit would overwrite newer text.
        if (this.latest.get(key) === task && !this.pending.has(key)) this.pending.set(key, task)
        this.scheduleRetry()
      }
    })
    this.inFlight.set(key, next)
    void next.finally(() => {
      if (this.inFlight.get(key) === next) this.inFlight.delete(key)
      if (this.inFlight.size === 0)
        this.setState(
          this.failed.size
            ? 'error'
            : this.refused.size
              ? 'refused'
              : this.pending.size
                ? 'pending'
                : 'saved',
        )
    })
    return next
  }

  /** After a write of `key` settled without failing: saved, unless a newer edit of it is still to be written. */
  private settleKey(key: string): void {
    if (this.pending.has(key) || this.latest.has(key)) this.setKey(key, 'pending', null)
    else this.setKey(key, 'saved', null)
  }

  private setKey(key: string, state: SaveState, error: unknown): void {
    const old = this.statusOf(key)
    if (old.state === state && old.error === error) return
    const keys = new Map(this.keys)
    if (state === 'saved') keys.delete(key)
    else keys.set(key, { state, error })
    this.keys = keys
    for (const l of this.keyListeners) l()
  }

  private scheduleRetry(): void {
    if (this.timer) return
    this.timer = setTimeout(() => void this.flush(), this.retryMs)
    this.retryMs = Math.min(this.retryMs * 2, AutosaveQueue.MAX_RETRY_MS)
  }

  private setState(s: SaveState): void {
    if (s === this.state) return
    this.state = s
    for (const l of this.listeners) l(s)
  }
}

function isPermanent(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
  return typeof code === 'string' && PERMANENT_CODES.has(code)
}

function isGone(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'NOT_FOUND'
}
