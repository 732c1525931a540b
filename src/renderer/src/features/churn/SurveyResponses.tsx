import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Highlight } from '../../../../shared/domain/highlight'
import type { ChannelOutput } from '../../../../shared/ipc/contracts'
import { ErrorNote } from '../../components/ErrorNote'
import { TagPicker } from '../../editor/TagPicker'
import { fmtDate, fmtMoney } from '../../lib/format'
import { useApi } from '../../lib/queries'
import { HighlightCard } from '../highlights/HighlightDetails'
import { useCodebook, type Codebook } from '../highlights/useTagging'
import '../highlights/highlights.css'

type Response = ChannelOutput<'churn:surveyResponses'>[number]

/**
 * A company's cancellation-survey answers, each comment taggable like a transcript: select words, then
 * Ctrl+K (⌘K) or "Tag selection". Tagged passages are evidence in every roll-up, search and export.
 */
export function SurveyResponses({ companyId, currency }: { companyId: string; currency: string }) {
  const { t } = useTranslation()
  const headingId = useId()
  const responses = useApi('churn:surveyResponses', { companyId })
  const codebook = useCodebook()
  if (!responses.data?.length) return <ErrorNote error={responses.error} />
  return (
    <section aria-labelledby={headingId} className="survey-responses">
      <h3 id={headingId}>{t('churn.survey.title')}</h3>
      <p className="hint">{t('churn.survey.help')}</p>
      <ErrorNote error={codebook.error} />
      {responses.data.map((r) => (
        <SurveyResponse key={r.id} response={r} codebook={codebook} currency={currency} />
      ))}
    </section>
  )
}

/** Offsets (code points, as the highlight is stored) of the selection inside root, or null. */
function selectionIn(root: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null
  const before = document.createRange()
  before.selectNodeContents(root)
  before.setEnd(range.startContainer, range.startOffset)
  const start = [...before.toString()].length
  return { start, end: start + [...range.toString()].length }
}

/** The comment cut at highlight boundaries; each piece knows the highlights covering it. */
function pieces(comment: string, highlights: readonly Highlight[]) {
  const chars = [...comment]
  const cuts = new Set([0, chars.length])
  for (const h of highlights) cuts.add(Math.min(h.start, chars.length)).add(Math.min(h.end, chars.length))
  const sorted = [...cuts].sort((a, b) => a - b)
  return sorted.slice(0, -1).map((from, i) => {
    const to = sorted[i + 1] as number
    return {
      from,
      text: chars.slice(from, to).join(''),
      covering: highlights.filter((h) => h.start <= from && h.end >= to),
    }
  })
}

function SurveyResponse({
  response: r,
  codebook,
  currency,
}: {
  response: Response
  codebook: Codebook
  currency: string
}) {
  const { t } = useTranslation()
  const commentRef = useRef<HTMLParagraphElement>(null)
  const [picking, setPicking] = useState<{ start: number; end: number } | null>(null)
  const [hint, setHint] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  const startTagging = () => {
    const range = commentRef.current ? selectionIn(commentRef.current) : null
    setHint(range ? null : t('churn.survey.selectFirst'))
    if (range) setPicking(range)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault()
      startTagging()
    }
  }
  const colorOf = (h: Highlight) => codebook.colorOfHighlight(h) ?? '#8a8f98'
  const reason = r.reason
    ? `${r.reason.code ? `${r.reason.code} ` : ''}${r.reason.name}`
    : t('churn.survey.unmapped', { reason: r.reasonRaw })

  return (
    <article
      className="survey-response"
      aria-label={t('churn.survey.one', { date: fmtDate(r.respondedOn) })}
    >
      <p className="item-meta">
        {[
          fmtDate(r.respondedOn),
          reason,
          r.mrrMinor !== null ? fmtMoney(r.mrrMinor, currency) : null,
          r.studyName,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {r.comment ? (
        <>
          {/* Selectable text, not an editor: the comment is what the customer wrote and stays as it is. */}
          <p
            ref={commentRef}
            className="survey-comment"
            tabIndex={0}
            aria-label={t('churn.survey.comment')}
            aria-keyshortcuts="Control+K Meta+K"
            onKeyDown={onKeyDown}
          >
            {pieces(r.comment, r.highlights).map((p) =>
              p.covering.length ? (
                <mark
                  key={p.from}
                  className="survey-hl"
                  style={{ '--tag-color': colorOf(p.covering[0] as Highlight) } as CSSProperties}
                >
                  {p.text}
                </mark>
              ) : (
                <span key={p.from}>{p.text}</span>
              ),
            )}
          </p>
          <div className="actions">
            <button
              type="button"
              className="secondary small"
              onMouseDown={(e) => e.preventDefault()}
              onClick={startTagging}
            >
              {t('highlights.tagSelection')}
            </button>
            {hint && <span className="hint">{hint}</span>}
          </div>
        </>
      ) : (
        <p className="hint">{t('churn.survey.noComment')}</p>
      )}
      <ErrorNote error={error} />
      {r.highlights.length > 0 && (
        <ul className="plain-list survey-highlights" aria-label={t('churn.survey.highlights')}>
          {r.highlights.map((h) => (
            <li key={h.id}>
              <details>
                <summary>
                  “{h.quote}” ·{' '}
                  {h.tagIds
                    .map((id) => codebook.tagById.get(id)?.name)
                    .filter(Boolean)
                    .join(', ') || t('highlights.details.untagged')}
                </summary>
                <HighlightCard h={h} tagging={codebook} defaultKind="churn_reason" />
              </details>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <TagPicker
          tags={codebook.tags}
          defaultKind="churn_reason"
          onCreate={codebook.createTag}
          onClose={() => setPicking(null)}
          onPick={async (tag) => {
            setError(null)
            try {
              await codebook.write('highlights:create', {
                source: { type: 'survey', responseId: r.id },
                start: picking.start,
                end: picking.end,
                tagIds: [tag.id],
              })
              setPicking(null)
              window.getSelection()?.removeAllRanges()
            } catch (err) {
              setPicking(null)
              setError(err)
            }
          }}
        />
      )}
    </article>
  )
}
