import { boardCsv } from '../../../../shared/boards/board-csv'
import { boardMermaid } from '../../../../shared/boards/board-mermaid'
import { boardPdf } from '../../../../shared/boards/board-pdf'
import { boardSvg } from '../../../../shared/boards/board-svg'
import type { BoardExportOptions } from '../../../../shared/boards/export-model'
import type { Board, BoardInsights } from '../../../../shared/domain/board'
import { fileNameFrom } from '../../lib/download'
import { rasterizeSvg } from '../../lib/rasterize'

export const BOARD_FORMATS = ['png', 'svg', 'pdf', 'pptx', 'csv', 'mermaid'] as const
export type BoardFormat = (typeof BOARD_FORMATS)[number]

export interface BoardFile {
  fileName: string
  data: Uint8Array | string
  type: string
}

const EXTENSION: Record<BoardFormat, string> = {
  png: 'png',
  svg: 'svg',
  pdf: 'pdf',
  pptx: 'pptx',
  csv: 'csv',
  mermaid: 'mmd',
}

/**
 * One board export, from the editor's current copy (what is on screen, saved or not yet) and the library's
 * insights. Every format comes from the shared builders the tests check; PNG and PDF are pictures of the SVG.
 * pptxgenjs is loaded only when a deck is asked for, so opening a board does not pay for it.
 */
export async function boardFile(
  format: BoardFormat,
  board: Board,
  insights: BoardInsights,
  opts: BoardExportOptions,
): Promise<BoardFile> {
  const fileName = fileNameFrom(board.name, EXTENSION[format])
  switch (format) {
    case 'svg':
      return { fileName, data: boardSvg(board, insights, opts), type: 'image/svg+xml' }
    case 'png': {
      const png = await rasterizeSvg(boardSvg(board, insights, opts), { type: 'image/png' })
      return { fileName, data: png.bytes, type: 'image/png' }
    }
    case 'pdf': {
      const jpeg = await rasterizeSvg(boardSvg(board, insights, opts), { type: 'image/jpeg' })
      const pdf = boardPdf(
        { jpeg: jpeg.bytes, width: jpeg.width, height: jpeg.height },
        { title: board.name },
      )
      return { fileName, data: pdf, type: 'application/pdf' }
    }
    case 'pptx': {
      const { boardPptx } = await import('../../../../shared/boards/board-pptx')
      const deck = await boardPptx(board, insights, opts)
      return {
        fileName,
        data: deck,
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      }
    }
    case 'csv':
      return { fileName, data: boardCsv(board, insights), type: 'text/csv;charset=utf-8' }
    case 'mermaid':
      return { fileName, data: boardMermaid(board, insights, opts), type: 'text/plain;charset=utf-8' }
  }
}
