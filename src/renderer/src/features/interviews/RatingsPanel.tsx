import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CsiRatings, Interview } from '../../../../shared/domain/interview'
import { CSI_DRIVERS } from '../../../../shared/templates/csi-drivers'
import type { AutosaveQueue } from '../../lib/autosave'
import { useWrite } from '../../lib/queries'

type Metric = 'nps' | 'csat' | 'ces'
const SCALES: Record<Metric, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
}

function ScaleButtons({
  name,
  label,
  min,
  max,
  value,
  onPick,
  hint,
}: {
  name: string
  label: string
  min: number
  max: number
  value: number | null
  onPick: (v: number | null) => void
  hint?: string
}) {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i)
  return (
    <div role="radiogroup" aria-label={label} className="scale" data-scale={name}>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={value === v}
          className={value === v ? 'scale-btn selected' : 'scale-btn'}
          onClick={() => onPick(value === v ? null : v)}
          aria-label={`${label}: ${v}`}
        >
          {v}
        </button>
      ))}
      {hint && <small className="hint scale-hint">{hint}</small>}
    </div>
  )
}

interface Props {
  interview: Interview
  queue: AutosaveQueue
  onSaved: (iv: Interview) => void
  only?: Metric | 'csi'
  /** Leave out the rating the current question already shows inline, so it is never edited in two places. */
  exclude?: Metric | 'csi'
}

/** NPS 0–10, CSAT 1–5, CES 1–7 with reasons, and CSI 1–5 per satisfaction driver, saved as they are picked. */
export function RatingsPanel({ interview, queue, onSaved, only, exclude }: Props) {
  const { t, i18n } = useTranslation()
  const [reasons, setReasons] = useState({
    nps: interview.npsReason,
    csat: interview.csatReason,
    ces: interview.cesReason,
  })

  const write = useWrite()
  const save = (key: string, patch: Record<string, unknown>, immediate: boolean) => {
    queue.schedule(`rating:${key}`, async ({ keepalive }) =>
      onSaved(
        await write('interviews:update', { id: interview.id, ...patch }, { keepalive, background: true }),
      ),
    )
    if (immediate) void queue.flush()
  }

  const metric = (m: Metric) => (
    <fieldset className="rating" key={m}>
      <legend>{t(`ratings.${m}.question`)}</legend>
      <ScaleButtons
        name={m}
        label={t(`ratings.${m}.label`)}
        {...SCALES[m]}
        value={interview[m]}
        onPick={(v) => save(m, { [m]: v }, true)}
        hint={t(`ratings.${m}.scaleHint`)}
      />
      <label>
        {t(`ratings.${m}.reason`)}
        <textarea
          rows={2}
          value={reasons[m]}
          onChange={(e) => {
            setReasons({ ...reasons, [m]: e.target.value })
            save(`${m}Reason`, { [`${m}Reason`]: e.target.value }, false)
          }}
          onBlur={() => void queue.flush()}
        />
      </label>
    </fieldset>
  )

  const csi = (
    <fieldset className="rating" key="csi">
      <legend>{t('ratings.csi.question')}</legend>
      {CSI_DRIVERS.map((d) => (
        <div key={d.key} className="csi-row">
          <span className="csi-label">{i18n.language === 'ru' ? d.ru : d.en}</span>
          <ScaleButtons
            name={`csi-${d.key}`}
            label={i18n.language === 'ru' ? d.ru : d.en}
            min={1}
            max={5}
            value={interview.csiRatings[d.key] ?? null}
            onPick={(v) => save(`csi-${d.key}`, { csiRatings: { [d.key]: v } as CsiRatings }, true)}
          />
        </div>
      ))}
    </fieldset>
  )

  if (only === 'csi') return csi
  if (only) return metric(only)
  return (
    <section aria-labelledby="ratings-h" className="ratings-panel">
      <h2 id="ratings-h">{t('ratings.title')}</h2>
      {exclude !== 'nps' && metric('nps')}
      {exclude !== 'csat' && metric('csat')}
      {exclude !== 'ces' && metric('ces')}
      {exclude !== 'csi' && csi}
    </section>
  )
}
