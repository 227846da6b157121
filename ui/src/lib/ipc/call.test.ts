import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { IpcFailure, describe: describeError, describeFailure } = await import('./call');
const { commands } = await import('./commands.gen');
const { api } = await import('./index');
const { runbooks } = await import('./runbooks');

beforeEach(() => {
  invoke.mockReset();
});

describe('the generated client', () => {
  it('sends each command under its declared name with camel-case argument names', async () => {
    invoke.mockResolvedValue({ id: 'mistral', name: 'Mistral' });
    const vendor = { id: 'mistral', name: 'Mistral' };
    expect(await commands.vendorSave(null, vendor)).toEqual(vendor);
    expect(invoke).toHaveBeenLastCalledWith('vendor_save', { originalId: null, vendor });
    await commands.appInfo();
    expect(invoke).toHaveBeenLastCalledWith('app_info', {});
  });

  it('keeps the facades the views use', async () => {
    invoke.mockResolvedValue(null);
    await api.deleteWorkflow('support-chat');
    expect(invoke).toHaveBeenLastCalledWith('workflow_delete', { id: 'support-chat' });
    await runbooks.walk('openai-degraded');
    expect(invoke).toHaveBeenLastCalledWith('walkthrough_get', {
      runbookId: 'openai-degraded',
      incidentId: null,
    });
    await runbooks.save('openai.md', 'text', 'v1');
    expect(invoke).toHaveBeenLastCalledWith('runbook_save', {
      file: 'openai.md',
      content: 'text',
      baseVersion: 'v1',
    });
  });

  it('turns the shell error into an IpcFailure with its code and fields', async () => {
    invoke.mockImplementation(async () => {
      throw {
        code: 'invalid',
        message: "vendor 'Bad!' is invalid: id: use lower-case letters",
        fields: [{ field: 'id', message: 'use lower-case letters' }],
      };
    });
    const e = await commands.vendorDelete("Bad!").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IpcFailure);
    expect((e as InstanceType<typeof IpcFailure>).code).toBe('invalid');
    expect((e as InstanceType<typeof IpcFailure>).fields).toEqual([
      { field: 'id', message: 'use lower-case letters' },
    ]);
  });

  it('calls a refused call `ipc`, with the reason', async () => {
    invoke.mockImplementation(async () => {
      throw 'invalid args `vendor` for command `vendor_save`';
    });
    const e = (await commands.vendorSave(null, { id: 'x', name: 'X' }).catch((x: unknown) => x)) as InstanceType<
      typeof IpcFailure
    >;
    expect(e.code).toBe('ipc');
    expect(describeError(e)).toBe(
      'The app could not run this command: invalid args `vendor` for command `vendor_save`',
    );
  });
});

describe('describing a failure', () => {
  it('shows the shell sentence, which names the item', () => {
    const f = new IpcFailure({ code: 'not_found', message: "there is no workflow 'ghost'" });
    expect(describeFailure(f)).toBe("there is no workflow 'ghost'");
    expect(describeError(new Error('plain'))).toBe('plain');
  });
});

describe('storing a key', () => {
  it('sends the reference and the key once, and shows a keyring failure as the shell words it', async () => {
    invoke.mockResolvedValue(null);
    await api.storeKey('keyring:brownout/openai', 'typed-key');
    expect(invoke).toHaveBeenLastCalledWith('credential_store', {
      reference: 'keyring:brownout/openai',
      secret: 'typed-key',
    });
    const message = 'no OS keyring is available on this machine (no dbus session found); use an env: reference';
    expect(describeFailure(new IpcFailure({ code: 'keyring', message }))).toBe(message);
  });
});
