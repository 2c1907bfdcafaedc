import "dotenv/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// `prisma generate` needs no database, but without a DATABASE_URL it tries to download a query engine
// (a fresh clone has no .env). The placeholder is never connected to.
process.env.DATABASE_URL ??= "postgresql://backcare:backcare@127.0.0.1:5432/backcare";
const url = new URL(process.env.DATABASE_URL);

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  // Discrete fields, not a connection string: with a connection string `migrate dev` runs the shadow
  // database's migrations against the main database.
  async adapter() {
    return new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
      idleTimeoutMillis: 50,
    });
  },
});
