import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Board, BoardContent, BoardInsights } from '../../../../shared/domain/board'
import { ErrorNote } from '../../components/ErrorNote'
import { downloadFile } from '../../lib/download'
import { BOARD_FORMATS, boardFile, type BoardFormat } from './board-export'

interface Props {
  board: Board
  content: BoardContent
  insights: BoardInsights | undefined
  /** Lanes the presentation leaves out: exporting while presenting exports what is being shown. */
  leftOut: ReadonlySet<string>
}

/**
 * The board's exports, from the copy on screen. The file is made here, in the page, from the same builders
 * the tests read; the status line says which file was made so a keyboard or screen-reader user knows it worked.
 */
export function BoardExportMenu({ board, content, insights, leftOut }: Props) {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState<BoardFormat | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  const run = async (format: BoardFormat) => {
    if (!insights) return
    setBusy(format)
    setDone(null)
    setError(null)
    try {
      const file = await boardFile(format, { ...board, content }, insights, {
        language: i18n.language === 'ru' ? 'ru' : 'en',
        hiddenLanes: [...leftOut],
      })
      downloadFile(file.fileName, file.data, file.type)
      setDone(t('boards.export.done', { file: file.fileName }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }

  return (
    <details className="board-export">
      <summary>{t('boards.export.label')}</summary>
      <div className="board-export-menu" role="group" aria-label={t('boards.export.label')}>
        {BOARD_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="secondary"
            disabled={!insights || busy !== null}
            title={t(`boards.export.help.${format}`)}
            onClick={() => void run(format)}
          >
            {busy === format ? t('boards.export.busy') : t(`boards.export.format.${format}`)}
          </button>
        ))}
        <p className="hint" role="status">
          {done ?? (insights ? t('boards.export.hint') : t('common.loading'))}
        </p>
        <ErrorNote error={error} />
      </div>
    </details>
  )
}
