import PptxGenJS from 'pptxgenjs'
import type { Board, BoardInsights } from '../domain/board'
import { boardView, type BoardExportOptions, type BoardView } from './export-model'
import { addBoardSlides, SLIDE } from './pptx-board-slide'
import { FONT_FACE } from './pptx-curve'
import { addStageSlides } from './pptx-stage-slides'

/**
 * The board as an editable deck (pptxgenjs): a title slide, the board slide (native shapes and text boxes,
 * see pptx-board-slide.ts; more than one for a big board), and one slide per visible stage with every card of the visible lanes, the stage's
 * emotion, evidence, ratings and churn reasons. Everything is text and shapes, nothing is a picture, so the
 * deck can be edited in PowerPoint, Keynote or LibreOffice. Runs in the browser as well as in Node: pptxgenjs
 * loads Node modules only when it runs under Node and only for media files, which these decks have none of.
 */
export async function boardPptx(
  board: Board,
  insights: BoardInsights,
  opts: BoardExportOptions,
): Promise<Uint8Array> {
  const view = boardView(board, insights, opts)
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = board.name
  pptx.subject = board.studyName
  pptx.company = 'Fieldnote'
  addTitleSlide(pptx, view)
  addBoardSlides(pptx, view)
  for (const stage of view.stages) addStageSlides(pptx, view, stage)
  const out = await pptx.write({ outputType: 'uint8array' })
  return out as Uint8Array
}

const TEXT = { fontFace: FONT_FACE, color: '1F2937', margin: 0 } as const

function addTitleSlide(pptx: PptxGenJS, view: BoardView): void {
  const { board, labels } = view
  const slide = pptx.addSlide()
  slide.addText(board.name, {
    ...TEXT,
    x: 0.8,
    y: 2.2,
    w: SLIDE.w - 1.6,
    h: 1.2,
    fontSize: 36,
    bold: true,
    valign: 'bottom',
  })
  const about = [
    `${labels.study}: ${board.studyName}`,
    board.segment ? `${labels.segment} ${board.segment}` : '',
    board.persona ? `${labels.persona}: ${board.persona}` : '',
  ].filter(Boolean)
  const lines = [
    about.join(' · '),
    board.description,
    `${view.stages.length} ${labels.stages} · ${board.content.cards.length} ${labels.cards} · ${labels.updated} ${board.updatedAt.slice(0, 10)}`,
  ].filter(Boolean)
  slide.addText(lines.join('\n'), {
    ...TEXT,
    x: 0.8,
    y: 3.55,
    w: SLIDE.w - 1.6,
    h: 2,
    fontSize: 16,
    color: '4B5563',
    valign: 'top',
    paraSpaceAfter: 6,
  })
}
