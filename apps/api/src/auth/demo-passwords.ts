/**
 * The demo users' passwords. They are published (README, `npm start`'s banner), so the password
 * policy refuses them as new passwords (docs/security.md, control 3): nobody should give a real
 * account a password every reader of the repository knows.
 */

/** Meets the password policy's length and strength rules: a demo should not teach a weak password. */
export const demoPassword = 'Vapur-Pusula-42';
/** The demo password of data folders seeded before the policy; their demo users keep it. */
export const legacyDemoPassword = 'Demo-2026!';

/** Lower case, as the strength estimator matches dictionary words. */
export const publishedPasswords = [demoPassword, legacyDemoPassword].map((p) => p.toLowerCase());
