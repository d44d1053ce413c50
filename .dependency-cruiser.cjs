/**
 * Layer rules checked by `npm run lint` (dependency-cruiser). The architecture they keep is in
 * docs/ARCHITECTURE.md: pages → features → shared (components, lib, domain) in the app; router →
 * handlers → ports (interfaces) ← adapters in the cloud function, adapters wired only by the two
 * entries (cloudfunctions/api/src/index.ts, server/main.ts). ESLint's import rules cover part of
 * this too; these add type-only cycles and the cloud function's inner layers.
 *
 * Proof that the rules bite: test/cloud/architecture.test.ts runs depcruise with this file on
 * small fixtures (test/cloud/fixtures/depcruise/) that break them and expects failures.
 */
const API = '^cloudfunctions/api/src/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only ones included (tsPreCompilationDeps).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain is shared with the cloud function: it imports only itself and plain npm libraries.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '^node_modules/'],
      },
    },
    {
      name: 'domain-no-ui',
      severity: 'error',
      comment: 'No Taro and no React in the domain (the cloud function bundles it).',
      from: { path: '^src/domain/' },
      to: { path: '^node_modules/(@tarojs|react|react-dom)/' },
    },
    {
      name: 'shared-does-not-reach-up',
      severity: 'error',
      comment: 'lib and components are shared: they never import features, pages or packages.',
      from: { path: '^src/(lib|components)/' },
      to: { path: '^src/(features|pages|packages)/' },
    },
    {
      name: 'features-are-independent',
      severity: 'error',
      comment: 'A feature never imports another feature; pages compose them.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'screens-are-top',
      severity: 'error',
      comment: 'Pages and subpackage screens are imported by nothing below them (or by the server/cloud).',
      from: { pathNot: '^src/(pages|packages)/' },
      to: { path: '^src/(pages|packages)/' },
    },
    {
      name: 'cloud-uses-domain-only',
      severity: 'error',
      comment:
        'The cloud function (and the local server that hosts it) may import src/domain and nothing else of the app.',
      from: { path: ['^cloudfunctions/api/src/', '^server/'] },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'cloud-not-into-server',
      severity: 'error',
      comment: 'The cloud function never depends on the local runtime.',
      from: { path: API },
      to: { path: '^server/' },
    },
    {
      name: 'ports-are-interfaces',
      severity: 'error',
      comment:
        'Ports import only the domain and other ports (their content is types only: see test/cloud/architecture.test.ts).',
      from: { path: `${API}ports/` },
      to: { pathNot: ['^src/domain/', `${API}ports/`] },
    },
    {
      name: 'core-below-handlers',
      severity: 'error',
      comment:
        'core/ is plain logic shared by handlers and adapters: domain, ports and other core modules only.',
      from: { path: `${API}core/` },
      to: {
        pathNot: ['^src/domain/', `${API}(ports|core)/`, '^node_modules/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'handlers-use-ports',
      severity: 'error',
      comment: 'Handlers reach storage and services through ports only, never an adapter or the router.',
      from: { path: `${API}handlers/` },
      to: { path: `${API}(adapters/|router\\.ts|index\\.ts)` },
    },
    {
      name: 'adapters-wired-by-entries-only',
      severity: 'error',
      comment:
        'Adapters are chosen in cloudfunctions/api/src/index.ts (cloud) and server/main.ts (local) only; server/bench.ts re-exports for the bench script.',
      from: { pathNot: [`${API}index\\.ts$`, `${API}adapters/`, '^server/(main|bench)\\.ts$'] },
      to: { path: `${API}adapters/` },
    },
    {
      name: 'adapters-do-not-call-up',
      severity: 'error',
      comment: 'Adapters implement ports; they never import handlers, the router or an entry.',
      from: { path: `${API}adapters/` },
      to: { path: `${API}(handlers/|router\\.ts|index\\.ts)` },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment:
        'A module nothing imports and that imports nothing is dead code (entries and declarations aside).',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '(^|/)[^/]+\\.config\\.ts$',
          '^src/app\\.ts',
          '\\.h5\\.tsx?$',
          '^server/(main|bench)\\.ts$',
          // Native mini-program components: entries named by a page's usingComponents.
          '^src/.*/components/[a-z-]+/index\\.js$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a cycle through `import type` is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    exclude: { path: ['\\.(scss|css)$'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
