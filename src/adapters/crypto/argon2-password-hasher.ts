import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax.
const ARGON2ID = 2;
import type { PasswordHasher } from '../../app/ports.js';

/** OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_PRODUCTION = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id password hashing (PHC string format, so parameters can be raised later without migration). */
export function createArgon2PasswordHasher(parameters = ARGON2_PRODUCTION): PasswordHasher {
  return {
    hash: (password) => hash(password, { algorithm: ARGON2ID, ...parameters }),
    verify: async (passwordHash, password) => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}
