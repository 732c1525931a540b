export * from './rollup'
export * from './survey'
