import type { Actor } from '../../domain/actor.js';
import { Readable } from 'node:stream';
import { DomainError } from '../../domain/errors.js';
import { diffEnterpriseProfiles } from '../../domain/enterprise-profile.js';
import { authorize } from '../../domain/policy.js';
import type { Deps, OrganisationRecord } from '../ports.js';
import { newId } from '../tokens.js';
import { ensureSigningKey } from '../signing/generate-signing-key.js';
import { uploadOfficeSeal } from '../office-seals/upload-office-seal.js';
import { uploadOfficerSignature } from '../office-seals/upload-officer-signature.js';
import { demoOfficeSealPng, demoOfficerSignaturePng } from './demo-seal-images.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PROFILES, DEMO_USERS } from './demo-data.js';

/** The demo officer whose signature is on file (the others have none: their approvals template-print only). */
const DEMO_SIGNING_OFFICER = 'officer.wang';

/**
 * Loads the demo world into an empty database, all in one transaction, then gives every office a demo
 * electronic seal and officer.wang a demo signature (through the same use cases as the portal), so that
 * the demo's certificates can be self-printed. Refuses when any organisation
 * already exists, so it can never mix demo users into real data.
 */
export async function seedDemoData(
  deps: Pick<Deps, 'store' | 'clock' | 'passwords' | 'signer' | 'files'>,
  actor: Actor,
): Promise<{ organisations: number; users: number }> {
  authorize(actor, 'organisation.create');
  const { store } = deps;
  if ((await store.organisations.count()) > 0) {
    throw new DomainError(
      'CONFLICT',
      'The database already has organisations; demo data goes only into an empty one.',
    );
  }
  const at = deps.clock.now().toISOString();
  const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);
  const ids = new Map(DEMO_ORGANISATIONS.map((organisation) => [organisation.key, newId()]));
  const idOf = (key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`demo data names an unknown organisation ${key}`);
    return id;
  };

  await store.transaction(async (tx) => {
    for (const demo of DEMO_ORGANISATIONS) {
      const organisation: OrganisationRecord = {
        id: idOf(demo.key),
        kind: demo.kind,
        parentId: demo.parent ? idOf(demo.parent) : null,
        code: demo.code,
        nameEn: demo.nameEn,
        nameZh: demo.nameZh,
        createdAt: at,
      };
      await tx.organisations.insert(organisation);
      await tx.audit.append(actor, at, {
        type: 'organisation.created',
        subjectType: 'organisation',
        subjectId: organisation.id,
        data: {
          kind: organisation.kind,
          code: organisation.code,
          nameEn: organisation.nameEn,
          parentId: organisation.parentId,
        },
      });
    }
    for (const demo of DEMO_USERS) {
      const id = newId();
      const officeIds = demo.offices.map(idOf).sort();
      await tx.users.insert(
        {
          id,
          orgId: idOf(demo.organisation),
          username: demo.username,
          displayName: demo.displayName,
          passwordHash,
          roles: demo.roles,
          status: 'active',
          mustChangePassword: false,
          createdAt: at,
          updatedAt: at,
          passwordChangedAt: at,
        },
        officeIds,
      );
      await tx.audit.append(actor, at, {
        type: 'user.created',
        subjectType: 'user',
        subjectId: id,
        data: { username: demo.username, orgId: idOf(demo.organisation), roles: demo.roles, officeIds },
      });
    }
    // The demo enterprises that have maintained their information, already synchronised.
    for (const [key, profile] of Object.entries(DEMO_PROFILES)) {
      const organisation = DEMO_ORGANISATIONS.find((candidate) => candidate.key === key);
      if (!organisation?.parent) throw new Error(`demo profile ${key} has no organisation`);
      const data = { ...profile, affiliatedOfficeId: idOf(organisation.parent) };
      await tx.enterpriseProfiles.saveVersion(
        {
          orgId: idOf(key),
          version: 1,
          data,
          syncStatus: 'synchronised',
          syncedVersion: 1,
          syncError: null,
          syncReceipt: 'DEMO-SEED',
          syncUpdatedAt: at,
          updatedAt: at,
        },
        {
          orgId: idOf(key),
          version: 1,
          data,
          changes: diffEnterpriseProfiles(undefined, data),
          changedByUserId: null,
          changedByLabel: `system:${actor.kind === 'system' ? actor.name : 'seed'}`,
          changedAt: at,
        },
      );
      await tx.audit.append(actor, at, {
        type: 'enterprise_profile.saved',
        subjectType: 'organisation',
        subjectId: idOf(key),
        data: { version: 1, changedFields: Object.keys(data) },
      });
    }
    await tx.audit.append(actor, at, {
      type: 'system.demo_seeded',
      subjectType: 'system',
      subjectId: 'demo',
      data: { organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length },
    });
  });
  const limitBytes = 10 * 1024 * 1024;
  for (const demo of DEMO_ORGANISATIONS.filter((organisation) => organisation.kind === 'office'))
    await uploadOfficeSeal(deps, actor, {
      officeId: idOf(demo.key),
      content: Readable.from([demoOfficeSealPng()]),
      limitBytes,
    });
  const signingOfficer = await store.users.findByUsername(DEMO_SIGNING_OFFICER);
  if (signingOfficer)
    await uploadOfficerSignature(deps, actor, {
      userId: signingOfficer.id,
      content: Readable.from([demoOfficerSignaturePng()]),
      limitBytes,
    });
  // The demo issues certificates from the start, so it needs an issuing-authority key.
  await ensureSigningKey(deps, actor);
  return { organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length };
}
