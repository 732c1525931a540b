import { useInfiniteQuery } from '@tanstack/react-query'
import type { ChannelInput } from '../../../../shared/ipc/contracts'
import type { EvidenceList } from '../../../../shared/ipc/contracts/evidence'
import { call, type ApiError } from '../../lib/api'

export const PAGE_SIZE = 200

type ListInput = Omit<ChannelInput<'evidence:list'>, 'offset' | 'limit'>

/**
 * evidence:list one page at a time, for a virtualized list. Keyed like useApi (channel first), so
 * mutations that invalidate the 'evidence' domain refresh it too. useApi has no paging, hence this hook.
 */
export function useEvidencePages(input: ListInput) {
  return useInfiniteQuery<EvidenceList, ApiError, { pages: EvidenceList[] }, unknown[], number>({
    queryKey: ['evidence:list', input],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => call('evidence:list', { ...input, offset: pageParam, limit: PAGE_SIZE }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0)
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined
    },
  })
}
