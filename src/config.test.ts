import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('defaults to port 8080 and the embedded database in .origo', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.sqliteFile).toBe(path.resolve('.origo', 'origo.sqlite'));
    expect(config.sessionCacheMs).toBe(2000);
  });

  it('reads PORT and ORIGO_DATA_DIR, and treats an empty DATABASE_URL as unset', () => {
    const config = loadConfig({ PORT: '9000', ORIGO_DATA_DIR: '/srv/origo', DATABASE_URL: '' });
    expect(config.port).toBe(9000);
    expect(config.sqliteFile).toBe('/srv/origo/origo.sqlite');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
    expect(() => loadConfig({ ORIGO_COOKIE_SECURE: 'yes' })).toThrow(/ORIGO_COOKIE_SECURE/);
  });

  it('reads flags as 1/0 or true/false', () => {
    expect(loadConfig({ ORIGO_COOKIE_SECURE: '1' }).cookieSecure).toBe(true);
    expect(loadConfig({ ORIGO_COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });
});
