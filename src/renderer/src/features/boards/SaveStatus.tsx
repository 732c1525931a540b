import { useTranslation } from 'react-i18next'
import type { BoardSaveState } from './useBoardDocument'

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error ?? ''))

/** The board's saved state, always on screen; a conflict says why and offers the library's version. */
export function SaveStatus({
  state,
  error,
  onReload,
}: {
  state: BoardSaveState
  error: unknown
  onReload: () => void
}) {
  const { t } = useTranslation()
  if (state === 'conflict')
    return (
      <div className="board-conflict" role="alert">
        <p>
          <strong>{t('boards.save.conflictTitle')}</strong> {messageOf(error)}
        </p>
        <button type="button" onClick={onReload}>
          {t('boards.save.reload')}
        </button>
      </div>
    )
  const text =
    state === 'saved'
      ? t('boards.save.saved')
      : state === 'error'
        ? t('boards.save.error', { message: messageOf(error) })
        : state === 'refused'
          ? t('boards.save.refused', { message: messageOf(error) })
          : t('boards.save.saving')
  return (
    <p className={`save-state save-${state}`} role="status" aria-live="polite" data-testid="board-save-state">
      {text}
    </p>
  )
}
