import type { z } from 'zod'
import type { Channel, Contract } from '../../shared/ipc/contracts'
import type { ServiceContext } from '../db/context'
import type { AppContext, ShellServices } from './app-context'

type Output<C extends Channel> = z.input<Contract[C]['output']> | Promise<z.input<Contract[C]['output']>>

/**
 * A library channel's handler gets the open library's context, resolved by dispatch (which also owns the
 * transaction); a shell channel's handler gets the app, for the library manager and the shell's abilities.
 */
export type Handler<C extends Channel> = Contract[C] extends { shell: true }
  ? (app: AppContext, input: z.output<Contract[C]['input']>) => Output<C>
  : (
      ctx: ServiceContext,
      input: z.output<Contract[C]['input']>,
      /** Only an ownTransaction job gets the shell: a report's PDF is printed by it (reports:render). */
      shell: ShellServices,
    ) => Output<C>

/** Handlers for a subset of channels; handlers.ts merges the feature areas into the full table. */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> }
export type HandlerTable = HandlersFor<Channel>
