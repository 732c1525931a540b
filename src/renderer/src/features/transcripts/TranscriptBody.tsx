import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TagKind } from '../../../../shared/domain/tag'
import { docPlainText, type JsonNode } from '../../../../shared/text/plain-text'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { TagPicker } from '../../editor/TagPicker'
import { selectionOffsets, TranscriptViewer, type TranscriptMark } from '../../editor/TranscriptViewer'
import { useApi } from '../../lib/queries'
import { HighlightList } from '../highlights/HighlightList'
import type { Tagging } from '../highlights/useTagging'
import { SpeakersDialog } from './SpeakersDialog'

/** One transcript: read it with its highlights, tag a selection with Ctrl+K, or delete it. */
export function TranscriptBody({
  id,
  tagging,
  defaultKind,
  onOpenHighlights,
  onDeleted,
  focusParagraph,
}: {
  id: string
  tagging: Tagging
  defaultKind: TagKind
  onOpenHighlights: (ids: string[]) => void
  onDeleted: () => void
  focusParagraph: number | undefined
}) {
  const { t } = useTranslation()
  const transcript = useApi('transcripts:get', { id })
  const editorRef = useRef<Editor | null>(null)
  const [picking, setPicking] = useState<{ start: number; end: number } | null>(null)
  const [hint, setHint] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [confirming, setConfirming] = useState(false)
  const [naming, setNaming] = useState(false)
  const runs = useMemo(
    () => (transcript.data ? docPlainText(transcript.data.doc as JsonNode).runs : []),
    [transcript.data],
  )
  const mine = useMemo(
    () => tagging.highlights.filter((h) => h.transcriptId === id),
    [tagging.highlights, id],
  )
  const marks = useMemo<TranscriptMark[]>(
    () => mine.map((h) => ({ id: h.id, start: h.start, end: h.end, color: tagging.colorOfHighlight(h) })),
    [mine, tagging],
  )
  const onEditor = useCallback((e: Editor | null) => void (editorRef.current = e), [])

  const requestTag = useCallback(() => {
    const editor = editorRef.current
    const range = editor ? selectionOffsets(editor, runs) : null
    if (!range) {
      setHint(t('highlights.selectFirst'))
      return
    }
    setHint(null)
    setPicking(range)
  }, [runs, t])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'k') return
      const dom = editorRef.current?.view.dom
      const sel = window.getSelection()
      const inside =
        dom && sel && sel.rangeCount > 0 && dom.contains(sel.getRangeAt(0).commonAncestorContainer)
      if (!inside) return
      e.preventDefault()
      requestTag()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [requestTag])

  if (transcript.error) return <ErrorNote error={transcript.error} />
  if (!transcript.data) return <p>{t('common.loading')}</p>
  const s = transcript.data
  return (
    <div className="transcript-body">
      <p className="item-meta">
        {[
          s.sourceName,
          t(`highlights.formats.${s.sourceFormat}`),
          t('highlights.transcripts.segments', { count: s.segmentCount }),
          s.speakers.join(', '),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="editor-toolbar" role="toolbar" aria-label={t('highlights.transcripts.toolbar')}>
        <button
          type="button"
          className="tool tool-tag"
          aria-keyshortcuts="Control+K Meta+K"
          onMouseDown={(e) => e.preventDefault()}
          onClick={requestTag}
        >
          {t('highlights.tagSelection')}
        </button>
        <span className="hint">{hint ?? t('highlights.transcripts.tagHint')}</span>
        <button type="button" className="secondary" onClick={() => setNaming(true)}>
          {t('highlights.transcripts.speakers.open')}
        </button>
        <button
          type="button"
          className="danger secondary delete-transcript"
          onClick={() => setConfirming(true)}
        >
          {t('highlights.transcripts.delete')}
        </button>
      </div>
      {naming && (
        <SpeakersDialog transcriptId={id} title={s.title} doc={s.doc} onClose={() => setNaming(false)} />
      )}
      {confirming && (
        <Modal
          title={t('highlights.transcripts.deleteTitle', { title: s.title })}
          onClose={() => setConfirming(false)}
        >
          <p>{t('highlights.transcripts.deleteImpact', { count: mine.length })}</p>
          <ErrorNote error={error} />
          <div className="actions">
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void tagging.write('transcripts:delete', { id }).then(onDeleted).catch(setError)}
            >
              {t('highlights.transcripts.delete')}
            </button>
          </div>
        </Modal>
      )}
      <TranscriptViewer
        doc={s.doc}
        label={t('highlights.transcripts.textLabel', { title: s.title })}
        highlights={marks}
        onHighlightClick={onOpenHighlights}
        onEditor={onEditor}
        {...(focusParagraph !== undefined ? { focusParagraph } : {})}
      />
      <ErrorNote error={error} />
      <HighlightList
        highlights={mine}
        tagging={tagging}
        title={t('highlights.list.transcript')}
        onOpen={(hid) => onOpenHighlights([hid])}
      />
      {picking && (
        <TagPicker
          tags={tagging.tags}
          defaultKind={defaultKind}
          onCreate={tagging.createTag}
          onClose={() => setPicking(null)}
          onPick={async (tag) => {
            setError(null)
            const h = await tagging.write('highlights:create', {
              source: { type: 'transcript', transcriptId: id },
              start: picking.start,
              end: picking.end,
              tagIds: [tag.id],
            })
            setPicking(null)
            window.getSelection()?.removeAllRanges()
            onOpenHighlights([h.id])
          }}
        />
      )}
    </div>
  )
}
