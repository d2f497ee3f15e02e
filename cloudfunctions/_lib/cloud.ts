import tcb from '@cloudbase/node-sdk';

/**
 * The one CloudBase app a function instance uses. `SYMBOL_CURRENT_ENV` resolves to the
 * environment the function runs in; locally the endpoint comes from TCB_CONTEXT_CNFG.
 */
let app: ReturnType<typeof tcb.init> | undefined;

export function cloud() {
  if (!app) app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, throwOnCode: true } as any);
  return app;
}

export function database() {
  return cloud().database();
}

export type Database = ReturnType<typeof database>;

export function cloudbaseContext(context: unknown): Record<string, string | undefined> {
  return tcb.getCloudbaseContext(context as any) as unknown as Record<string, string | undefined>;
}
