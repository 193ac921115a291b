/// <reference types="vite/client" />

/** Replaced at build time (see vite.config.ts): true only where the MSW mock should start. */
declare const __MOCKS__: boolean
