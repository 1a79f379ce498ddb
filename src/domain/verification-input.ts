/**
 * What a foreign official types into public verification, made comparable (DOMAIN.md section 8: most "not
 * found" answers come from 0/O confusion, stray spaces, full-width characters and hyphen variants). The
 * printing and verification issue builds its lookup on these.
 */

/** Dashes and hyphens people paste from documents and phones. */
const HYPHENS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u30FC]/g;
const ALREADY_NORMAL = /^[0-9A-Z-]*$/;

/**
 * A certificate or invoice number as typed, normalised: full-width forms to ASCII (NFKC), every dash to
 * "-", spaces and invisible characters removed, capitals.
 */
export function normaliseReference(typed: string): string {
  // Capitals, digits and "-" are already what the steps below make of them; most numbers arrive so
  // (status addresses, systems): answered as they are, without the Unicode normalisation's cost.
  if (ALREADY_NORMAL.test(typed)) return typed;
  return typed
    .normalize('NFKC')
    .replace(HYPHENS, '-')
    .replace(/[\s\u200B-\u200D\uFEFF]+/g, '')
    .toUpperCase();
}

/** Characters printed or read for one another. */
const LOOK_ALIKE: Record<string, string> = {
  O: '0',
  '0': 'O',
  I: '1',
  '1': 'I',
  L: '1',
  S: '5',
  '5': 'S',
  B: '8',
  '8': 'B',
  Z: '2',
  '2': 'Z',
};

/**
 * Numbers the typed one may have meant: each variant swaps one look-alike character (O/0, I/1, ...).
 * A lookup tries these when the number as typed is not found, and offers a match as "did you mean".
 */
export function lookAlikeVariants(normalised: string, limit = 64): string[] {
  const variants = new Set<string>();
  for (let index = 0; index < normalised.length && variants.size < limit; index++) {
    const swap = LOOK_ALIKE[normalised[index]!];
    if (swap) variants.add(normalised.slice(0, index) + swap + normalised.slice(index + 1));
  }
  variants.delete(normalised);
  return [...variants];
}
