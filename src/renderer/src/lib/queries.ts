import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contracts'
import { call, type ApiError } from './api'

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

const DERIVED_DOMAINS = ['churn', 'forces', 'matrix', 'stories', 'evidence', 'search']

/** Server data keyed by channel and input, as the architecture prescribes. */
export function useApi<C extends Channel>(
  channel: C,
  input?: ChannelInput<C>,
  opts?: { enabled?: boolean; refetchInterval?: number },
) {
  return useQuery<ChannelOutput<C>, ApiError>({
    queryKey: [channel, input ?? null],
    queryFn: () => call(channel, input),
    enabled: opts?.enabled ?? true,
    ...(opts?.refetchInterval ? { refetchInterval: opts.refetchInterval } : {}),
  })
}

/**
 * A mutation that refreshes what it may have changed: every query of the same domain, plus any extra
 * domains named (an interview's change shows on its study and company pages too).
 */
export function useApiMutation<C extends Channel>(channel: C, alsoInvalidate: string[] = []) {
  const qc = useQueryClient()
  // Roll-ups, evidence and search are computed from everything else, so any change may move them.
  const domains = new Set([channel.split(':')[0], ...alsoInvalidate, ...DERIVED_DOMAINS])
  return useMutation<ChannelOutput<C>, ApiError, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () =>
      qc.invalidateQueries({
        predicate: (q) => typeof q.queryKey[0] === 'string' && domains.has(q.queryKey[0].split(':')[0] ?? ''),
      }),
  })
}
