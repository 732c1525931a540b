export * from './sources'
