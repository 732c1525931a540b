import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SEGMENTS } from '../../../../shared/domain/common'
import { REPORT_SECTION_IDS, type ReportSectionId } from '../../../../shared/reports/model'
import type { ReportOptionsInput } from '../../../../shared/reports/options'
import { navigate } from '../../app/router'
import { ErrorNote } from '../../components/ErrorNote'
import { StudyScope } from '../../components/StudyScope'
import { useApi } from '../../lib/queries'
import { useDebounced } from '../../lib/useDebounced'
import { ReportExport } from './ReportExport'
import { ReportPreview } from './ReportPreview'
import { ReportSections } from './ReportSections'
import './reports.css'

/** Typing in the title or summary rebuilds the preview once the typing pauses, not per keystroke. */
const PREVIEW_DEBOUNCE_MS = 400

/** The report builder: scope, sections and filters on the left; the exported HTML and the exports on the right. */
export function ReportsScreen({ selectedId }: { selectedId?: string }) {
  const { t, i18n } = useTranslation()
  const ids = {
    title: useId(),
    summary: useId(),
    segment: useId(),
    from: useId(),
    to: useId(),
    tag: useId(),
    lang: useId(),
  }
  const [title, setTitle] = useState('')
  const [summary, setSummary] = useState('')
  const [sections, setSections] = useState<ReportSectionId[]>([...REPORT_SECTION_IDS])
  const [segment, setSegment] = useState<(typeof SEGMENTS)[number] | ''>('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [tagId, setTagId] = useState('')
  const [anonymize, setAnonymize] = useState(false)
  const [language, setLanguage] = useState<'en' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'en')
  const tags = useApi('tags:list')

  const options: ReportOptionsInput = {
    studyId: selectedId ?? null,
    title,
    summary,
    sections,
    filters: { segment: segment || null, from: from || null, to: to || null, tagId: tagId || null },
    anonymize,
    language,
  }
  const settled = useDebounced(options, PREVIEW_DEBOUNCE_MS)
  const preview = useApi('reports:preview', settled)

  return (
    <div className="page reports">
      <header className="page-header">
        <h1>{t('reports.title')}</h1>
      </header>
      <p className="hint">{t('reports.help')}</p>
      <div className="reports-layout">
        <form className="report-options" onSubmit={(e) => e.preventDefault()}>
          <StudyScope
            value={selectedId ?? ''}
            onChange={(id) => navigate(id ? { name: 'reports', id } : { name: 'reports' })}
          />
          <label htmlFor={ids.title}>{t('reports.reportTitle')}</label>
          <input
            id={ids.title}
            value={title}
            maxLength={300}
            placeholder={t('reports.reportTitlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
          />
          <label htmlFor={ids.summary}>{t('reports.summary')}</label>
          <textarea id={ids.summary} rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} />
          <p className="hint">{t('reports.summaryHelp')}</p>
          <ReportSections value={sections} onChange={setSections} language={language} />
          <fieldset>
            <legend>{t('reports.filters')}</legend>
            <label htmlFor={ids.segment}>{t('reports.segment')}</label>
            <select
              id={ids.segment}
              value={segment}
              onChange={(e) => setSegment(e.target.value as typeof segment)}
            >
              <option value="">{t('reports.anySegment')}</option>
              {SEGMENTS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <label htmlFor={ids.from}>{t('reports.from')}</label>
            <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            <label htmlFor={ids.to}>{t('reports.to')}</label>
            <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            <label htmlFor={ids.tag}>{t('reports.tag')}</label>
            <select id={ids.tag} value={tagId} onChange={(e) => setTagId(e.target.value)}>
              <option value="">{t('reports.anyTag')}</option>
              {tags.data?.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.code ? `${tag.code} ${tag.name}` : tag.name}
                </option>
              ))}
            </select>
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} />{' '}
            {t('reports.anonymize')}
          </label>
          <label htmlFor={ids.lang}>{t('reports.language')}</label>
          <select id={ids.lang} value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'ru')}>
            <option value="en">English</option>
            <option value="ru">Русский</option>
          </select>
        </form>
        <div className="report-output">
          <ReportExport options={options} />
          {anonymize && preview.data && (
            <details className="report-replacements" open>
              <summary>{t('reports.replaced')}</summary>
              {preview.data.replacements.length ? (
                <ul>
                  {preview.data.replacements.map((r) => (
                    <li key={`${r.original}→${r.replacement}`}>{t('reports.replacedRow', r)}</li>
                  ))}
                </ul>
              ) : (
                <p className="hint">{t('reports.nothingReplaced')}</p>
              )}
            </details>
          )}
          <h2>{t('reports.preview')}</h2>
          <ErrorNote error={preview.error} />
          {preview.data && <ReportPreview html={preview.data.html} />}
        </div>
      </div>
    </div>
  )
}
