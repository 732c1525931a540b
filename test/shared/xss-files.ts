import { strToU8, zipSync } from 'fflate'
import { escapeXml } from '../../src/shared/taxonomy/qdc'
import { PAYLOADS, type Payload } from './xss-corpus'

/**
 * The files of the XSS corpus as people hand them to Fieldnote: transcripts (TXT, WebVTT, SRT), CSV exports of
 * a CRM and a cancellation survey, a REFI-QDA codebook and project. The payloads travel inside them as the
 * file's own syntax carries text (XML escaped, CSV quoted), so what arrives in the library is the raw payload.
 */

/** A payload as a one-line value of at most `max` characters, or null when it cannot be one. */
export function oneLine(p: Payload, max = 200): string | null {
  const s = p.text.replace(/[\r\n\t]+/g, ' ').trim()
  return s && s.length <= max ? s : null
}

/** Every payload on a line of its own, blank lines between (each one a paragraph). */
export const transcriptTxt = (payloads: readonly Payload[] = PAYLOADS): string =>
  payloads.map((p) => p.text.replace(/[\r\n]+/g, ' ')).join('\n\n')

/** A file where each line starts with a payload as the speaker's name: the speaker convention of the import. */
export function speakersTxt(payloads: readonly Payload[]): string {
  const names = payloads.map((p) => oneLine(p, 60)?.replace(/:/g, ' ')).filter((s): s is string => !!s)
  return names.map((n, i) => `${n}: we talked about payload ${i + 1}, and the invoices`).join('\n')
}

const stamp = (s: number, sep: '.' | ','): string => {
  const hh = String(Math.floor(s / 3600)).padStart(2, '0')
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return `${hh}:${mm}:${ss}${sep}000`
}

/** WebVTT whose voices and cue text are payloads (cue text markup is what a VTT reader must not keep). */
export function transcriptVtt(payloads: readonly Payload[]): string {
  const cues = payloads.map((p, i) => {
    const voice = (oneLine(p, 60) ?? 'Speaker').replace(/>/g, ' ')
    return `${i + 1}\n${stamp(i * 5, '.')} --> ${stamp(i * 5 + 4, '.')}\n<v ${voice}>${p.text.replace(/\n/g, ' ')}`
  })
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}

export function transcriptSrt(payloads: readonly Payload[]): string {
  return payloads
    .map(
      (p, i) =>
        `${i + 1}\n${stamp(i * 5, ',')} --> ${stamp(i * 5 + 4, ',')}\n${p.text.replace(/\n{2,}/g, '\n')}\n`,
    )
    .join('\n')
}

/** One RFC 4180 field, always quoted: the payload arrives whole, formulas included. */
const field = (s: string): string => `"${s.replace(/"/g, '""')}"`
const csv = (rows: string[][]): string => rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'

/** A CRM export: a company per payload (name), with formula payloads in the plan column. */
export function companiesCsv(names: readonly string[], plans: readonly string[]): string {
  return csv([
    ['name', 'segment', 'plan', 'mrr', 'status', 'churned_on', 'customer_since'],
    ...names.map((name, i) => [
      name,
      'ABCD'[i % 4]!,
      plans[i % plans.length] ?? '',
      String(100 + i),
      'churned',
      '2025-06-01',
      '2025-01-01',
    ]),
  ])
}

/** A cancellation survey: payloads as the stated reasons and as the comments. */
export function surveyCsv(companies: readonly string[], payloads: readonly Payload[]): string {
  return csv([
    ['date', 'company', 'reason', 'comment', 'mrr'],
    ...payloads.map((p, i) => [
      '2025-05-01',
      companies[i % companies.length]!,
      oneLine(payloads[(i + 7) % payloads.length]!) ?? 'price',
      p.text,
      String(50 + i),
    ]),
  ])
}

const guid = (n: number): string => `7a1e0c9d-5151-4c2b-9d3e-${String(n).padStart(12, '0')}`

/** A REFI-QDA codebook whose code names and descriptions are payloads. */
export function codebookQdc(payloads: readonly Payload[]): string {
  const codes = payloads.map(
    (p, i) =>
      `<Code guid="${guid(i + 1)}" name="${escapeXml(oneLine(p) ?? `code ${i}`, true)}" isCodable="true" color="#336699">` +
      `<Description>${escapeXml(p.text)}</Description></Code>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes.join('')}</Codes></CodeBook>\n`
}

/**
 * A REFI-QDA project as another tool writes one, everything named by payloads: the project and its origin
 * (the import report shows both), codes and code groups, a case per payload, a text source whose lines are
 * payloads with each line coded, an annotation, a project note (it becomes an insight), an unknown variable
 * and a picture (both listed as left out).
 */
export function projectQdpx(name: string, payloads: readonly Payload[]): Uint8Array {
  const lines = payloads.map((p) => p.text.replace(/[\r\n]+/g, ' '))
  const text = lines.join('\n')
  const codes = payloads.slice(0, 12)
  const a = (v: string) => escapeXml(v, true)
  let at = 0
  const selections = lines.map((line, i) => {
    const start = at
    at += [...line].length + 1
    const end = start + [...line].length
    const coding =
      i % 5 === 4
        ? ''
        : `<Coding guid="${guid(5000 + i)}"><CodeRef targetGUID="${guid(100 + (i % codes.length))}"/></Coding>`
    const memo = i % 5 === 4 ? `<Description>${escapeXml(lines[(i + 3) % lines.length]!)}</Description>` : ''
    return `<PlainTextSelection guid="${guid(4000 + i)}" startPosition="${start}" endPosition="${end}">${memo}${coding}</PlainTextSelection>`
  })
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${a(name)}" origin="${a(oneLine(payloads[1]!) ?? 'tool')}">
  <CodeBook><Codes>${codes.map((p, i) => `<Code guid="${guid(100 + i)}" name="${a(oneLine(p) ?? `code ${i}`)}" isCodable="true" color="#CC3333"><Description>${escapeXml(p.text)}</Description></Code>`).join('')}</Codes></CodeBook>
  <Variables><Variable guid="${guid(90)}" name="${a(oneLine(payloads[2]!) ?? 'variable')}" typeOfVariable="Text"/></Variables>
  <Cases>${payloads
    .slice(0, 8)
    .map(
      (p, i) =>
        `<Case guid="${guid(200 + i)}" name="${a(oneLine(p, 150) ?? `case ${i}`)}"><Description>${escapeXml(p.text)}</Description><VariableValue><VariableRef targetGUID="${guid(90)}"/><TextValue>${escapeXml(p.text)}</TextValue></VariableValue><SourceRef targetGUID="${guid(300)}"/></Case>`,
    )
    .join('')}</Cases>
  <Sources>
    <TextSource guid="${guid(300)}" name="${a(oneLine(payloads[3]!) ?? 'source')}" plainTextPath="internal://${guid(300)}.txt">${selections.join('')}</TextSource>
    <PictureSource guid="${guid(301)}" name="${a(oneLine(payloads[4]!) ?? 'picture')}" path="internal://${guid(301)}.png"/>
  </Sources>
  <Notes><Note guid="${guid(400)}" name="${a(oneLine(payloads[5]!) ?? 'note')}"><PlainTextContent>${escapeXml(lines.slice(0, 20).join('\n'))}</PlainTextContent></Note></Notes>
  <Sets>${payloads
    .slice(6, 10)
    .map(
      (p, i) =>
        `<Set guid="${guid(500 + i)}" name="${a(oneLine(p) ?? `set ${i}`)}"><MemberCode targetGUID="${guid(100 + i)}"/></Set>`,
    )
    .join('')}</Sets>
</Project>`
  return zipSync({ 'project.qde': strToU8(qde), [`Sources/${guid(300)}.txt`]: strToU8(text) })
}
