/**
 * Environment shims for jsdom: things a browser has and jsdom lacks. They stand in for the browser, never
 * for Fieldnote's own code.
 */
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

// <dialog>: jsdom has the element but not its modal API. Open/close toggle the `open` attribute as browsers do.
const dialogProto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>
if (typeof dialogProto.showModal !== 'function') {
  dialogProto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
}
if (typeof dialogProto.show !== 'function') {
  dialogProto.show = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
}
if (typeof dialogProto.close !== 'function') {
  dialogProto.close = function (this: HTMLDialogElement, returnValue?: string) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    if (returnValue !== undefined) this.returnValue = returnValue
    this.dispatchEvent(new Event('close'))
  }
}

// Layout: jsdom does no layout, but ProseMirror asks for rectangles and hit tests while handling selection.
const emptyRect = (): DOMRect =>
  ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect
const emptyRectList = (): DOMRectList => {
  const list = [] as unknown as DOMRectList & DOMRect[]
  Object.defineProperty(list, 'item', { value: () => null })
  return list
}
if (typeof Range.prototype.getBoundingClientRect !== 'function')
  Range.prototype.getBoundingClientRect = emptyRect
if (typeof Range.prototype.getClientRects !== 'function') Range.prototype.getClientRects = emptyRectList
if (typeof document.elementFromPoint !== 'function') document.elementFromPoint = () => null
if (typeof Element.prototype.scrollIntoView !== 'function') Element.prototype.scrollIntoView = () => {}
