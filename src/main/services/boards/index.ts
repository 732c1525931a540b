export * from './boards'
export * from './content'
export * from './insights'
export * from './walkthrough'
