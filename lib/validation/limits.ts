// Limits that forms also enforce in the browser. They live apart from the zod schemas: a client component
// that imports anything from a schema's module ships all of zod with it (30 kB gzip on the log form).
export const NOTES_MAX = 2000;

/** The first and last day any date field accepts, as the date input's min and max: PostgreSQL has no year 0. */
export const EARLIEST_DAY = "1900-01-01";
export const LATEST_DAY = "2100-12-31";

/** The longest each free-text field of a patient's record may be (the migration's CHECKs say the same). */
export const PATIENT_DETAILS_LIMITS = {
  externalRecordNumber: 40,
  referralReason: 1000,
  emergencyContactName: 80,
  emergencyContactRelationship: 40,
} as const;
