// Layer rules of docs/ARCHITECTURE.md, checked by `npm run depcruise` (part of `npm test` and CI).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Cycles make layers meaningless and modules impossible to test alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'The domain core knows nothing of use cases, storage, transport, rendering or configuration; ' +
        'it may use node built-ins and zod only.',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/zod/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'origin-engine-is-pure',
      severity: 'error',
      comment: 'The rules-of-origin engine is pure: domain, node built-ins and zod only.',
      from: { path: '^src/origin/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^src/origin/', '^src/domain/', '^node_modules/zod/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'use-cases-see-ports-not-adapters',
      severity: 'error',
      comment:
        'Use cases depend on ports (src/app/ports.ts), never on adapters, transports or drivers; ' +
        'the composition root (src/compose.ts, src/cli) wires adapters in.',
      from: { path: '^src/app/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^src/app/', '^src/domain/', '^src/origin/', '^node_modules/zod/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'adapters-do-not-reach-up',
      severity: 'error',
      comment: 'Adapters implement ports; they never call the transports that use them.',
      from: { path: '^src/adapters/' },
      to: { path: ['^src/http/', '^src/cli/', '^src/pdf/', '^src/compose\\.ts$'] },
    },
    {
      name: 'http-uses-use-cases-not-adapters',
      severity: 'error',
      comment: 'Routes call use cases; only the composition root knows the adapters.',
      from: { path: '^src/http/' },
      to: { path: ['^src/adapters/', '^src/cli/', '^src/pdf/'] },
    },
    {
      name: 'pdf-is-a-leaf',
      severity: 'error',
      comment: 'Rendering may use domain and use-case types, never transports.',
      from: { path: '^src/pdf/' },
      to: { path: ['^src/http/', '^src/cli/', '^src/adapters/'] },
    },
    {
      name: 'registry-stands-apart',
      severity: 'error',
      comment:
        'src/registry stands in for an external system: it shares only the domain (USCC rules) and is ' +
        'started by the CLI; Origo itself reaches it over HTTP through src/adapters/registry.',
      from: { path: '^src/registry/' },
      to: { path: ['^src/app/', '^src/adapters/', '^src/http/', '^src/cli/', '^src/compose\\.ts$'] },
    },
    {
      name: 'only-the-cli-starts-the-registry',
      severity: 'error',
      comment: 'Nothing in Origo calls the stand-in registry directly.',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/registry/'] },
      to: { path: '^src/registry/' },
    },
    {
      name: 'web-talks-http-only',
      severity: 'error',
      comment: 'The browser app reaches the server over HTTP only; it imports nothing from src/.',
      from: { path: '^web/src/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-dev-dependencies-in-production-code',
      severity: 'error',
      comment: 'The server must run with production dependencies only (types excepted).',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a broken build.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
