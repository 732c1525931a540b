/**
 * A REFI-QDA project (urn:QDA-XML:project:1.0) as Fieldnote writes and reads it: the parts of the exchange
 * standard that carry interview research (users, codes, case variables, text sources with coded selections,
 * notes, sets). Pictures, PDFs, audio and video sources are read only for the text they carry.
 */
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0'

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime'

export interface RefiUser {
  guid: string
  name: string
}

export interface RefiVariable {
  guid: string
  name: string
  type: VariableType
  description: string
}

export interface RefiValue {
  variableGuid: string
  /** As written in the file: "1200.50", "2025-03-01", "Churned". */
  value: string
}

export interface RefiCase {
  guid: string
  /** MAXQDA and Quirkos write nameless cases that only carry one source's file variables. */
  name: string | null
  description: string
  values: RefiValue[]
  sourceGuids: string[]
}

export interface RefiSelection {
  guid: string
  /** Code-point offsets into the source's plain text. */
  start: number
  end: number
  /** The selection's Description: a coding memo, or the annotation itself when nothing codes it. */
  description: string
  codeGuids: string[]
  noteGuids: string[]
  creatingUser: string | null
  createdAt: string | null
}

export interface RefiSource {
  guid: string
  name: string
  description: string
  /** The file inside the archive ("<guid>.txt" under Sources/). */
  plainTextFile: string
  text: string
  selections: RefiSelection[]
  /** Variables written on the source itself (MAXQDA). */
  values: RefiValue[]
  createdAt: string | null
}

export interface RefiNote {
  guid: string
  name: string
  text: string
  createdAt: string | null
}

export interface RefiSet {
  guid: string
  name: string
  description: string
  codeGuids: string[]
  sourceGuids: string[]
}

export interface RefiCode {
  guid: string
  name: string
  color: string | null
  description: string
  codable: boolean
  children: RefiCode[]
}

export interface RefiLink {
  guid: string
  originGuid: string | null
  targetGuid: string | null
}

export interface RefiProject {
  name: string
  origin: string
  users: RefiUser[]
  variables: RefiVariable[]
  cases: RefiCase[]
  sources: RefiSource[]
  notes: RefiNote[]
  sets: RefiSet[]
  links: RefiLink[]
}
