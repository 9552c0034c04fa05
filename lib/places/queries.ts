import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db, preparedQuery } from '@/db/client';
import { communes, localities, serviceAreas } from '@/db/schema';

// Public reads of the deployment's places and service areas: what every visitor may see.

// The two lists many pages read (filters, forms) are prepared once per connection.
const activeCommunesQuery = preparedQuery((database) =>
  database
    .select({ id: communes.id, slug: communes.slug, name: communes.name, kind: communes.kind })
    .from(communes)
    .where(eq(communes.active, true))
    .orderBy(asc(communes.name))
    .prepare('active_communes'),
);

const serviceAreasQuery = preparedQuery((database) => database.select().from(serviceAreas).orderBy(asc(serviceAreas.position)).prepare('service_areas'));

export function listActiveCommunes() {
  return activeCommunesQuery().execute();
}

export function listActiveLocalities({ communeId }: { communeId: number }) {
  return db
    .select({ id: localities.id, name: localities.name, kind: localities.kind })
    .from(localities)
    .where(and(eq(localities.communeId, communeId), eq(localities.active, true)))
    .orderBy(asc(localities.name));
}

export function listServiceAreas() {
  return serviceAreasQuery().execute();
}
