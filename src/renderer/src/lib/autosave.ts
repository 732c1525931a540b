export type SaveState = 'saved' | 'pending' | 'saving' | 'error'
export type SaveTask = (opts: { keepalive: boolean }) => Promise<unknown>

/**
 * Debounced, per-key autosave. Only the latest edit of a key is written; writes of one key never overlap;
 * flush() writes everything pending now (switching question, interview or window). A failed write keeps
 * the edit pending and retries on the next change or flush, so nothing typed is dropped.
 */
export class AutosaveQueue {
  private pending = new Map<string, SaveTask>()
  private inFlight = new Map<string, Promise<void>>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private listeners = new Set<(s: SaveState) => void>()
  private state: SaveState = 'saved'
  lastError: unknown = null

  constructor(private readonly delayMs = 600) {}

  get status(): SaveState {
    return this.state
  }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  schedule(key: string, task: SaveTask): void {
    this.pending.set(key, task)
    this.setState('pending')
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), this.delayMs)
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0
  }

  async flush(opts: { keepalive?: boolean } = {}): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = [...this.pending.entries()]
    this.pending.clear()
    await Promise.all(batch.map(([key, task]) => this.run(key, task, opts.keepalive ?? false)))
    await Promise.all(this.inFlight.values())
  }

  private run(key: string, task: SaveTask, keepalive: boolean): Promise<void> {
    const previous = this.inFlight.get(key) ?? Promise.resolve()
    this.setState('saving')
    const next = previous.then(async () => {
      try {
        await task({ keepalive })
        this.lastError = null
      } catch (err) {
        this.lastError = err
        // Keep the edit unless a newer one for this key already replaced it.
        if (!this.pending.has(key)) this.pending.set(key, task)
      }
    })
    this.inFlight.set(key, next)
    void next.finally(() => {
      if (this.inFlight.get(key) === next) this.inFlight.delete(key)
      if (this.inFlight.size === 0) this.setState(this.lastError ? 'error' : this.pending.size ? 'pending' : 'saved')
    })
    return next
  }

  private setState(s: SaveState): void {
    if (s === this.state) return
    this.state = s
    for (const l of this.listeners) l(s)
  }
}
