/**
 * Lint rules that keep the architecture from drifting (see docs/ARCHITECTURE.md):
 * code flows one way — pages → features → shared (components, lib, domain) — and the
 * domain is pure so the cloud function can bundle it.
 */
const features = ['articles', 'contact', 'parks', 'home', 'favourites', 'history', 'inquiry']

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react', 'react-hooks', 'import'],
  extends: [
    'eslint:recommended',
    'plugin:@typescript-eslint/recommended',
    'plugin:react/recommended',
    'plugin:react/jsx-runtime',
    'plugin:react-hooks/recommended',
  ],
  settings: {
    react: { version: '18.3' },
    'import/resolver': { typescript: { project: './tsconfig.json' } },
  },
  env: { es2022: true, node: true, browser: true, jest: true },
  globals: { definePageConfig: 'readonly', defineAppConfig: 'readonly', wx: 'readonly' },
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'react/prop-types': 'off',
    'import/no-cycle': 'error',
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          // Shared layers never reach up.
          {
            target: './src/domain',
            from: ['./src/lib', './src/components', './src/features', './src/pages', './src/packages'],
            message: 'domain is pure and shared with the cloud function',
          },
          {
            target: ['./src/lib', './src/components'],
            from: ['./src/features', './src/pages', './src/packages'],
            message: 'shared code must not depend on features or pages',
          },
          // Features never import pages, nor each other: pages compose them.
          { target: './src/features', from: ['./src/pages', './src/packages'] },
          ...features.map((name) => ({
            target: `./src/features/${name}`,
            from: './src/features',
            except: [`./${name}`],
            message: 'features do not import each other; compose them in a page',
          })),
          // The cloud function may use the shared domain and nothing else of the app.
          {
            target: './cloudfunctions',
            from: './src',
            except: ['./domain'],
            message: 'the cloud function may import src/domain only',
          },
          {
            target: './server',
            from: './src',
            except: ['./domain'],
            message: 'the local server may import src/domain only',
          },
          {
            target: './scripts',
            from: './src',
            except: ['./domain'],
            message: 'scripts may import src/domain only',
          },
        ],
      },
    ],
    'no-restricted-imports': 'off',
    // Prettier owns formatting; a leading ';' guards lines that start with '(' or '['.
    'no-extra-semi': 'off',
  },
  overrides: [
    {
      // On H5 Taro writes the navigation-bar title with innerHTML: titles go through
      // src/lib/pageTitle.ts (setPageTitle), which makes them plain text.
      files: ['src/**/*.{ts,tsx}'],
      excludedFiles: ['src/lib/pageTitle.ts'],
      rules: {
        'no-restricted-properties': [
          'error',
          {
            object: 'Taro',
            property: 'setNavigationBarTitle',
            message: 'Use setPageTitle from @/lib/pageTitle: Taro H5 writes the title with innerHTML.',
          },
        ],
        'no-restricted-syntax': [
          'error',
          {
            selector: "ImportSpecifier[imported.name='setNavigationBarTitle']",
            message: 'Use setPageTitle from @/lib/pageTitle: Taro H5 writes the title with innerHTML.',
          },
          {
            // Taro H5 puts a toast's image into a CSS url() unescaped.
            selector:
              "CallExpression[callee.property.name=/^show(Toast|Loading)$/] Property[key.name='image']",
            message: 'No toast images: Taro H5 writes them into CSS unescaped.',
          },
        ],
      },
    },
    {
      // The domain is bundled into the cloud function: no Taro, no React.
      files: ['src/domain/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: ['@tarojs/*', 'react', 'react-dom'] }],
      },
    },
    {
      files: ['test/**/*.{ts,tsx}'],
      rules: {
        '@typescript-eslint/no-explicit-any': 'off',
        '@typescript-eslint/no-var-requires': 'off',
        '@typescript-eslint/no-require-imports': 'off',
      },
    },
  ],
  ignorePatterns: [
    'node_modules',
    'dist',
    'dist-h5',
    'build',
    'cloudfunctions/api/index.js',
    '*.js',
    '*.cjs',
    '*.mjs',
    // The repo's scripts are checked like the rest (plain .mjs with JSDoc types, tsc -p scripts).
    '!scripts/**/*.mjs',
  ],
}
