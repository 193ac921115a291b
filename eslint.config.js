import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = path.dirname(fileURLToPath(import.meta.url))

// Layers of src/, bottom first. A file may import its own layer and the layers before it,
// never one after it, whatever the import path looks like (`@/…` or `../…`): the rules below
// compare resolved files, not the text of the import.
//   lib, config   API client, query helpers, storage, formatting; build-time configuration
//   components    shared UI built on lib
//   session       sign-in, token, session store (lib learns about a 401 through a callback
//                 the session module registers, so lib never imports session)
//   environment   environment store, gate, switcher, scoped links
//   features      one folder per view; a feature never imports another feature: what two
//                 features need moves down to components or lib
//   app           providers, router, shell
//   src/main.tsx  the entry point, above everything
// src/mocks (the MSW mock) may import only lib and config, and only main.tsx (behind the
// __MOCKS__ flag) and tests may import it. src/test holds test helpers: tests only.
// Tests (*.test.*, *-test-helpers.*, src/test/) may import any layer, but not another feature.
// Import cycles are forbidden everywhere.
const layers = [
  ['lib', 'config'],
  ['components'],
  ['session'],
  ['environment'],
  ['features'],
  ['app'],
]
const features = readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const testFiles = ['**/*.test.{ts,tsx}', '**/*-test-helpers.{ts,tsx}', 'src/test/**']
const src = (folder) => `src/${folder}`

const layerZones = layers.slice(0, -1).map((layer, index) => ({
  target: layer.map(src),
  from: [
    ...layers
      .slice(index + 1)
      .flat()
      .map(src),
    'src/main.tsx',
  ],
  message: `${layer.join(' and ')} may import only ${layers
    .slice(0, index + 1)
    .flat()
    .join(', ')} (layer order: ${layers.map((l) => l.join('+')).join(' → ')}).`,
}))
const featureZones = features.map((feature) => ({
  target: `src/features/${feature}`,
  from: 'src/features',
  except: [`./${feature}`],
  message: 'Features do not import each other; move what both need to src/components or src/lib.',
}))
const mockZones = [
  {
    target: 'src/mocks',
    from: [...layers.slice(1).flat().map(src), 'src/main.tsx'],
    message: 'The mock may import only src/lib and src/config.',
  },
]
const productionOnlyZones = [
  {
    target: layers.flat().map(src),
    from: 'src/mocks',
    message: 'Only src/main.tsx and tests may import the mock.',
  },
  {
    target: [...layers.flat().map(src), 'src/mocks', 'src/main.tsx'],
    from: 'src/test',
    message: 'Test helpers are for tests only.',
  },
  {
    // The whole document's schemas would put every view's schemas in the entry chunk.
    target: [...layers.flat().map(src), 'src/main.tsx'],
    from: ['src/lib/api/schema-registry.ts', 'src/lib/api/generated/json-schemas.json'],
    message:
      'The app validates with generated/response-schemas/<answer>.ts (one per answer); the whole document is for tests and tools.',
  },
]
const restrictedPaths = (zones) => ['error', { basePath: root, zones }]

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-mock',
      'node_modules',
      'src/lib/api/generated',
      'playwright-report',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never bypass React escaping: render text, not HTML.',
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.jsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Resolves `@/…` through tsconfig's paths, so alias and relative imports are judged alike.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
          tsconfig: { configFile: path.join(root, 'tsconfig.json') },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The path rules skip what they cannot resolve: make that an error instead of a hole.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      'import-x/no-restricted-paths': restrictedPaths([
        ...layerZones,
        ...featureZones,
        ...mockZones,
        ...productionOnlyZones,
      ]),
    },
  },
  // A soft size budget: a component function past 150 lines is a sign it holds several
  // things (state, effects, several parts of the page) that want their own hook or component.
  // A warning, not an error: it shows in review and in `npm run lint`, which still passes.
  {
    files: ['src/**/*.tsx'],
    ignores: testFiles,
    rules: {
      'max-lines-per-function': ['warn', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
  // Tests may set up layers above the code under test (api-client.test.ts signs in through the
  // session store to see a 401 end the session), so for them only the feature and mock rules hold.
  {
    files: testFiles.map((glob) => (glob.endsWith('**') ? `${glob}/*.{ts,tsx}` : glob)),
    rules: {
      'import-x/no-restricted-paths': restrictedPaths([...featureZones, ...mockZones]),
    },
  },
)
