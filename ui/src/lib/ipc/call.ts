// The one door to the shell: every generated command goes through `call`, which turns the
// shell's `{code, message, fields}` error into an `IpcFailure` with a typed code.
import { invoke } from '@tauri-apps/api/core';
import type { Code, FieldError, IpcError } from '../ipc-types';
import type { CommandName } from './commands.gen';

/**
 * Why a call failed: one of the shell's codes, or `ipc` when the call itself was refused before
 * any command ran (a malformed argument, a command the window may not call).
 */
export type FailureCode = Code | 'ipc';

export class IpcFailure extends Error {
  code: FailureCode;
  fields: FieldError[];
  constructor(e: { code: FailureCode; message: string; fields?: FieldError[] }) {
    super(e.message);
    this.code = e.code;
    this.fields = e.fields ?? [];
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

/** Calls a declared command; use the typed `commands.*` (generated) rather than this. */
export async function call<T>(cmd: CommandName, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    if (isIpcError(e)) throw new IpcFailure(e);
    throw new IpcFailure({ code: 'ipc', message: String(e) });
  }
}

/**
 * The sentence to show for a failure. Every code is handled here, and the `never` check makes
 * a code added in Rust (and so in the generated `Code`) fail the type check until it is.
 */
export function describeFailure(f: IpcFailure): string {
  const code = f.code;
  switch (code) {
    case 'invalid':
    case 'not_found':
    case 'in_use':
    case 'conflict':
    case 'bad_path':
    case 'io':
    case 'watch':
      // The shell's sentence names the item, id or file.
      return f.message;
    case 'store':
    case 'newer_schema':
    case 'read_only':
    case 'not_brownout':
      // The database itself: the sentence names it and what to do.
      return f.message;
    case 'keyring':
      // The OS keyring's own answer: missing, locked or refused, and what to do instead.
      return f.message;
    case 'ipc':
      return `The app could not run this command: ${f.message}`;
    default: {
      const unhandled: never = code;
      return `${f.message} (${String(unhandled)})`;
    }
  }
}

/** A person-readable sentence for any failure. */
export function describe(e: unknown): string {
  if (e instanceof IpcFailure) return describeFailure(e);
  return e instanceof Error ? e.message : String(e);
}
