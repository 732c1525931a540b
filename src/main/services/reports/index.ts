export * from './build'
export * from './document'
export * from './pseudonyms'
export * from './render'
