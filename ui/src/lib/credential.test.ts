import { describe, expect, it } from 'vitest';
import { isKeyringReference } from './credential';

describe('isKeyringReference', () => {
  it('accepts keyring:SERVICE/ACCOUNT', () => {
    expect(isKeyringReference('keyring:brownout/openai')).toBe(true);
    expect(isKeyringReference(' keyring:a.b_c@d-e/F.9 ')).toBe(true);
  });

  it('refuses env references, half references and anything else', () => {
    for (const value of ['env:OPENAI_API_KEY', 'keyring:', 'keyring:brownout', 'keyring:/x', 'keyring:a/b/c', 'keyring:a b/c', `keyring:${'a'.repeat(65)}/b`, '', undefined, null]) {
      expect(isKeyringReference(value)).toBe(false);
    }
  });
});
