// No look-alike characters (0/O, 1/l/I), so a password read out over the phone is typed right.
const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';
const alphabet = letters + digits;

function pick(chars: string, random: number): string {
  return chars[random % chars.length] ?? 'x';
}

/**
 * A random 14-character temporary password from the browser's cryptographic generator: about
 * 80 bits, far beyond the password policy's minimum length and guessability (docs/security.md).
 */
export function generateTemporaryPassword(length = 14): string {
  const random = crypto.getRandomValues(new Uint32Array(length));
  const chars = Array.from(random, (r) => pick(alphabet, r));
  chars[0] = pick(letters, random[0] ?? 0);
  chars[length - 1] = pick(digits, random[length - 1] ?? 0);
  return chars.join('');
}
