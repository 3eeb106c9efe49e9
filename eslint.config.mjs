import js from '@eslint/js'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util'
]

/** VS Code-style layering: shared code is runtime-free; only the Electron shell may import electron. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] }
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['src/renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  layer(
    ['src/shared/**'],
    [
      { group: nodeBuiltins, message: 'src/shared runs in the browser too: no Node modules.' },
      { group: ['electron'], message: 'src/shared must not import electron.' },
      {
        group: ['**/main/**', '**/renderer/**', '**/sandbox/**'],
        message: 'src/shared imports only src/shared.'
      }
    ]
  ),
  layer(
    ['src/renderer/**'],
    [
      { group: nodeBuiltins, message: 'The renderer has no Node: talk to main through the contract.' },
      { group: ['electron'], message: 'The renderer reaches Electron only through the preload bridge.' },
      {
        group: ['**/main/**', '**/sandbox/**'],
        message: 'The renderer imports src/shared, not main-side code.'
      }
    ]
  ),
  layer(
    ['src/sandbox/**'],
    [
      { group: ['electron'], message: 'The sandbox stands alone: no electron.' },
      {
        group: ['**/main/**', '**/renderer/**'],
        message: 'src/sandbox imports only src/sandbox and src/shared.'
      }
    ]
  ),
  layer(
    ['src/main/**'],
    [
      {
        group: ['electron'],
        message: 'Services stay Electron-free; only src/main/index.ts and src/main/electron/ may import it.'
      },
      { group: ['**/renderer/**'], message: 'Main-side code does not import the renderer.' }
    ]
  ),
  {
    files: ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' }
  }
)
