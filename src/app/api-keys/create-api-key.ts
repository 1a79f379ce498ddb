import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/actor.js';
import { DomainError } from '../../domain/errors.js';
import type { Role } from '../../domain/roles.js';
import { API_KEY_ROLES_BY_ORGANISATION_KIND } from '../../domain/roles.js';
import { loadOrganisationFor } from '../organisations/access.js';
import type { ApiKeyRecord, Deps } from '../ports.js';
import { hashSecret, newId, newSecret } from '../tokens.js';
import type { ApiKeyView } from './views.js';
import { toApiKeyView } from './views.js';

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newPrefix(): string {
  return [...randomBytes(12)].map((byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join('');
}

/** Creates an API key for a system client of an organisation; the secret is returned once, never stored. */
export async function createApiKey(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  input: { orgId: string; name: string; roles?: Role[] | undefined },
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  const organisation = await loadOrganisationFor(
    deps.store.organisations,
    actor,
    'apiKey.manage',
    input.orgId,
  );
  const allowed = API_KEY_ROLES_BY_ORGANISATION_KIND[organisation.kind];
  if (allowed.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Only enterprises and agencies have API keys.', [
      { path: 'orgId', code: 'no_api_keys', message: `A ${organisation.kind} cannot have API keys.` },
    ]);
  }
  const roles = input.roles?.length ? [...new Set(input.roles)] : [...allowed];
  const badRole = roles.findIndex((role) => !allowed.includes(role));
  if (badRole >= 0) {
    throw new DomainError('VALIDATION_FAILED', 'An API key cannot hold that role.', [
      { path: `roles.${badRole}`, code: 'role_not_allowed', message: `Allowed: ${allowed.join(', ')}.` },
    ]);
  }
  const prefix = newPrefix();
  const secret = newSecret();
  const at = deps.clock.now().toISOString();
  const apiKey: ApiKeyRecord = {
    id: newId(),
    orgId: organisation.id,
    name: input.name.trim(),
    prefix,
    secretHash: hashSecret(secret),
    roles,
    createdByUserId: actor.kind === 'user' ? actor.userId : null,
    createdAt: at,
    revokedAt: null,
    lastUsedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.apiKeys.insert(apiKey);
    await tx.audit.append(actor, at, {
      type: 'api_key.created',
      subjectType: 'api_key',
      subjectId: apiKey.id,
      data: { name: apiKey.name, prefix, orgId: organisation.id, roles },
    });
  });
  return { apiKey: toApiKeyView(apiKey), secret: `origo_${prefix}_${secret}` };
}
