/** Stable error codes: the renderer keys its messages on these, never on message text. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'NO_LIBRARY',
  'LIBRARY_NOT_FOUND',
  'LIBRARY_EMPTY_FILE',
  'LIBRARY_NOT_SQLITE',
  'LIBRARY_FOREIGN',
  'LIBRARY_DAMAGED',
  'LIBRARY_READ_ONLY',
  'LIBRARY_NEWER_VERSION',
  'LIBRARY_EXISTS',
  'LIBRARY_IS_FOLDER',
  'LIBRARY_UNREADABLE',
  /** Another program (or another Fieldnote) holds the library locked; it was left untouched. */
  'LIBRARY_LOCKED',
  /** The library's file or folder is not there: a drive or share that was disconnected, a folder moved or deleted. */
  'LIBRARY_GONE',
  /** A backup could not be written or failed its check; no file was left under a backup's name. */
  'BACKUP_FAILED',
  'UNKNOWN_CHANNEL',
  /** The input is over a size limit: sending it again cannot succeed (params say what, the limit and the size). */
  'TOO_LARGE',
  /** The user stopped a long job (an export); nothing was written. */
  'CANCELLED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorShape {
  code: ErrorCode
  message: string
  /** Field-level problems for VALIDATION, as "path: message". */
  issues?: string[]
  /** Values for the renderer's translated message of this code (e.g. the file path). */
  params?: Record<string, string>
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }

/** Thrown by services; handle() turns it into an error envelope with the same code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
    readonly params?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
