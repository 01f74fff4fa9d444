/**
 * Unit and component tests (CommonJS jest + ts-jest, transpile only; `pnpm typecheck` does the types).
 * - `@tarojs/taro` and `@tarojs/components` are replaced by small stand-ins in test/ (the platform edge).
 * - Platform files resolve as on H5 (`x.h5.ts` before `x.ts`); weapp files are imported by full name.
 * - `@carecircle/shared` is compiled from its TypeScript source, the same code as its dist.
 */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/__tests__/**/*.spec.ts?(x)'],
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'json'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  moduleNameMapper: {
    '^@carecircle/shared$': '<rootDir>/../../packages/shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@tarojs/taro$': '<rootDir>/test/taro-stub.ts',
    '^@tarojs/components$': '<rootDir>/test/taro-components.tsx',
    '\\.(css|scss)$': '<rootDir>/test/style-stub.js',
  },
  setupFiles: ['<rootDir>/test/setup.ts'],
  clearMocks: true,
}
