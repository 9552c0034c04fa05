import { boolean, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** How a commune is governed (gmina miejska / miejsko-wiejska / wiejska). */
export const communeKind = pgEnum('commune_kind', ['urban', 'urban_rural', 'rural']);

/** A village (sołectwo) or a town neighbourhood (osiedle). */
export const localityKind = pgEnum('locality_kind', ['village', 'neighbourhood']);

export const communes = pgTable('communes', {
  id: serial().primaryKey(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  kind: communeKind().notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const localities = pgTable(
  'localities',
  {
    id: serial().primaryKey(),
    communeId: integer()
      .notNull()
      .references(() => communes.id),
    name: text().notNull(),
    kind: localityKind().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('localities_commune_name_idx').on(t.communeId, t.name)],
);

/** The six public-service areas the forum and the surveys are organised by. */
export const serviceAreas = pgTable('service_areas', {
  id: serial().primaryKey(),
  slug: text().notNull().unique(),
  namePl: text().notNull(),
  nameEn: text().notNull(),
  descriptionPl: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  position: integer().notNull().default(0),
});

export type Commune = typeof communes.$inferSelect;
export type NewCommune = typeof communes.$inferInsert;
export type Locality = typeof localities.$inferSelect;
export type NewLocality = typeof localities.$inferInsert;
export type ServiceArea = typeof serviceAreas.$inferSelect;
export type NewServiceArea = typeof serviceAreas.$inferInsert;
