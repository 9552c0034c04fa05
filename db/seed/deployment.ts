import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import * as z from 'zod';
import type { Database } from '../client';
import { communes, localities, serviceAreas } from '../schema';

// The deployment file says which county Agora serves: its names (in the grammatical forms the
// Polish texts need), the office that runs it, the contacts the privacy policy and the
// accessibility statement must give, and its communes and service areas. Nothing about a county
// is written in code or in the message catalogue; another county edits only this file.

const slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens only');
const text = z.string().trim().min(1, 'must not be empty');
const bilingual = z.object({ pl: text, en: text });
const email = z.email('must be an e-mail address');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, 'must be a phone number, e.g. +48 13 448 63 00');
const day = z.iso.date('must be a date written YYYY-MM-DD');

const countySchema = z.object({
  /** As a heading and in e-mail signatures: "Powiat jasielski". */
  name: text,
  slug,
  /** After "gminy", "mieszkańców": "powiatu jasielskiego". */
  nameGenitive: text,
  /** The English name: "Jasło County". */
  nameEn: text,
  /** The county town, in the nominative and after "z" ("połączenie autobusowe z Jasłem"). */
  seat: z.object({ name: text, nameInstrumental: text }),
  /** The forum's own name, quoted in texts ("forum „Jasielska Agora”"). */
  forumName: text,
  /** The project Agora belongs to, if any (named in the footer and the questionnaire's template). */
  project: bilingual.optional(),
  /** The office that runs the service: the data controller and the accessibility statement's body. */
  office: z.object({ name: bilingual, address: text, email, phone }),
  dataProtectionOfficer: z.object({ email }),
  /** What the accessibility statement (ustawa o dostępności cyfrowej) must say about this body. */
  accessibility: z
    .object({
      publishedOn: day,
      updatedOn: day,
      preparedOn: day,
      coordinator: z.object({ name: text.optional(), email, phone }),
      /** The office building: entrances, lift, sign language (each county's own). */
      architecture: bilingual,
    })
    .refine((a) => a.updatedOn >= a.publishedOn, { message: 'must not be before publishedOn', path: ['updatedOn'] }),
});

const deploymentSchema = z.object({
  county: countySchema,
  communes: z
    .array(
      z.object({
        slug,
        name: text,
        kind: z.enum(['urban', 'urban_rural', 'rural']),
        localities: z.array(z.object({ name: text, kind: z.enum(['village', 'neighbourhood']) })),
      }),
    )
    .min(1),
  serviceAreas: z
    .array(
      z.object({
        slug,
        namePl: text,
        nameEn: text,
        descriptionPl: z.string(),
        descriptionEn: z.string(),
      }),
    )
    .min(1),
});

export type Deployment = z.infer<typeof deploymentSchema>;
export type County = Deployment['county'];

/** Where the deployment file is: AGORA_DEPLOYMENT_FILE (relative to the working folder), else the default. */
export function deploymentPath(setting = process.env.AGORA_DEPLOYMENT_FILE): string {
  return setting || join(process.cwd(), 'db', 'seed', 'deployment.json');
}

/** A deployment file that cannot be used: its path, and what is wrong in one line naming the field. */
export class DeploymentFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`the deployment file ${path}: ${problem}`);
  }
}

/** Reads and checks the deployment file: AGORA_DEPLOYMENT_FILE, or the default powiat jasielski. */
export function readDeployment(path = deploymentPath()): Deployment {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DeploymentFileError(path, `cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
  // A field left out is named as missing rather than as "expected string, received undefined".
  const parsed = deploymentSchema.safeParse(raw, { error: (issue) => (issue.input === undefined ? 'is missing' : undefined) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DeploymentFileError(path, `${issue.path.join('.') || '(the whole file)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Loads communes, localities and service areas. Idempotent: what exists (by slug, or by name within
 * a commune) is left as an administrator may have changed it.
 */
export async function seedDeployment(db: Database, deployment: Deployment = readDeployment()) {
  await db.transaction(async (tx) => {
    for (const commune of deployment.communes) {
      await tx.insert(communes).values({ slug: commune.slug, name: commune.name, kind: commune.kind }).onConflictDoNothing();
      const [row] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.slug, commune.slug));
      if (commune.localities.length) {
        await tx
          .insert(localities)
          .values(commune.localities.map((l) => ({ communeId: row!.id, name: l.name, kind: l.kind })))
          .onConflictDoNothing();
      }
    }
    await tx
      .insert(serviceAreas)
      .values(deployment.serviceAreas.map((area, position) => ({ ...area, position })))
      .onConflictDoNothing();
  });
}

