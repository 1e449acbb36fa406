// Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I), shown as ABCD-EFGH and
// accepted in any case, with or without the dash or spaces. ~40 bits: guessing one is impractical.

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;
const VALID = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A new code; `randomIndex(n)` returns a uniform integer in [0, n) (crypto.randomInt in production). */
export function generateJoinCode(randomIndex: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** The stored form of what a learner typed, or null when it cannot be a code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return VALID.test(code) ? code : null;
}

/** ABCDEFGH → ABCD-EFGH (easier to read aloud and copy). */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
