// Loads the exercise catalogue (always; it is reference data) and the demo clinics, clinicians and patients
// (development only). Run with `npm run db:seed`; `--catalogue-only` loads just the catalogue, as
// `npm run db:migrate` does. Demo data is refused under NODE_ENV=production unless `--allow-production`.
import "dotenv/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { CATALOGUE } from "./catalogue";
import { seedDemoData } from "./demo-data";
import { seedCatalogue } from "./seed-catalogue";

const args = new Set(process.argv.slice(2));
const catalogueOnly = args.has("--catalogue-only");
const allowProduction = args.has("--allow-production");

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  const refuseDemo = process.env.NODE_ENV === "production" && !allowProduction && !catalogueOnly;
  if (refuseDemo) {
    console.error(
      "Refusing to load demo data with NODE_ENV=production: demo accounts share a published password.\n" +
        "Run `npm run db:migrate` to load the exercise catalogue, or pass --allow-production if you really mean it.",
    );
    process.exit(1);
  }
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedCatalogue(db);
    console.log(`Exercise catalogue: ${CATALOGUE.length} exercises.`);
    if (!catalogueOnly) {
      const created = await seedDemoData(db);
      console.log(
        created ? "Demo data loaded (every password: demo-password)." : "Demo data already present.",
      );
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
