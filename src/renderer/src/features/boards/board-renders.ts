/**
 * How many times board cards have rendered (committed), for `npm run bench`: moving one card must re-render
 * only the cards whose place changed, and this count is how the benchmark sees that. It is exposed to the
 * page as `window.__fieldnoteBoardRenders` only when the address has `?bench`, so ordinary use carries no
 * global; the bench reads `.count` before and after a move.
 */
export const boardRenders = { count: 0 }

declare global {
  interface Window {
    __fieldnoteBoardRenders?: typeof boardRenders
  }
}

if (typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench'))
  window.__fieldnoteBoardRenders = boardRenders
