import i18next from 'i18next'

export function fmtNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(i18next.language, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n)
}

/** MRR is kept in minor units (cents); show it as money in its own currency. */
export function fmtMoney(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(i18next.language, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(minor / 100)
  } catch {
    return `${fmtNumber(minor / 100)} ${currency}`
  }
}

export function fmtDate(iso: string | null): string {
  if (!iso) return '—'
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso)
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium' }).format(d)
}

export function fmtDateTime(iso: string | null): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

/** Elapsed interview time as m:ss or h:mm:ss. */
export function fmtElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}

/** Parse a money amount typed by a person ("1 200,50", "1,200.50") into minor units, or null. */
export function parseMoneyToMinor(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '')
  if (cleaned === '') return 0
  // "1 200,50" uses a decimal comma; "1,200.50" uses commas as thousands separators.
  const normal = /,\d{1,2}$/.test(cleaned)
    ? cleaned.replace(/\./g, '').replace(',', '.')
    : cleaned.replace(/,/g, '')
  if (!/^\d+(\.\d{0,2})?$/.test(normal)) return null
  return Math.round(Number(normal) * 100)
}

/** A fraction 0…1 as a percent with one decimal, in the UI language. */
export function fmtShare(x: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 0,
  }).format(x)
}
