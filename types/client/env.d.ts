// Client-only (tsconfig.client.json): the mini-program has no Node. Taro replaces
// `process.env.X` at build time (the variables are typed in types/global.d.ts) and its bundler
// resolves `require()` of assets and platform-only modules; nothing else of Node exists.
declare const process: { env: NodeJS.ProcessEnv }
declare function require(id: string): any
