import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../client';
import { communes, localities, serviceAreas } from '../schema';

const deploymentSchema = z.object({
  county: z.object({ name: z.string().min(1), slug: z.string().regex(/^[a-z0-9-]+$/) }),
  communes: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(1),
        kind: z.enum(['urban', 'urban_rural', 'rural']),
        localities: z.array(z.object({ name: z.string().min(1), kind: z.enum(['village', 'neighbourhood']) })),
      }),
    )
    .min(1),
  serviceAreas: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        namePl: z.string().min(1),
        nameEn: z.string().min(1),
        descriptionPl: z.string(),
        descriptionEn: z.string(),
      }),
    )
    .min(1),
});

export type Deployment = z.infer<typeof deploymentSchema>;

/** Reads the deployment file: AGORA_DEPLOYMENT_FILE, or the default powiat jasielski. */
export function readDeployment(path = process.env.AGORA_DEPLOYMENT_FILE || new URL('./deployment.json', import.meta.url)): Deployment {
  return deploymentSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
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

