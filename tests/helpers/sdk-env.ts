import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../emulator/credentials';

// The test process talks to the local CloudBase through the real SDK, as a function
// would: these variables make @cloudbase/node-sdk skip the metadata probe and never
// look for Tencent's hosts. The endpoint itself is set per test (serviceUrl).
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.SCF_NAMESPACE = 'linli-test';
process.env.TCB_ENV = 'linli-test';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
// The local CloudBase's documented key pair: the servers the tests start check /admin
// signatures against it (emulator/credentials.ts), and every SDK client here signs with it.
process.env.TENCENTCLOUD_SECRETID = DEFAULT_SECRET_ID;
process.env.TENCENTCLOUD_SECRETKEY = DEFAULT_SECRET_KEY;
process.env.SILENCE = 'true';
