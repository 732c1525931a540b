import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

export interface PastedRange {
  from: number
  to: number
}

const key = new PluginKey<PastedRange | null>('pasteRange')

/**
 * Remembers where the last paste landed and keeps that range in place through later edits, so a paste the
 * library refuses (a whole transcript in a note) can be moved out as it was pasted, leaving the notes typed
 * around it. Text typed at either edge is not part of it.
 */
export const PasteRange = Extension.create<{ initial: PastedRange | null }>({
  name: 'pasteRange',
  addOptions() {
    return { initial: null }
  },
  addProseMirrorPlugins() {
    // A note reopened from the same document keeps its paste: positions are the same in the same document.
    const initial = this.options.initial
    return [
      new Plugin<PastedRange | null>({
        key,
        state: {
          init: (_, state) => (initial && initial.to <= state.doc.content.size ? initial : null),
          apply: (tr, old) => {
            if (!tr.docChanged) return old
            if (tr.getMeta('uiEvent') === 'paste') {
              let from = Infinity
              let to = -Infinity
              tr.steps.forEach((step, i) => {
                const later = tr.mapping.slice(i + 1)
                step.getMap().forEach((_a, _b, start, end) => {
                  from = Math.min(from, later.map(start, -1))
                  to = Math.max(to, later.map(end, 1))
                })
              })
              return from < to ? { from, to } : null
            }
            if (!old) return null
            const from = tr.mapping.map(old.from, 1)
            const to = tr.mapping.map(old.to, -1)
            return from < to ? { from, to } : null
          },
        },
      }),
    ]
  },
})

/** The last paste's range in the editor's current document, or null when it was undone or deleted. */
export function lastPastedRange(editor: Editor): PastedRange | null {
  return key.getState(editor.state) ?? null
}
