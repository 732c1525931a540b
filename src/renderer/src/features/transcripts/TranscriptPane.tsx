import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TagKind } from '../../../../shared/domain/tag'
import { MAX_TRANSCRIPT_BYTES } from '../../../../shared/transcripts/decode'
import type { TranscriptTarget } from '../../app/router'
import { ErrorNote } from '../../components/ErrorNote'
import { ApiError } from '../../lib/api'
import { bytesToBase64 } from '../../lib/base64'
import { useApi, useWrite } from '../../lib/queries'
import type { Tagging } from '../highlights/useTagging'
import { TranscriptBody } from './TranscriptBody'
import '../highlights/highlights.css'

type FileState = {
  name: string
  state: 'reading' | 'importing' | 'done' | 'rejected' | 'skipped'
  message?: string
  /** A text file read in a legacy encoding, said beside "imported". */
  encoding?: string
}

/** Reads a File as base64 (so the main process can check its encoding), reporting progress. */
function readFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`))
    reader.onload = () => resolve(bytesToBase64(reader.result as ArrayBuffer))
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
  const write = useWrite()
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
      const { imported, files: report } = await write('transcripts:import', { interviewId, files: payload })
      setFiles(
        report.map((r) => ({
          name: r.name,
          state: 'done',
          ...(r.encoding && r.encoding !== 'UTF-8' ? { encoding: r.encoding } : {}),
        })),
      )
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
              {f.encoding && (
                <span className="file-encoding">
                  {' '}
                  ({t('highlights.transcripts.converted', { encoding: f.encoding })})
                </span>
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
          onDeleted={() => {
            setSelected(null)
            setFiles([])
          }}
        />
      )}
    </section>
  )
}
