export * from './library-json'
