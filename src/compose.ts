import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type {
  AdministrativeDivisions,
  CertificateLayoutCatalogue,
  CertificateRenderer,
  CertificateTypeCatalogue,
  Deps,
  EnterpriseRegistry,
} from './app/ports.js';
import { loadCertificateTypes } from './adapters/reference/certificate-type-files.js';
import { loadCertificateLayouts } from './adapters/reference/certificate-layout-files.js';
import { DomainError } from './domain/errors.js';
import { loadHsNomenclature } from './adapters/reference/hs-nomenclature-file.js';
import type { HsNomenclature } from './domain/hs-nomenclature.js';
import type { OriginCatalogue } from './origin/origin-catalogue.js';
import { loadOriginData } from './adapters/reference/origin-data-files.js';
import { DEFAULT_NUMBER_PATTERN } from './domain/certificate-number.js';
import type { ReturnReason } from './domain/review.js';
import { loadReturnReasons } from './adapters/reference/return-reasons-file.js';
import { createFilesystemFileStore } from './adapters/files/filesystem-file-store.js';
import { createHttpWebhookSender } from './adapters/webhooks/http-webhook-sender.js';
import { loadAdministrativeDivisions } from './adapters/reference/administrative-divisions.js';
import { createHttpEnterpriseRegistry } from './adapters/registry/http-enterprise-registry.js';
import { withSessionPrincipalCache } from './adapters/cache/session-principal-cache.js';
import { createArgon2PasswordHasher } from './adapters/crypto/argon2-password-hasher.js';
import type { DatabaseHandle, DatabaseTarget } from './adapters/db/connection.js';
import { migrateToLatest, openDatabase } from './adapters/db/connection.js';
import { createKyselyStore } from './adapters/db/kysely-store.js';
import type { Config } from './config.js';
import { ConfigError } from './config.js';
import { createEd25519CertificateSigner } from './adapters/crypto/ed25519-certificate-signer.js';
import { embeddedSigningSecret } from './adapters/crypto/signing-secret.js';
import type { Clock } from './domain/clock.js';
import { systemClock } from './domain/clock.js';

/** The running system's parts, wired once: used by the HTTP server, the CLI, tests and benchmarks. */
export interface Runtime {
  handle: DatabaseHandle;
  deps: Deps;
  close(): Promise<void>;
}

export function databaseTargetOf(config: Pick<Config, 'databaseUrl' | 'sqliteFile'>): DatabaseTarget {
  return config.databaseUrl
    ? { dialect: 'postgres', url: config.databaseUrl }
    : { dialect: 'sqlite', file: config.sqliteFile };
}

let divisions: AdministrativeDivisions | undefined;
/** The division data package, read once per process. */
const administrativeDivisions = (): AdministrativeDivisions => (divisions ??= loadAdministrativeDivisions());
let certificateTypes: CertificateTypeCatalogue | undefined;
/** The certificate type files, read and checked once per process (a wrong file stops the start). */
const certificateTypeCatalogue = (): CertificateTypeCatalogue =>
  (certificateTypes ??= loadCertificateTypes());
let layouts: CertificateLayoutCatalogue | undefined;
/** The certificate layout files, read and checked against the types once per process (a wrong file stops the start). */
const certificateLayoutCatalogue = (): CertificateLayoutCatalogue =>
  (layouts ??= loadCertificateLayouts(certificateTypeCatalogue()));
let reasons: readonly ReturnReason[] | undefined;
const returnReasons = (): readonly ReturnReason[] => (reasons ??= loadReturnReasons());
let origin: OriginCatalogue | undefined;
/** The origin data, read and checked once per process (a wrong file stops the start). */
const originCatalogue = (): OriginCatalogue => (origin ??= loadOriginData(hsNomenclature()));
let hs: HsNomenclature | undefined;
const hsNomenclature = (): HsNomenclature => (hs ??= loadHsNomenclature());

/**
 * The key-encryption secret of the signing keys: ORIGO_SIGNING_SECRET; on the embedded database without it,
 * a secret generated once into the data directory. PostgreSQL serves several processes, which must share
 * the secret, so there it is required. Tests and benchmarks (no configuration) get a throwaway secret.
 */
function signingSecretOf(
  settings: Partial<Pick<Config, 'signingSecret' | 'signingSecretFile' | 'databaseUrl'>>,
): string {
  if (settings.signingSecret) return settings.signingSecret;
  if (settings.signingSecretFile === undefined) return randomBytes(32).toString('base64url');
  if (settings.databaseUrl)
    throw new ConfigError([
      'ORIGO_SIGNING_SECRET: required with DATABASE_URL (every server must decrypt the same signing keys)',
    ]);
  return embeddedSigningSecret(settings.signingSecretFile);
}

/**
 * The renderer of a process that draws no certificates (commands other than `serve`). The PDF layer is
 * wired in by the composition side that starts HTTP (src/cli/serve.ts, the test runtime): this module may
 * not import it (dependency-cruiser rule composition-does-not-reach-transports).
 */
const noRenderer: CertificateRenderer = {
  render: () => Promise.reject(notWired()),
  renderPrinterTestPage: () => Promise.reject(notWired()),
  renderReplyLetter: () => Promise.reject(notWired()),
};
const notWired = () =>
  new DomainError('NOT_READY', 'This process does not render certificates; `origo serve` does.');

/** Opens the database, migrates it to the latest schema and wires the use-case dependencies. */
export async function openRuntime(
  target: DatabaseTarget,
  settings: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours'> &
    Partial<Pick<Config, 'filesDir' | 'certificateNumberPattern' | 'webhooks'>> &
    Partial<Pick<Config, 'sessionCacheMs' | 'registry'>> &
    Partial<Pick<Config, 'publicUrl' | 'signingSecret' | 'signingSecretFile' | 'databaseUrl'>>,
  overrides: {
    clock?: Clock;
    passwords?: Deps['passwords'];
    migrate?: boolean;
    registry?: EnterpriseRegistry;
    /** Draws certificates (src/pdf); only the HTTP side needs one. */
    renderer?: CertificateRenderer;
  } = {},
): Promise<Runtime> {
  const signer = createEd25519CertificateSigner({ secret: signingSecretOf(settings) });
  const handle = openDatabase(target);
  try {
    if (overrides.migrate ?? true) await migrateToLatest(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const deps: Deps = {
    store: withSessionPrincipalCache(createKyselyStore(handle.db, handle.dialect, handle.directReads), {
      ttlMs: settings.sessionCacheMs ?? 0,
    }),
    clock: overrides.clock ?? systemClock,
    passwords: overrides.passwords ?? createArgon2PasswordHasher(),
    sessions: { idleMinutes: settings.sessionIdleMinutes, maxHours: settings.sessionMaxHours },
    registry:
      overrides.registry ??
      createHttpEnterpriseRegistry({
        baseUrl: settings.registry?.url ?? 'http://127.0.0.1:8081',
        timeoutMs: settings.registry?.timeoutMs ?? 3000,
        retries: settings.registry?.retries ?? 2,
        backoffMs: 200,
      }),
    divisions: administrativeDivisions(),
    files: createFilesystemFileStore(settings.filesDir ?? path.join(os.tmpdir(), 'origo-files')),
    certificateTypes: certificateTypeCatalogue(),
    hs: hsNomenclature(),
    review: {
      numberPattern: settings.certificateNumberPattern ?? DEFAULT_NUMBER_PATTERN,
      returnReasons: returnReasons(),
    },
    webhooks: createHttpWebhookSender(settings.webhooks ?? { timeoutMs: 5000, allowPrivate: false }),
    origin: originCatalogue(),
    signer,
    publicUrl: settings.publicUrl ?? 'http://localhost:8080',
    certificateLayouts: certificateLayoutCatalogue(),
    renderer: overrides.renderer ?? noRenderer,
  };
  return { handle, deps, close: () => handle.close() };
}
