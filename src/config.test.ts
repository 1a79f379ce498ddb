import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The problems loadConfig reports for an environment, or [] when it accepts it. */
function problemsOf(environment: Record<string, string | undefined>): string[] {
  try {
    loadConfig(environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration from the environment (src/config.ts: one place, validated at start)', () => {
  it('defaults to port 8080 and the embedded SQLite database in the resolved data directory .origo', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(path.resolve('.origo'));
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.sqliteFile).toBe(path.join(config.dataDir, 'origo.sqlite'));
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.cookieSecure).toBe(false);
    expect(config.trustProxy).toBe(false);
  });

  it('reads PORT and ORIGO_DATA_DIR, resolving a relative data directory against the working directory', () => {
    const absolute = loadConfig({ PORT: '9000', ORIGO_DATA_DIR: '/srv/origo' });
    expect(absolute.port).toBe(9000);
    expect(absolute.sqliteFile).toBe(path.join('/srv/origo', 'origo.sqlite'));
    const relative = loadConfig({ ORIGO_DATA_DIR: 'var/data' });
    expect(relative.dataDir).toBe(path.resolve('var/data'));
    expect(relative.sqliteFile).toBe(path.join(path.resolve('var/data'), 'origo.sqlite'));
  });

  it('accepts DATABASE_URL only as a postgres:// (or postgresql://) URL, and treats empty as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://origo@db:5432/origo' }).databaseUrl).toBe(
      'postgres://origo@db:5432/origo',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://origo@db/origo' }).databaseUrl).toBe(
      'postgresql://origo@db/origo',
    );
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    for (const wrong of ['mysql://origo@db/origo', 'sqlite:///tmp/origo.sqlite', 'db:5432/origo']) {
      expect(problemsOf({ DATABASE_URL: wrong })).toStrictEqual([
        'DATABASE_URL: must be a postgres:// URL; leave unset for the embedded SQLite database',
      ]);
    }
  });

  it('refuses a PORT outside 0..65535 or not an integer with a ConfigError naming PORT', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^Invalid configuration:\n {2}- PORT: /);
    for (const wrong of ['65536', '-1', '80.5', 'http']) {
      const problems = problemsOf({ PORT: wrong });
      expect(problems, `PORT=${wrong}`).toHaveLength(1);
      expect(problems[0], `PORT=${wrong}`).toMatch(/^PORT: /);
    }
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('reports every wrong variable at once', () => {
    const problems = problemsOf({ PORT: '-1', DATABASE_URL: 'mysql://x', ORIGO_LOG_LEVEL: 'loud' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toStrictEqual([
      'DATABASE_URL',
      'ORIGO_LOG_LEVEL',
      'PORT',
    ]);
  });

  it("reads flags as '1'/'true' (on) and '0'/'false' (off), and refuses anything else", () => {
    for (const [value, on] of [
      ['1', true],
      ['true', true],
      ['0', false],
      ['false', false],
    ] as const) {
      expect(loadConfig({ ORIGO_COOKIE_SECURE: value }).cookieSecure, value).toBe(on);
      expect(loadConfig({ ORIGO_TRUST_PROXY: value }).trustProxy, value).toBe(on);
    }
    for (const wrong of ['yes', 'TRUE', 'on']) {
      expect(problemsOf({ ORIGO_COOKIE_SECURE: wrong })[0], wrong).toMatch(/^ORIGO_COOKIE_SECURE: /);
    }
  });

  // `PORT= npm start` must not listen on a random port (Number('') is 0): empty means unset, as everywhere.
  it('treats an empty PORT as unset, like every other empty variable', () => {
    const problems = problemsOf({ PORT: '' });
    if (problems.length === 0) expect(loadConfig({ PORT: '' }).port).toBe(8080);
    else expect(problems[0]).toMatch(/^PORT: /);
  });
});
