export * from './evidence'
export * from './insights'
export * from './report-section'
