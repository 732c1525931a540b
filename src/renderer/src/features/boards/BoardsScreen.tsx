import { BoardEditor } from './BoardEditor'
import { BoardList } from './BoardList'
import './boards.css'

/** Journey boards: the list of every study's boards, or one board open in the editor. */
export function BoardsScreen({ selectedId }: { selectedId?: string }) {
  return selectedId ? <BoardEditor key={selectedId} id={selectedId} /> : <BoardList />
}
