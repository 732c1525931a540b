import type { z } from 'zod'
import type { Channel, Contract } from '../../shared/ipc/contract'
import type { AppContext } from './app-context'

export type Handler<C extends Channel> = (
  app: AppContext,
  input: z.output<Contract[C]['input']>,
) => z.input<Contract[C]['output']> | Promise<z.input<Contract[C]['output']>>

/** Handlers for a subset of channels; handlers.ts merges the feature areas into the full table. */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> }
export type HandlerTable = HandlersFor<Channel>
