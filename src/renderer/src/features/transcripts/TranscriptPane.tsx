import type { Editor } from '@tiptap/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TagKind } from '../../../../shared/domain/tag'
import { docPlainText, type JsonNode } from '../../../../shared/text/plain-text'
import { MAX_TRANSCRIPT_BYTES } from '../../../../shared/transcripts/decode'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { TagPicker } from '../../editor/TagPicker'
import { selectionOffsets, TranscriptViewer, type TranscriptMark } from '../../editor/TranscriptViewer'
import { ApiError, call } from '../../lib/api'
import { useApi } from '../../lib/queries'
import { HighlightList } from '../highlights/HighlightList'
import type { TranscriptTarget } from '../../app/router'
import type { Tagging } from '../highlights/useTagging'
import '../highlights/highlights.css'

type FileState = {
  name: string
  state: 'reading' | 'importing' | 'done' | 'rejected' | 'skipped'
  message?: string
}

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf)
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/** Reads a File as base64 (so the main process can check its encoding), reporting progress. */
function readFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`))
    reader.onload = () => resolve(toBase64(reader.result as ArrayBuffer))
    reader.readAsArrayBuffer(file)
  })
}

interface Props {
  interviewId: string
  /** Open this transcript at this paragraph (from a search or evidence link). */
  target?: TranscriptTarget
  tagging: Tagging
  defaultKind: TagKind
  onOpenHighlights: (ids: string[]) => void
}

/** The interview's transcripts: import (several files, all or none), read with speakers and times, tag from the keyboard. */
export function TranscriptPane({ interviewId, target, tagging, defaultKind, onOpenHighlights }: Props) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const list = useApi('transcripts:list', { interviewId })
  const [selected, setSelected] = useState<string | null>(target?.id ?? null)
  const [files, setFiles] = useState<FileState[]>([])
  const [progress, setProgress] = useState<Record<string, number>>({})
  const [importError, setImportError] = useState<unknown>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const currentId = selected ?? list.data?.[0]?.id ?? null

  const onFiles = async (chosen: File[]) => {
    if (!chosen.length) return
    setImportError(null)
    // Refuse files over the limit before reading them (the library would refuse them anyway, all or nothing).
    const tooBig = chosen.find((f) => f.size > MAX_TRANSCRIPT_BYTES)
    if (tooBig) {
      const message = t('highlights.transcripts.tooBig', {
        name: tooBig.name,
        mb: MAX_TRANSCRIPT_BYTES / 1024 / 1024,
      })
      setFiles(
        chosen.map((f) =>
          f === tooBig ? { name: f.name, state: 'rejected', message } : { name: f.name, state: 'skipped' },
        ),
      )
      if (inputRef.current) inputRef.current.value = ''
      return
    }
    setFiles(chosen.map((f) => ({ name: f.name, state: 'reading' })))
    setProgress({})
    try {
      const payload = []
      for (const f of chosen)
        payload.push({
          name: f.name,
          base64: await readFile(f, (p) => setProgress((old) => ({ ...old, [f.name]: p }))),
        })
      setFiles(chosen.map((f) => ({ name: f.name, state: 'importing' })))
      const { imported } = await call('transcripts:import', { interviewId, files: payload })
      setFiles(chosen.map((f) => ({ name: f.name, state: 'done' })))
      await qc.invalidateQueries({
        predicate: (q) =>
          typeof q.queryKey[0] === 'string' && /^(transcripts|search|evidence):/.test(q.queryKey[0]),
      })
      if (imported[0]) setSelected(imported[0].id)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      // The message names the file that was refused; the others were not imported either (all or nothing).
      setFiles(
        chosen.map((f) =>
          message.startsWith(`"${f.name}"`)
            ? { name: f.name, state: 'rejected', message }
            : { name: f.name, state: 'skipped' },
        ),
      )
      if (!chosen.some((f) => message.startsWith(`"${f.name}"`)) || !(err instanceof ApiError))
        setImportError(err)
    } finally {
      if (inputRef.current) inputRef.current.value = ''
    }
  }

  return (
    <section className="transcript-pane" aria-labelledby="transcripts-title">
      <div className="transcript-head">
        <h2 id="transcripts-title">{t('highlights.transcripts.title')}</h2>
        <label className="button-like">
          {t('highlights.transcripts.import')}
          <input
            ref={inputRef}
            type="file"
            multiple
            accept=".txt,.vtt,.srt,.docx,text/plain,text/vtt"
            className="visually-hidden"
            onChange={(e) => void onFiles([...(e.target.files ?? [])])}
          />
        </label>
        {list.data && list.data.length > 1 && (
          <label>
            {t('highlights.transcripts.choose')}{' '}
            <select value={currentId ?? ''} onChange={(e) => setSelected(e.target.value)}>
              {list.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="hint">{t('highlights.transcripts.formats')}</p>
      {files.length > 0 && (
        <ul className="import-progress" aria-label={t('highlights.transcripts.progress')} aria-live="polite">
          {files.map((f) => (
            <li key={f.name} className={`file-${f.state}`}>
              <span className="file-name">{f.name}</span>{' '}
              {f.state === 'reading' ? (
                <progress
                  max={1}
                  value={progress[f.name] ?? 0}
                  aria-label={t('highlights.transcripts.reading', { name: f.name })}
                />
              ) : (
                <span>{t(`highlights.transcripts.state.${f.state}`)}</span>
              )}
              {f.message && (
                <span role="alert" className="file-error">
                  {' '}
                  {f.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={importError ?? list.error} />
      {list.data && list.data.length === 0 && <p className="hint">{t('highlights.transcripts.none')}</p>}
      {currentId && (
        <TranscriptBody
          key={currentId}
          id={currentId}
          focusParagraph={target?.id === currentId ? target.paragraph : undefined}
          tagging={tagging}
          defaultKind={defaultKind}
          onOpenHighlights={onOpenHighlights}
          onDeleted={async () => {
            setSelected(null)
            setFiles([])
            await qc.invalidateQueries({
              predicate: (q) =>
                typeof q.queryKey[0] === 'string' &&
                /^(transcripts|highlights|search|evidence):/.test(q.queryKey[0]),
            })
          }}
        />
      )}
    </section>
  )
}

function TranscriptBody({
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
  onDeleted: () => Promise<void>
  focusParagraph: number | undefined
}) {
  const { t } = useTranslation()
  const transcript = useApi('transcripts:get', { id })
  const editorRef = useRef<Editor | null>(null)
  const [picking, setPicking] = useState<{ start: number; end: number } | null>(null)
  const [hint, setHint] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [confirming, setConfirming] = useState(false)
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
        <button
          type="button"
          className="danger secondary delete-transcript"
          onClick={() => setConfirming(true)}
        >
          {t('highlights.transcripts.delete')}
        </button>
      </div>
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
              onClick={() => void call('transcripts:delete', { id }).then(onDeleted).catch(setError)}
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
            const h = await call('highlights:create', {
              source: { type: 'transcript', transcriptId: id },
              start: picking.start,
              end: picking.end,
              tagIds: [tag.id],
            })
            await tagging.refresh()
            setPicking(null)
            window.getSelection()?.removeAllRanges()
            onOpenHighlights([h.id])
          }}
        />
      )}
    </div>
  )
}
