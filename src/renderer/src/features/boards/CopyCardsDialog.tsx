import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useApi, useApiMutation } from '../../lib/queries'

/** Copies the selected cards to another board (each lands in the matching stage and lane there). */
export function CopyCardsDialog({
  boardId,
  cardIds,
  beforeCopy,
  onClose,
}: {
  boardId: string
  cardIds: readonly string[]
  /** Saves this board first: the library copies its saved cards. */
  beforeCopy: () => Promise<void>
  onClose: () => void
}) {
  const { t } = useTranslation()
  const boards = useApi('boards:list')
  const copy = useApiMutation('boards:copyCards')
  const others = (boards.data ?? []).filter((b) => b.id !== boardId)
  const [chosen, setTarget] = useState('')
  const target = chosen || others[0]?.id || ''
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    await beforeCopy()
    copy.mutate({ fromBoardId: boardId, cardIds: [...cardIds], toBoardId: target })
  }
  return (
    <Modal title={t('boards.copy.title', { count: cardIds.length })} onClose={onClose}>
      {others.length === 0 && boards.data ? (
        <p>{t('boards.copy.noOther')}</p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => void submit(e)}
          aria-label={t('boards.copy.title', { count: cardIds.length })}
        >
          <label>
            {t('boards.copy.to')}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              {others.map((b) => (
                <option key={b.id} value={b.id}>
                  {`${b.name} (${b.studyName})`}
                </option>
              ))}
            </select>
          </label>
          {copy.data && (
            <p role="status">
              {t('boards.copy.done', { count: copy.data.copied, skipped: copy.data.skipped })}
            </p>
          )}
          <ErrorNote error={copy.error} />
          <div className="actions">
            <button type="button" className="secondary" onClick={onClose}>
              {copy.data ? t('boards.copy.close') : t('common.cancel')}
            </button>
            {!copy.data && (
              <button type="submit" disabled={!target || copy.isPending}>
                {t('boards.copy.submit')}
              </button>
            )}
          </div>
        </form>
      )}
    </Modal>
  )
}
