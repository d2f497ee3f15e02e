// The test process talks to the local CloudBase through the real SDK, as a function
// would: these variables make @cloudbase/node-sdk skip the metadata probe and never
// look for Tencent's hosts. The endpoint itself is set per test (serviceUrl).
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.SCF_NAMESPACE = 'linli-test';
process.env.TCB_ENV = 'linli-test';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
process.env.TENCENTCLOUD_SECRETID = 'local';
process.env.TENCENTCLOUD_SECRETKEY = 'local';
process.env.SILENCE = 'true';
