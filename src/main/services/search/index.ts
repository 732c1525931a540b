export * from './hits'
export * from './sources'
