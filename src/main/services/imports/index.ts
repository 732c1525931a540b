export * from './companies'
export * from './preview'
export * from './progress'
export * from './survey'
