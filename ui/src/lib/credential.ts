// Credential references as the endpoint form sees them. The shell checks them again; this only
// decides what the form offers.

/** `keyring:SERVICE/ACCOUNT`, each part 1–64 letters, digits or `. _ @ -`. */
const KEYRING_REFERENCE = /^keyring:[A-Za-z0-9._@-]{1,64}\/[A-Za-z0-9._@-]{1,64}$/;

/** The reference names an OS keyring entry, whose key the form can store. */
export function isKeyringReference(reference: string | undefined | null): boolean {
  return KEYRING_REFERENCE.test((reference ?? '').trim());
}
