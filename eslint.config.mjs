import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import lwcConfig from '@salesforce/eslint-config-lwc';
import jestPlugin from 'eslint-plugin-jest';

const lwcFiles = ['force-app/**/*.js', 'preview/modules/**/*.js', 'preview/stand-ins/**/*.js'];

export default [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'data/**',
            'preview-dist/**',
            '.sfdx/**',
            '.sf/**',
        ],
    },
    // The export service, the emulators, tests, benchmarks: TypeScript.
    ...tseslint.configs.recommended.map((config) => ({
        ...config,
        files: ['**/*.ts'],
    })),
    {
        files: ['**/*.ts'],
        languageOptions: { globals: globals.node },
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        },
    },
    {
        files: ['**/*.mjs', 'jest.config.js', 'scripts/**/*.js'],
        ...js.configs.recommended,
        languageOptions: { globals: globals.node, sourceType: 'module' },
    },
    {
        files: ['jest.config.js'],
        languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    },
    // The Lightning Web Components: Salesforce's recommended LWC rules.
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: lwcFiles,
    })),
    {
        files: ['force-app/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
    },
];
