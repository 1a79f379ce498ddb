import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { DomainError } from './errors.js';
import type { Permission, Scope } from './policy.js';
import { POLICY, authorize, isAllowed } from './policy.js';
import type { Role } from './roles.js';

// The actors of the table: the operator, one user per role, and an ERP's API key.
const user = (role: Role, orgId: string, officeIds: string[] = []): Actor => ({
  kind: 'user',
  userId: `u-${role}`,
  orgId,
  orgKind: role.startsWith('customs') ? 'office' : role === 'agent_staff' ? 'agency' : 'enterprise',
  roles: [role],
  officeIds,
});
const ACTORS = {
  system: { kind: 'system', name: 'cli' } as Actor,
  entAdmin: user('enterprise_admin', 'ent-1'),
  applicant: user('enterprise_applicant', 'ent-1'),
  agent: user('agent_staff', 'agency-1'),
  officer: user('customs_officer', 'office-1', ['office-1']),
  customsAdmin: user('customs_admin', 'authority'),
  apiKey: {
    kind: 'apiKey',
    apiKeyId: 'k',
    orgId: 'ent-1',
    orgKind: 'enterprise',
    roles: ['enterprise_applicant'],
    officeIds: [],
  } as Actor,
};
type ActorName = keyof typeof ACTORS;

// The objects: something of enterprise 1 (affiliated with office 1), of enterprise 2 (office 2), of
// agency 1, of office 1 itself, and nothing known at all.
const SCOPES: Record<string, Scope> = {
  ent1: { orgId: 'ent-1', orgKind: 'enterprise', officeId: 'office-1' },
  ent2: { orgId: 'ent-2', orgKind: 'enterprise', officeId: 'office-2' },
  agency1: { orgId: 'agency-1', orgKind: 'agency', officeId: 'office-1' },
  office1: { orgId: 'office-1', orgKind: 'office', officeId: 'office-1' },
  none: {},
};
type ScopeName = keyof typeof SCOPES;

/** Who may, per permission and scope. Everyone not listed is refused. */
const EXPECTED: Record<Permission, Partial<Record<ScopeName, ActorName[]>>> = {
  'session.read': Object.fromEntries(
    Object.keys(SCOPES).map((scope) => [
      scope,
      ['entAdmin', 'applicant', 'agent', 'officer', 'customsAdmin', 'apiKey'],
    ]),
  ),
  'account.changePassword': Object.fromEntries(
    Object.keys(SCOPES).map((scope) => [
      scope,
      ['entAdmin', 'applicant', 'agent', 'officer', 'customsAdmin'],
    ]),
  ),
  'organisation.read': {
    ent1: ['system', 'customsAdmin', 'entAdmin', 'applicant', 'apiKey', 'officer'],
    ent2: ['system', 'customsAdmin'],
    agency1: ['system', 'customsAdmin', 'agent', 'officer'],
    office1: ['system', 'customsAdmin', 'officer'],
    none: ['system', 'customsAdmin'],
  },
  'organisation.create': Object.fromEntries(
    Object.keys(SCOPES).map((scope) => [scope, ['system', 'customsAdmin']]),
  ),
  'user.manage': {
    ent1: ['system', 'customsAdmin', 'entAdmin'],
    ent2: ['system', 'customsAdmin'],
    agency1: ['system', 'customsAdmin'],
    office1: ['system', 'customsAdmin'],
    none: ['system', 'customsAdmin'],
  },
  'apiKey.manage': {
    ent1: ['system', 'customsAdmin', 'entAdmin'],
    ent2: ['system', 'customsAdmin'],
    agency1: ['system', 'customsAdmin'],
    office1: ['system', 'customsAdmin'],
    none: ['system', 'customsAdmin'],
  },
  'enterpriseProfile.read': {
    ent1: ['system', 'customsAdmin', 'entAdmin', 'applicant', 'apiKey', 'officer'],
    ent2: ['system', 'customsAdmin'],
    agency1: ['system', 'customsAdmin', 'agent', 'officer'],
    office1: ['system', 'customsAdmin', 'officer'],
    none: ['system', 'customsAdmin'],
  },
  'enterpriseProfile.maintain': {
    ent1: ['system', 'entAdmin'],
    ent2: ['system'],
    agency1: ['system'],
    office1: ['system'],
    none: ['system'],
  },
  'audit.read': Object.fromEntries(Object.keys(SCOPES).map((scope) => [scope, ['system', 'customsAdmin']])),
  'jobs.manage': Object.fromEntries(Object.keys(SCOPES).map((scope) => [scope, ['system', 'customsAdmin']])),
};

describe('permission table (src/domain/policy.ts): every permission x actor x scope', () => {
  it('covers every permission the policy defines', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const permission of Object.keys(POLICY) as Permission[]) {
    for (const [scopeName, scope] of Object.entries(SCOPES)) {
      for (const [actorName, actor] of Object.entries(ACTORS)) {
        const allowed = (EXPECTED[permission][scopeName] ?? []).includes(actorName as ActorName);
        it(`${permission} on ${scopeName} by ${actorName}: ${allowed ? 'allowed' : 'refused'}`, () => {
          expect(isAllowed(actor, permission, scope)).toBe(allowed);
          if (allowed) expect(() => authorize(actor, permission, scope)).not.toThrow();
          else {
            expect(() => authorize(actor, permission, scope)).toThrow(DomainError);
            try {
              authorize(actor, permission, scope);
            } catch (error) {
              expect((error as DomainError).code).toBe('FORBIDDEN');
            }
          }
        });
      }
    }
  }

  it('refuses a permission the table does not name, to everyone (deny by default)', () => {
    for (const actor of Object.values(ACTORS)) {
      expect(isAllowed(actor, 'certificate.forge' as Permission, SCOPES.ent1)).toBe(false);
    }
  });

  it('does not let an officer act for an office they do not belong to', () => {
    expect(isAllowed(ACTORS.officer, 'organisation.read', SCOPES.ent2)).toBe(false);
  });
});
