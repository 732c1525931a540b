import { Extension, type Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { changedRanges } from './changed-ranges'

export interface ElapsedStampOptions {
  /** Interview time right now, or null before the interview clock has started. */
  getElapsedMs: () => number | null
}

function label(ms: number): string {
  const s = Math.floor(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

const STAMPED_TYPES = ['paragraph', 'heading']

/**
 * Stamps each paragraph and heading with the interview time at which its first words were typed, so notes
 * line up with the recording. The stamp is a node attribute (saved in the JSON), not text the user can
 * accidentally edit; a new paragraph made by Enter gets its own stamp, not a copy of the previous one.
 */
export const ElapsedStamp = Extension.create<ElapsedStampOptions, ElapsedStampOptions>({
  name: 'elapsedStamp',
  addOptions() {
    return { getElapsedMs: () => null }
  },
  // The clock source can change after the editor exists (start, pause): the plugin reads it from storage.
  addStorage() {
    return { getElapsedMs: this.options.getElapsedMs }
  },
  addGlobalAttributes() {
    return [
      {
        types: STAMPED_TYPES,
        attributes: {
          elapsedMs: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el) => {
              const v = el.getAttribute('data-elapsed-ms')
              return v === null ? null : Number(v)
            },
            renderHTML: (attrs) =>
              typeof attrs['elapsedMs'] === 'number'
                ? {
                    'data-elapsed-ms': String(attrs['elapsedMs']),
                    'data-elapsed-label': label(attrs['elapsedMs']),
                  }
                : {},
          },
        },
      },
    ]
  },
  addProseMirrorPlugins() {
    const storage = this.storage
    return [
      new Plugin({
        key: new PluginKey('elapsedStamp'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((t) => t.docChanged)) return null
          const now = storage.getElapsedMs()
          if (now === null) return null
          // Only blocks these transactions touched get the current time: paragraphs typed before the clock
          // started stay unstamped rather than receiving the time of some later, unrelated edit.
          const touched = changedRanges(transactions)
          const tr = state.tr
          for (const [from, to] of touched) {
            state.doc.nodesBetween(Math.max(0, from), Math.min(state.doc.content.size, to), (node, pos) => {
              if (!STAMPED_TYPES.includes(node.type.name)) return true
              // An attribute step maps no positions, so selection, history and decorations stay where they are.
              if (node.attrs['elapsedMs'] == null && /\S/.test(node.textContent))
                tr.setNodeAttribute(pos, 'elapsedMs', now)
              return false // paragraphs and headings hold only text
            })
          }
          return tr.docChanged ? tr.setMeta('addToHistory', false) : null
        },
      }),
    ]
  },
})

/** Points a live editor's stamps at another clock (the interview was started, paused or resumed). */
export function setElapsedSource(editor: Editor, getElapsedMs: () => number | null): void {
  ;(editor.storage as unknown as { elapsedStamp: ElapsedStampOptions }).elapsedStamp.getElapsedMs =
    getElapsedMs
}
