export * from './core'
export * from './qdc'
