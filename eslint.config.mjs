// Lint: the TypeScript rules that catch mistakes, React's rules of hooks, and the process
// boundaries the design rests on (the core runs in plain Node; the page never reaches main).
// Formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

const electron = {
  name: 'electron',
  message: 'Only the Electron entry (src/main/index.ts), src/main/electron/ and the preload may import electron: the core must run in plain Node.'
}
const nodeBuiltins = { group: ['node:*'], message: 'The page and src/shared run in a sandboxed renderer: no Node built-ins.' }
const mainFromElsewhere = {
  group: ['**/main/**', '../main', '../../main'],
  message: 'The renderer and src/shared never import src/main: they talk to the core through window.casebook.invoke.'
}
const rendererFromElsewhere = { group: ['**/renderer/**'], message: 'Only the renderer imports the renderer.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // An unused name is a mistake; a leading underscore says it is meant.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }
      ],
      // react-hook-form's generics and a few test helpers are clearer with `any` than with their full types.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }]
    }
  },
  {
    // The core: everything in src/main but the Electron entry and its window/IPC wiring.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [rendererFromElsewhere] }] }
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererFromElsewhere] }] }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [mainFromElsewhere, rendererFromElsewhere, nodeBuiltins] }] }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainFromElsewhere, rendererFromElsewhere, nodeBuiltins] }] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The rules of hooks and their dependencies; the React Compiler's rules assume a compiler we do not run.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { paths: [electron], patterns: [mainFromElsewhere, nodeBuiltins] }]
    }
  },
  {
    files: ['src/**/*.test.ts', 'e2e/**/*.ts', 'src/main/testing/**/*.ts', 'src/main/bench/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: { 'no-console': 'off' }
  }
)
