import { z } from 'zod';
import { exportVerifiableCredential } from '../../app/signing/export-verifiable-credential.js';
import { getJwks } from '../../app/signing/get-jwks.js';
import { getSignedPayload } from '../../app/signing/get-signed-payload.js';
import { signedCertificatePayloadSchema } from '../../domain/signed-certificate.js';
import { actorOf } from '../auth.js';
import { Id, errorResponses } from '../schemas.js';
import type { Api, RouteContext } from './types.js';

const Jwk = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    kid: z.string(),
    use: z.literal('sig'),
    alg: z.literal('EdDSA'),
  })
  .meta({ id: 'Jwk' });
const SignedCertificatePayload = signedCertificatePayloadSchema.meta({ id: 'SignedCertificatePayload' });
const SignedPayload = z
  .object({
    applicationId: z.string(),
    certificateNumber: z.string(),
    kid: z.string(),
    jws: z.string().describe('JWS compact serialisation (typ origo-certificate+jws, alg EdDSA)'),
    signedAt: z.string(),
    payload: SignedCertificatePayload,
  })
  .meta({ id: 'SignedPayload' });

/** The issuing authority's public keys, and each certificate's signed payload and credential. */
export function signatureRoutes(app: Api, { deps }: RouteContext): void {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'getJwks',
        summary: 'The issuing authority’s public signing keys (every key ever used, and the next one)',
        tags: ['signatures'],
        response: { 200: z.object({ keys: z.array(Jwk) }) },
      },
    },
    async (_request, reply) => {
      // Keys change rarely and a new one is published before it signs (ADR 0009): caches may keep it a while.
      reply.header('cache-control', 'public, max-age=300');
      reply.header('access-control-allow-origin', '*');
      return getJwks(deps);
    },
  );

  app.get(
    '/api/applications/:id/signed-payload',
    {
      schema: {
        operationId: 'getSignedPayload',
        summary: 'The signed payload (JWS) of an issued certificate, with its data decoded',
        tags: ['signatures'],
        params: z.strictObject({ id: Id }),
        response: { 200: SignedPayload, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getSignedPayload(deps, actorOf(request), request.params.id),
  );

  app.get(
    '/api/applications/:id/verifiable-credential',
    {
      schema: {
        operationId: 'exportVerifiableCredential',
        summary:
          'An issued certificate as a W3C Verifiable Credential 2.0 secured with JOSE (JSON, or the bare JWT with Accept: application/vc+jwt)',
        tags: ['signatures'],
        params: z.strictObject({ id: Id }),
        response: {
          200: z.object({
            mediaType: z.literal('application/vc+jwt'),
            kid: z.string(),
            jwt: z.string(),
            credential: z.record(z.string(), z.unknown()),
          }),
          ...errorResponses(401, 403, 404, 409, 503),
        },
      },
    },
    async (request, reply) => {
      const exported = await exportVerifiableCredential(deps, actorOf(request), request.params.id);
      reply.header('cache-control', 'private, no-store');
      if (request.headers.accept?.includes('application/vc+jwt'))
        return reply
          .type('application/vc+jwt')
          .serializer((body: string) => body)
          .send(exported.jwt as never);
      return { mediaType: 'application/vc+jwt' as const, ...exported };
    },
  );
}
