const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // Only the LWC tests: the service tests under test/ run with vitest.
    roots: ['<rootDir>/force-app'],
    moduleNameMapper: {
        '^lightning/actions$': '<rootDir>/force-app/test/jest-mocks/lightning/actions'
    },
    testTimeout: 10000
};
