import { getText, getTextSerializersFromSchema, type JSONContent } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import type { PastedRange } from './paste-range'

/**
 * One state of a note, taken on every keystroke at no cost (ProseMirror documents are immutable values) and
 * serialised only when something reads it — the autosave, at most about once a second. Serialising a long
 * note on each keystroke is what made typing in a 200 KB note slow.
 */
export class NoteSnapshot {
  private json: JSONContent | null = null
  private text: string | null = null

  constructor(
    readonly node: PmNode,
    /** Where the last paste in this document is (see paste-range.ts), so reopening the note keeps it. */
    readonly pasted: PastedRange | null = null,
  ) {}

  /**
   * In O(1), a bound the plain text's length never exceeds: every character is one position, and each block
   * takes two positions but adds at most one separator.
   */
  get textLengthBound(): number {
    return this.node.content.size
  }

  /** The tiptap JSON the library stores. */
  get doc(): JSONContent {
    return (this.json ??= this.node.toJSON() as JSONContent)
  }

  /** What editor.getText({ blockSeparator: '\n' }) gives: the note's plain text for search and export. */
  get plainText(): string {
    return (this.text ??= getText(this.node, {
      blockSeparator: '\n',
      textSerializers: getTextSerializersFromSchema(this.node.type.schema),
    }))
  }

  /** Whether the note has any non-blank text; stops looking at the first. */
  get hasText(): boolean {
    if (this.text !== null) return this.text.trim() !== ''
    let found = false
    this.node.descendants((n) => {
      if (found) return false
      if (n.isText && /\S/.test(n.text ?? '')) found = true
      return !found
    })
    return found
  }
}
