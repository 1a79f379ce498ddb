// Layer rules of docs/ARCHITECTURE.md, checked by `npm run depcruise` (part of `npm test` and CI):
//   npx depcruise src web/src --config .dependency-cruiser.cjs
// Each rule names what may NOT be imported; `comment` says why. Node built-ins (`node:crypto`, ...) have the
// dependency type 'core' and are allowed in every server layer.

/** Test tooling a colocated `*.test.ts` may use in any layer (production files are kept off it below). */
// What a colocated test may use besides its layer: the test runner, property testing and shared test fixtures.
const TEST_TOOLING = [
  '^node_modules/vitest/',
  '^node_modules/@vitest/',
  '^node_modules/fast-check/',
  '^test/support/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- Whole-graph hygiene ---------------------------------------------------------------------------
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      comment: 'Test fixtures and helpers (test/) serve tests only; shipped code never depends on them.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes its modules one unit: layers stop meaning anything and no module can be loaded or ' +
        'tested alone. Break it by moving the shared piece down a layer (usually into src/domain).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment:
        'An import that does not resolve is a broken build (or a missing `.js` extension under NodeNext).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-packages',
      severity: 'error',
      comment:
        'A package that is not in package.json works only by accident (hoisted from another package) and ' +
        'disappears on the next install. Declare it in dependencies.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-dependencies-in-production-code',
      severity: 'error',
      comment:
        'The server is installed with `npm ci --omit=dev`: a devDependency imported by non-test code in src ' +
        'is missing in production. Type-only imports are erased at compile time and are allowed.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-importing-tests',
      severity: 'error',
      comment: 'Test files are leaves: production code (and other tests) must not depend on them.',
      from: {},
      to: { path: '\\.test\\.tsx?$' },
    },

    // ---- The pure core -----------------------------------------------------------------------------------
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain is the pure core (rules, codes, policy, audit chain): it may use node built-ins and zod ' +
        'only. It knows nothing of use cases (src/app), storage (src/adapters, kysely, pg, better-sqlite3), ' +
        'transport (src/http, src/cli, fastify), rendering (src/pdf), wiring (src/compose.ts) or the ' +
        'environment (src/config.ts), so it can be tested and reused without any of them.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/zod/', ...TEST_TOOLING],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'origin-engine-is-pure',
      severity: 'error',
      comment:
        'The rules-of-origin engine (src/origin) is pure computation over data: src/domain, zod (the ' +
        'schemas of its data files) and node built-ins only. Files are read by adapters and handed in as data.',
      from: { path: '^src/origin/' },
      to: {
        pathNot: ['^src/origin/', '^src/domain/', '^node_modules/zod/', ...TEST_TOOLING],
        dependencyTypesNot: ['core'],
      },
    },

    // ---- Use cases and ports -------------------------------------------------------------------------------
    {
      name: 'use-cases-see-ports-not-adapters',
      severity: 'error',
      comment:
        'Use cases (src/app) depend on ports (src/app/ports.ts) and the pure core: src/domain, src/origin, ' +
        'zod and node built-ins. Never adapters, transports, PDF, drivers or frameworks (kysely, pg, ' +
        'better-sqlite3, fastify, commander): the composition root (src/compose.ts, src/cli) wires those in, ' +
        'so every use case runs in a unit test with in-memory ports (STYLE.md 2).',
      from: { path: '^src/app/' },
      to: {
        pathNot: ['^src/app/', '^src/domain/', '^src/origin/', '^node_modules/zod/', ...TEST_TOOLING],
        dependencyTypesNot: ['core'],
      },
    },

    // ---- Outer layers ----------------------------------------------------------------------------------------
    {
      name: 'adapters-implement-ports-only',
      severity: 'error',
      comment:
        'Adapters (src/adapters) implement the ports of src/app with the types of src/domain (and hand data to the pure origin engine); from src they ' +
        'import nothing else. They never call the transports (src/http, src/cli) that use them, nor the ' +
        'wiring (src/compose.ts) or the environment (src/config.ts): settings arrive as constructor arguments.',
      from: { path: '^src/adapters/' },
      to: { path: '^src/', pathNot: ['^src/adapters/', '^src/app/', '^src/domain/', '^src/origin/'] },
    },
    {
      name: 'http-calls-use-cases-not-adapters',
      severity: 'error',
      comment:
        'Routes parse, call one use case and map the result (STYLE.md 3). From src they import src/app, ' +
        'src/domain, src/config.ts and src/error-mapping.ts only: adapters are known to the composition ' +
        'root alone, and the CLI is a sibling transport, not a library.',
      from: { path: '^src/http/' },
      to: {
        path: '^src/',
        pathNot: ['^src/http/', '^src/app/', '^src/domain/', '^src/config\\.ts$', '^src/error-mapping\\.ts$'],
      },
    },
    {
      name: 'pdf-renders-domain-and-use-case-types',
      severity: 'error',
      comment:
        'Certificate rendering (src/pdf) lays out domain and use-case data; from src it imports src/domain ' +
        'and src/app only, never a transport (src/http, src/cli) or an adapter.',
      from: { path: '^src/pdf/' },
      to: { path: '^src/', pathNot: ['^src/pdf/', '^src/domain/', '^src/app/'] },
    },
    {
      name: 'nothing-imports-the-cli',
      severity: 'error',
      comment:
        'src/cli is the outermost composition side: it may import anything in src, so nothing may import ' +
        'it back (that would be a layer inversion, and soon a cycle).',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-the-cli-composes',
      severity: 'error',
      comment:
        'src/compose.ts wires adapters into use cases; only the composition side (src/cli) calls it. A ' +
        'route or use case that imported it would reach every adapter through it.',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/compose\\.ts$'] },
      to: { path: '^src/compose\\.ts$' },
    },
    {
      name: 'composition-does-not-reach-transports',
      severity: 'error',
      comment: 'src/compose.ts builds use-case dependencies; starting transports is the CLI\u2019s job.',
      from: { path: '^src/compose\\.ts$' },
      to: { path: ['^src/http/', '^src/cli/', '^src/pdf/', '^src/registry/'] },
    },
    {
      name: 'config-and-error-mapping-are-leaves',
      severity: 'error',
      comment:
        'src/config.ts (the one reader of the environment) and src/error-mapping.ts (the one map from ' +
        'error codes to HTTP status and exit codes) are imported by transports; from src they may use ' +
        'src/domain only, so importing them never drags a layer in.',
      from: { path: ['^src/config\\.ts$', '^src/error-mapping\\.ts$'] },
      to: { path: '^src/', pathNot: ['^src/domain/', '^src/config\\.ts$', '^src/error-mapping\\.ts$'] },
    },

    // ---- The registry stand-in (an external system in production) -------------------------------------------
    {
      name: 'registry-stands-apart',
      severity: 'error',
      comment:
        'src/registry stands in for an external system: it shares only the domain (USCC rules) and is ' +
        'started by the CLI; Origo itself reaches it over HTTP through src/adapters/registry.',
      from: { path: '^src/registry/' },
      to: { path: '^src/', pathNot: ['^src/registry/', '^src/domain/'] },
    },
    {
      name: 'only-the-cli-starts-the-registry',
      severity: 'error',
      comment: 'Nothing in Origo calls the stand-in registry directly; it is reached over HTTP.',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/registry/'] },
      to: { path: '^src/registry/' },
    },

    // ---- The browser -----------------------------------------------------------------------------------------
    {
      name: 'web-talks-http-only',
      severity: 'error',
      comment:
        'The browser app (web/src) reaches the server over HTTP only and imports nothing from src/, not ' +
        'even types: the API contract is the OpenAPI document, and server code must never be bundled.',
      from: { path: '^web/src/' },
      to: { path: '^src/' },
    },
    {
      name: 'web-has-no-node-built-ins',
      severity: 'error',
      comment:
        'Browsers have no node built-ins (fs, crypto, path...); the bundler would fail or ship a shim. ' +
        'Use the Web platform APIs (fetch, crypto.subtle, URL).',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-bundles-no-server-packages',
      severity: 'error',
      comment:
        'Server frameworks and drivers cannot run in a browser; importing one into web/src would break ' +
        'the bundle or ship server code to users.',
      from: { path: '^web/src/' },
      to: {
        path: '^node_modules/(fastify|@fastify/[^/]+|fastify-[^/]+|kysely|pg|better-sqlite3|@node-rs/[^/]+|pino|commander|tsx)/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/dist/' },
    // Keep type-only imports in the graph: a domain file importing a type from src/app is still a layer breach.
    tsPreCompilationDeps: true,
    // TypeScript resolution: NodeNext, `.js` in imports of `.ts` files (dependency-cruiser maps them back).
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
