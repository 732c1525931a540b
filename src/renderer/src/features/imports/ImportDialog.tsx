import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '../../../../shared/ipc/contracts'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { TextDecodeError } from '../../../../shared/text/decode-bytes'
import { call } from '../../lib/api'
import { readTextFile } from '../../lib/read-text-file'
import { FormulaCells, ImportProgress, ImportReportView, ProblemList } from './ImportReport'
import { useApi, useApiMutation, useWrite } from '../../lib/queries'

type Kind = 'companies' | 'churnSurvey'
type Preview = ChannelOutput<'imports:preview'>
type Report = ChannelOutput<'imports:companies'>

/**
 * Import a CSV: pick a file → preview (headers, first rows) and, for other layouts, map the columns →
 * check (a dry run lists rejected rows) → import (all rows, or the valid ones if asked) → the report.
 */
export function ImportDialog({
  kind,
  studyId,
  onClose,
}: {
  kind: Kind
  studyId: string | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const fileId = useId()
  const [csv, setCsv] = useState<string | null>(null)
  const [fileName, setFileName] = useState('')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [mapping, setMapping] = useState<Record<string, string | null>>({})
  const [check, setCheck] = useState<Report | null>(null)
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const write = useWrite()
  const companies = useApiMutation('imports:companies')
  const survey = useApiMutation('imports:churnSurvey')
  const commit = kind === 'companies' ? companies : survey
  const result = commit.data
  const progress = useApi('imports:progress', undefined, {
    enabled: commit.isPending,
    refetchInterval: 250,
  })

  const pick = async (file: File | undefined) => {
    setError(null)
    setPreview(null)
    setCheck(null)
    if (!file) return
    try {
      const text = await readTextFile(file)
      setCsv(text)
      setFileName(file.name)
      const p = await call('imports:preview', { kind, csv: text })
      setPreview(p)
      setMapping(p.suggestedMapping)
    } catch (err) {
      setError(
        err instanceof TextDecodeError ? new Error(t(`textFile.${err.problem}`, { file: file.name })) : err,
      )
    }
  }
  const input = (extra: { dryRun?: boolean; skipInvalid?: boolean }) => ({
    csv: csv ?? '',
    mapping,
    ...extra,
  })
  const runCheck = async () => {
    setError(null)
    try {
      setCheck(
        kind === 'companies'
          ? await write('imports:companies', input({ dryRun: true }))
          : await write('imports:churnSurvey', { ...input({ dryRun: true }), studyId }),
      )
    } catch (err) {
      setError(err)
    }
  }
  const runImport = () => {
    if (kind === 'companies') companies.mutate(input({ skipInvalid }))
    else survey.mutate({ ...input({ skipInvalid }), studyId })
  }

  return (
    <Modal
      title={t(kind === 'companies' ? 'imports.importCompaniesTitle' : 'imports.importSurveyTitle')}
      onClose={onClose}
      wide
    >
      {result ? (
        <ImportReportView report={result} />
      ) : (
        <div className="form">
          <p className="hint">
            {t(kind === 'companies' ? 'imports.companiesFormat' : 'imports.surveyFormat')}
          </p>
          <label htmlFor={fileId}>{t('imports.csvFile')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
          {preview && (
            <>
              <p>{t('imports.previewRows', { count: preview.totalRows, file: fileName })}</p>
              <div className="table-scroll">
                <table className="data-table">
                  <caption className="visually-hidden">{t('imports.previewCaption')}</caption>
                  <thead>
                    <tr>
                      {preview.headers.map((h, i) => (
                        <th scope="col" key={`${h}-${i}`}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, c) => (
                          <td key={c}>{cell.length > 60 ? `${cell.slice(0, 60)}…` : cell}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {!preview.standardLayout && (
                <fieldset className="mapping">
                  <legend>{t('imports.mappingTitle')}</legend>
                  <p className="hint">{t('imports.mappingHelp')}</p>
                  {preview.fields.map((f) => (
                    <label key={f.field}>
                      {t(`imports.field.${f.field}`)}
                      {f.required ? ' *' : ''}
                      <select
                        value={mapping[f.field] ?? ''}
                        onChange={(e) => (
                          setCheck(null),
                          setMapping({ ...mapping, [f.field]: e.target.value || null })
                        )}
                      >
                        <option value="">{t('imports.notInFile')}</option>
                        {preview.headers.map((h, i) => (
                          <option key={`${h}-${i}`} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </label>
                  ))}
                </fieldset>
              )}
              {check && (
                <div role="status">
                  {check.rejected.length === 0 ? (
                    <>
                      <p>{t('imports.checkOk', { count: check.imported })}</p>
                      <FormulaCells report={check} />
                    </>
                  ) : (
                    <>
                      <p className="warn-text">
                        {t('imports.checkRejected', {
                          count: check.rejected.length,
                          total: check.totalRows,
                        })}
                      </p>
                      <ProblemList report={check} />
                      <FormulaCells report={check} />
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={skipInvalid}
                          onChange={(e) => setSkipInvalid(e.target.checked)}
                        />{' '}
                        {t('imports.skipInvalid')}
                      </label>
                    </>
                  )}
                </div>
              )}
            </>
          )}
          {commit.isPending && (
            <ImportProgress saved={progress.isFetchedAfterMount ? (progress.data ?? null) : null} />
          )}
          <ErrorNote error={error ?? commit.error} />
          <div className="actions">
            <button type="button" className="secondary" disabled={commit.isPending} onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!preview || commit.isPending}
              onClick={() => void runCheck()}
            >
              {t('imports.check')}
            </button>
            <button
              type="button"
              disabled={
                !preview || commit.isPending || (!!check && check.rejected.length > 0 && !skipInvalid)
              }
              onClick={runImport}
            >
              {t('imports.import')}
            </button>
          </div>
        </div>
      )}
      {result && (
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('imports.done')}
          </button>
        </div>
      )}
    </Modal>
  )
}
