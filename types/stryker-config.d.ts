// The project's Stryker configuration, as scripts/lib/mutation-targets.ts reads it.
declare module "*/stryker.config.mjs" {
  const config: { mutate: string[] };
  export default config;
}
