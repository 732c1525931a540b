import { attr, escapeXml, guidForTagId } from '../taxonomy/qdc'
import { PROJECT_NAMESPACE, type RefiProject, type RefiValue, type VariableType } from './project'

/** A stable REFI-QDA GUID for any Fieldnote id (ids that are UUIDs already are kept as they are). */
export const guidFor = (id: string): string => guidForTagId(id)

const VALUE_ELEMENT: Record<VariableType, string> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
}

const text = (tag: string, value: string, pad: string) =>
  value ? [`${pad}<${tag}>${escapeXml(value)}</${tag}>`] : []

function values(list: readonly RefiValue[], types: ReadonlyMap<string, VariableType>, pad: string): string[] {
  return list.flatMap((v) => {
    const el = VALUE_ELEMENT[types.get(v.variableGuid) ?? 'Text']
    return [
      `${pad}<VariableValue>`,
      `${pad}  <VariableRef targetGUID="${v.variableGuid}"/>`,
      `${pad}  <${el}>${escapeXml(v.value)}</${el}>`,
      `${pad}</VariableValue>`,
    ]
  })
}

/**
 * project.qde for a Fieldnote export, valid against Project-mrt2019.xsd (elements in the schema's order;
 * empty groups left out, since the schema wants at least one member in each). `codes` are the <Code>
 * elements the codebook export writes, indented for this place.
 */
export function buildProjectXml(p: RefiProject, codes: readonly string[], createdAt: string): string {
  const parts: string[] = []
  writeProjectXml(p, codes, createdAt, (chunk) => parts.push(chunk))
  return parts.join('')
}

/**
 * The same document handed to `sink` a piece at a time, so a large project can be encoded as it is written
 * instead of being held as one string (and millions of lines) first.
 */
export function writeProjectXml(
  p: RefiProject,
  codes: readonly string[],
  createdAt: string,
  sink: (chunk: string) => void,
): void {
  const types = new Map(p.variables.map((v) => [v.guid, v.type]))
  const user = p.users[0]?.guid
  let out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${PROJECT_NAMESPACE}"${attr('name', p.name)}${attr('origin', p.origin)}${attr('creatingUserGUID', user)}${attr('creationDateTime', createdAt)}>`,
  ]
  const flush = () => {
    sink(`${out.join('\n')}\n`)
    out = []
  }
  if (p.users.length) {
    out.push('  <Users>')
    for (const u of p.users) out.push(`    <User guid="${u.guid}"${attr('name', u.name)}/>`)
    out.push('  </Users>')
  }
  if (codes.length) out.push('  <CodeBook>', '    <Codes>', ...codes, '    </Codes>', '  </CodeBook>')
  if (p.variables.length) {
    out.push('  <Variables>')
    for (const v of p.variables)
      out.push(
        `    <Variable guid="${v.guid}"${attr('name', v.name)} typeOfVariable="${v.type}">`,
        ...text('Description', v.description, '      '),
        '    </Variable>',
      )
    out.push('  </Variables>')
  }
  if (p.cases.length) {
    out.push('  <Cases>')
    for (const c of p.cases)
      out.push(
        `    <Case guid="${c.guid}"${attr('name', c.name)}>`,
        ...text('Description', c.description, '      '),
        ...values(c.values, types, '      '),
        ...c.sourceGuids.map((g) => `      <SourceRef targetGUID="${g}"/>`),
        '    </Case>',
      )
    out.push('  </Cases>')
  }
  if (p.sources.length) {
    out.push('  <Sources>')
    for (const s of p.sources) {
      out.push(
        `    <TextSource guid="${s.guid}"${attr('name', s.name)} plainTextPath="internal://${escapeXml(s.plainTextFile, true)}"${attr('creatingUser', user)}${attr('creationDateTime', s.createdAt)}>`,
        ...text('Description', s.description, '      '),
      )
      for (const sel of s.selections) {
        out.push(
          `      <PlainTextSelection guid="${sel.guid}" startPosition="${sel.start}" endPosition="${sel.end}"${attr('creatingUser', sel.creatingUser)}${attr('creationDateTime', sel.createdAt)}>`,
          ...text('Description', sel.description, '        '),
        )
        for (const code of sel.codeGuids)
          out.push(
            `        <Coding guid="${guidFor(`${sel.guid}:${code}`)}"${attr('creatingUser', sel.creatingUser)}>`,
            `          <CodeRef targetGUID="${code}"/>`,
            '        </Coding>',
          )
        out.push(
          ...sel.noteGuids.map((g) => `        <NoteRef targetGUID="${g}"/>`),
          '      </PlainTextSelection>',
        )
      }
      out.push(...values(s.values, types, '      '), '    </TextSource>')
      if (out.length > 4096) flush()
    }
    out.push('  </Sources>')
  }
  if (p.notes.length) {
    out.push('  <Notes>')
    for (const n of p.notes)
      out.push(
        `    <Note guid="${n.guid}"${attr('name', n.name)}${attr('creatingUser', user)}${attr('creationDateTime', n.createdAt)}>`,
        ...text('PlainTextContent', n.text, '      '),
        '    </Note>',
      )
    out.push('  </Notes>')
  }
  if (p.sets.length) {
    out.push('  <Sets>')
    for (const s of p.sets)
      out.push(
        `    <Set guid="${s.guid}"${attr('name', s.name)}>`,
        ...text('Description', s.description, '      '),
        ...s.codeGuids.map((g) => `      <MemberCode targetGUID="${g}"/>`),
        ...s.sourceGuids.map((g) => `      <MemberSource targetGUID="${g}"/>`),
        '    </Set>',
      )
    out.push('  </Sets>')
  }
  out.push('</Project>', '')
  sink(out.join('\n'))
}
