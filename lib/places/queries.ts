import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, localities, serviceAreas } from '@/db/schema';

// Public reads of the deployment's places and service areas: what every visitor may see.

export function listActiveCommunes() {
  return db
    .select({ id: communes.id, slug: communes.slug, name: communes.name, kind: communes.kind })
    .from(communes)
    .where(eq(communes.active, true))
    .orderBy(asc(communes.name));
}

export function listActiveLocalities({ communeId }: { communeId: number }) {
  return db
    .select({ id: localities.id, name: localities.name, kind: localities.kind })
    .from(localities)
    .where(and(eq(localities.communeId, communeId), eq(localities.active, true)))
    .orderBy(asc(localities.name));
}

export function listServiceAreas() {
  return db.select().from(serviceAreas).orderBy(asc(serviceAreas.position));
}
