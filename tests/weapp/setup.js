// Loading app.js and compiling every .wxml with wcc takes a few seconds on a small machine.
// (Set here rather than as `testTimeout` so the config also works inside a jest `projects` list.)
jest.setTimeout(30000)
