export * from './list'
export * from './place'
