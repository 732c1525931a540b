import { Mark, mergeAttributes, type Editor } from '@tiptap/core'
import type { Mark as PmMark, Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { changedRanges } from './changed-ranges'

export interface HighlightMarkStorage {
  /** Colour of a highlight (its first tag's), or null for an untagged one. */
  colorOf: (id: string) => string | null
  /** Mod+K or the toolbar: the user wants to tag the selection. */
  onTagRequest: (() => void) | null
  /** A click on highlighted text: the ids under the pointer, innermost first. */
  onHighlightClick: ((ids: string[]) => void) | null
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    highlight: {
      /** Adds highlight `id` to the selection (alongside any highlights already there). */
      addHighlight: (id: string) => ReturnType
      /** Removes highlight `id` wherever it is. */
      removeHighlight: (id: string) => ReturnType
    }
  }
}

export const HIGHLIGHT_MARK = 'highlight'
const colorKey = new PluginKey<DecorationSet>('highlightColors')

export const idsOf = (mark: PmMark | undefined): string[] => {
  const ids = mark?.attrs['ids'] as unknown
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []
}

/** Rewrites the highlight mark of every text node in [from, to) through `change`. */
function rewrite(
  tr: Transaction,
  doc: PmNode,
  from: number,
  to: number,
  change: (ids: string[]) => string[],
): void {
  const type = doc.type.schema.marks[HIGHLIGHT_MARK]
  if (!type) return
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return
    const a = Math.max(from, pos)
    const b = Math.min(to, pos + node.nodeSize)
    if (a >= b) return
    const current = idsOf(node.marks.find((m) => m.type === type))
    const next = change(current)
    if (next.length === current.length && next.every((x, i) => x === current[i])) return
    tr.removeMark(a, b, type)
    if (next.length) tr.addMark(a, b, type.create({ ids: next }))
  })
}

/** Colour decorations for the tagged text nodes overlapping [from, to) (the whole document by default). */
function decorationsIn(
  doc: PmNode,
  colorOf: (id: string) => string | null,
  from = 0,
  to = doc.content.size,
): Decoration[] {
  const decos: Decoration[] = []
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true
    const ids = idsOf(node.marks.find((m) => m.type.name === HIGHLIGHT_MARK))
    const color = ids.map(colorOf).find((c) => c)
    // A CSS variable set through the CSSOM (ProseMirror applies decoration styles via style.cssText), which the CSP allows.
    if (color && /^#[0-9a-f]{6}$/i.test(color))
      decos.push(
        Decoration.inline(pos, pos + node.nodeSize, { style: `--tag-color: ${color}`, class: 'hl-tagged' }),
      )
    return false
  })
  return decos
}

function colorDecorations(state: EditorState, colorOf: (id: string) => string | null): DecorationSet {
  return DecorationSet.create(state.doc, decorationsIn(state.doc, colorOf))
}

/**
 * The previous colours mapped through an edit, recomputed only around what the edit changed: rebuilding
 * them over the whole note on every keystroke was one of the costs that grew with the note.
 */
function mapDecorations(
  tr: Transaction,
  old: DecorationSet,
  colorOf: (id: string) => string | null,
): DecorationSet {
  let set = old.map(tr.mapping, tr.doc)
  const size = tr.doc.content.size
  for (const [changedFrom, changedTo] of changedRanges([tr], { marks: true })) {
    // One position of margin each side catches text nodes an edit joined or split at its edges.
    const from = Math.max(0, changedFrom - 1)
    const to = Math.min(size, changedTo + 1)
    const stale = set.find(from, to).filter((d) => d.to > from && d.from < to)
    if (stale.length) set = set.remove(stale)
    const fresh = decorationsIn(tr.doc, colorOf, from, to)
    if (fresh.length) set = set.add(tr.doc, fresh)
  }
  return set
}

/** Asks the editor to recolour its highlights (the tags or their colours changed). */
export function refreshHighlightColors(editor: Editor): void {
  if (!editor.isDestroyed)
    editor.view.dispatch(editor.state.tr.setMeta(colorKey, true).setMeta('addToHistory', false))
}

export function highlightStorage(editor: Editor): HighlightMarkStorage {
  return (editor.storage as unknown as { highlight: HighlightMarkStorage }).highlight
}

/**
 * Tagged passages in notes: a mark carrying the ids of the highlights over that text, so highlights can
 * overlap and one passage can hold several. Not inclusive: typing at a highlight's edge does not extend it.
 * The server derives the highlight rows (offsets, quote) from these marks on every save.
 */
export const HighlightMark = Mark.create<Record<string, never>, HighlightMarkStorage>({
  name: HIGHLIGHT_MARK,
  inclusive: false,
  addStorage() {
    return { colorOf: () => null, onTagRequest: null, onHighlightClick: null }
  },
  addAttributes() {
    return {
      ids: {
        default: [],
        parseHTML: (el) => (el.getAttribute('data-highlight-ids') ?? '').split(/\s+/).filter(Boolean),
        renderHTML: (attrs) => ({ 'data-highlight-ids': (attrs['ids'] as string[]).join(' ') }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'mark[data-highlight-ids]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['mark', mergeAttributes(HTMLAttributes, { class: 'hl' }), 0]
  },
  addCommands() {
    return {
      addHighlight:
        (id) =>
        ({ state, tr, dispatch }) => {
          const { from, to, empty } = state.selection
          if (empty) return false
          if (dispatch) rewrite(tr, state.doc, from, to, (ids) => (ids.includes(id) ? ids : [...ids, id]))
          return true
        },
      removeHighlight:
        (id) =>
        ({ state, tr, dispatch }) => {
          if (dispatch)
            rewrite(tr, state.doc, 0, state.doc.content.size, (ids) => ids.filter((x) => x !== id))
          return true
        },
    }
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        const request = this.storage.onTagRequest
        if (!request) return false
        // A shortcut pressed right after a keyboard selection (Shift+Home, Ctrl+K) can arrive before the
        // browser's selectionchange reaches ProseMirror: read the DOM selection first, so the picker tags
        // what is selected on screen instead of saying nothing is selected.
        flushDomSelection(this.editor.view)
        request()
        return true
      },
    }
  },
  addProseMirrorPlugins() {
    const storage = this.storage
    return [
      new Plugin<DecorationSet>({
        key: colorKey,
        state: {
          init: (_, state) => colorDecorations(state, storage.colorOf),
          apply: (tr, old, _oldState, state) =>
            tr.getMeta(colorKey)
              ? colorDecorations(state, storage.colorOf)
              : tr.docChanged
                ? mapDecorations(tr, old, storage.colorOf)
                : old,
        },
        props: {
          decorations: (state) => colorKey.getState(state),
          handleClick: (view, pos) => {
            const onClick = storage.onHighlightClick
            if (!onClick) return false
            const $pos = view.state.doc.resolve(pos)
            const ids = [
              ...new Set([
                ...idsOf($pos.marks().find((m) => m.type.name === HIGHLIGHT_MARK)),
                ...idsOf($pos.nodeAfter?.marks.find((m) => m.type.name === HIGHLIGHT_MARK)),
              ]),
            ]
            if (!ids.length) return false
            onClick(ids.reverse())
            return false
          },
        },
      }),
    ]
  },
})

/** ProseMirror's own observer flush (what its event handlers call); not in its typings, so reached softly. */
function flushDomSelection(view: unknown): void {
  ;(view as { domObserver?: { flush?: () => void } }).domObserver?.flush?.()
}
