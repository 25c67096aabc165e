/**
 * The environment for a supplier's command (the system, a trigger hook): klarmeld's own, without
 * what klarmeld put there for itself. bin/klarmeld.js sets NODE_COMPILE_CACHE so that its own
 * threads and processes (the platform's writer thread, the system's watchdog) read compiled code
 * from its cache; it notes that in KLARMELD_COMPILE_CACHE, and a system is then started as the
 * supplier's shell would start it. A NODE_COMPILE_CACHE the user set stays.
 */
export function supplierEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { KLARMELD_COMPILE_CACHE: ours, ...rest } = env;
  if (ours !== undefined && rest.NODE_COMPILE_CACHE === ours) delete rest.NODE_COMPILE_CACHE;
  return rest;
}
