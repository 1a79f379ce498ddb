import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/http.js';
import { openTestApi } from '../support/http.js';
import { securityHeaders } from '../../src/http/security-headers.js';

describe('OpenAPI document and probes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi('sqlite');
  });
  afterAll(async () => {
    await api.close();
  });

  it('publishes an OpenAPI 3.1 document where every operation has a unique operationId', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(
      document.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((path) => Object.values(path));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['login', 'logout', 'getSession']));
    expect(document.components.schemas).toHaveProperty('Error');
  });

  it('serves the interactive reference page', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('answers liveness and readiness, with security headers and a request id', async () => {
    const health = await api.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await api.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('sends the security headers on errors too, and HSTS only behind HTTPS', async () => {
    const refused = await api.app.inject({ method: 'GET', url: '/api/organisations/any/users' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(refused.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(refused.headers['strict-transport-security']).toBeUndefined();

    const behindHttps = securityHeaders({ https: true });
    expect(behindHttps['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(behindHttps['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(securityHeaders({ https: false })['content-security-policy']).not.toContain('upgrade-insecure');
  });

  it('lets the API reference page keep its own content security policy', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});
