/**
 * The library JSON format: a whole library, or one study of it, as one versioned JSON file of its primary
 * rows (docs/library-json.schema.json; the format's decisions in docs/decisions.md). Export reads the open
 * library; import checks a whole file first (readLibraryJson) and then writes it into a new, empty library in
 * one transaction (writeLibraryJson), so a refused file leaves nothing behind.
 */
export { exportLibraryJson } from './library-json-export'
export { readLibraryJson, type LibraryJsonFile } from './library-json-read'
export { libraryJsonSchema, libraryJsonSchemaText } from './library-json-schema'
export { DERIVED_TABLES, FORMAT_ID, FORMAT_VERSION, SCHEMA_VERSION, TABLE_NAMES } from './library-json-tables'
export { writeLibraryJson, type LibraryJsonWritten } from './library-json-write'
