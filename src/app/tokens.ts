import { hash, randomBytes, randomUUID } from 'node:crypto';

/** A new random identifier for a stored record. */
export const newId = (): string => randomUUID();

/** A secret with 256 bits of entropy, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored only as their SHA-256 (they are long random values, so no slow hash is needed). */
export const hashSecret = (secret: string): string => hash('sha256', secret, 'hex');
