// The core's slug rule (`brownout-core` `slug::slugify_words`), ported exactly: ids suggested
// from names must be the ids the core would make, and runbook step ids depend on the same rule.
// `slug.test.ts` checks this port against a case table the core writes (`slug-cases.json`).

/** The longest slug, in characters (all ASCII, so also bytes). */
export const SLUG_MAX = 64;

/**
 * Lower-case ASCII words joined by `-`, at most `maxWords` words and 64 characters; anything
 * that is not an ASCII letter or digit separates words. May be empty.
 */
export function slugifyWords(text: string, maxWords: number): string {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .slice(0, maxWords);
  let out = '';
  for (const w of words) {
    // As in the core: a word that would pass the limit ends the slug (even the first one).
    if (out.length + w.length + 1 > SLUG_MAX) break;
    out += (out ? '-' : '') + w;
  }
  return out;
}

/** `slugifyWords` without a word limit: the id a name suggests. */
export function slugify(text: string): string {
  return slugifyWords(text, Number.POSITIVE_INFINITY);
}
