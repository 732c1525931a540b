import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The exported HTML, shown in a frame that runs no script (sandbox without allow-scripts). The app's own
 * Content-Security-Policy also governs a srcdoc frame and forbids inline <style>, so the report's stylesheet
 * is taken out of the markup and given to the frame as a constructed stylesheet, which that policy allows;
 * the page looks as the file will, and nothing is relaxed for it.
 */
export function ReportPreview({ html }: { html: string }) {
  const { t } = useTranslation()
  const frame = useRef<HTMLIFrameElement>(null)
  const { body, css } = useMemo(() => splitStyles(html), [html])

  useEffect(() => {
    const el = frame.current
    if (!el) return
    const adopt = () => {
      const doc = el.contentDocument
      const win = el.contentWindow as (Window & typeof globalThis) | null
      if (!doc || !win) return
      const sheet = new win.CSSStyleSheet()
      sheet.replaceSync(css)
      doc.adoptedStyleSheets = [sheet]
    }
    el.addEventListener('load', adopt)
    return () => el.removeEventListener('load', adopt)
  }, [css])

  return (
    <iframe
      ref={frame}
      className="report-preview"
      title={t('reports.previewFrame')}
      sandbox="allow-same-origin"
      srcDoc={body}
    />
  )
}

/**
 * The document without its <style> elements and CSP meta (the frame has the app's), and their CSS. Done on
 * the text, not with DOMParser: a parsed document shares the page's policy and reports the style it holds
 * as a violation. The HTML is our own reportHtml output, so its <style> and <meta> shapes are known.
 */
function splitStyles(html: string): { body: string; css: string } {
  const css: string[] = []
  const body = html
    .replace(/<style>([\s\S]*?)<\/style>/g, (_m, text: string) => {
      css.push(text)
      return ''
    })
    .replace(/<meta http-equiv="[^"]*" content="[^"]*">/g, '')
  return { body, css: css.join('\n') }
}
