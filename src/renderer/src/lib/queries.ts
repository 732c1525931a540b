import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import {
  contract,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type WriteChannel,
} from '../../../shared/ipc/contracts'
import { domainOf } from '../../../shared/ipc/domains'
import { send, type ApiError } from './api'

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
      mutations: { retry: false },
    },
  })
  // The interview runner seeds its editors from these once, and autosave writes around the cache: never
  // reopen an interview from a cached copy, or older notes would show and then overwrite newer ones.
  for (const channel of ['notes:list', 'interviews:get', 'transcripts:list', 'highlights:listForInterview'])
    client.setQueryDefaults([channel], { gcTime: 0, staleTime: 0, refetchOnMount: 'always' })
  return client
}

/** Server data keyed by channel and input, as the architecture prescribes. */
export function useApi<C extends Channel>(
  channel: C,
  input?: ChannelInput<C>,
  opts?: { enabled?: boolean; refetchInterval?: number; seedOnce?: boolean; uncached?: boolean },
) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: [channel, input ?? null],
    queryFn: () => send(channel, input),
    enabled: opts?.enabled ?? true,
    ...(opts?.refetchInterval ? { refetchInterval: opts.refetchInterval } : {}),
    // For data a screen reads once to seed its own state (the runner's editors): a refetch after that
    // screen's own saves updates the cache for the next visit without re-rendering the screen mid-typing.
    ...(opts?.seedOnce ? { notifyOnChangeProps: ['status', 'error'] as const } : {}),
    // For answers that depend on more than their input (the folder picker starts beside whichever library is
    // open): dropped when the last reader unmounts, so the next dialog never shows an earlier one's answer.
    ...(opts?.uncached ? { gcTime: 0 } : {}),
  })
}

/**
 * Refreshes exactly what a write may have changed: the cached reads of the domains its contract entry names
 * (test/main/affects.test.ts holds those lists to what the write really changes).
 */
export function refreshAfter(qc: QueryClient, channel: WriteChannel): Promise<void> {
  const domains = new Set<string>(contract[channel].affects)
  return qc.invalidateQueries({
    predicate: (q) => typeof q.queryKey[0] === 'string' && domains.has(domainOf(q.queryKey[0])),
  })
}

export interface WriteOptions {
  keepalive?: boolean
  /**
   * Resolve once the write is saved, refreshing in the background: for autosave, whose status and queue
   * follow the save itself, not the refetches it starts. By default the refresh is awaited too, so what
   * runs next sees fresh data.
   */
  background?: boolean
}

/** A write outside a mutation hook (autosave, a dialog's own call): call it, then refresh what it affects. */
export async function write<C extends WriteChannel>(
  qc: QueryClient,
  channel: C,
  input: ChannelInput<C>,
  opts: WriteOptions = {},
): Promise<ChannelOutput<C>> {
  const value = await send(channel, input, opts.keepalive ? { keepalive: true } : undefined)
  const refreshed = refreshAfter(qc, channel)
  if (!opts.background) await refreshed
  return value
}

/** The one mutation path: a write whose success refreshes the domains its contract declares. */
export function useApiMutation<C extends WriteChannel>(channel: C) {
  const qc = useQueryClient()
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => send(channel, input),
    onSuccess: () => refreshAfter(qc, channel),
  })
}

/** write() bound to the app's query client, for event handlers and hooks that are not a mutation. */
export function useWrite() {
  const qc = useQueryClient()
  return useCallback(
    <C extends WriteChannel>(channel: C, input: ChannelInput<C>, opts?: WriteOptions) =>
      write(qc, channel, input, opts),
    [qc],
  )
}
