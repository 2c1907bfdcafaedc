// Limits that forms also enforce in the browser. They live apart from the zod schemas: a client component
// that imports anything from a schema's module ships all of zod with it (30 kB gzip on the log form).
export const NOTES_MAX = 2000;
