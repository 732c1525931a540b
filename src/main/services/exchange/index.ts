export * from './library-json'
export * from './qdpx-export'
export * from './qdpx-import'
